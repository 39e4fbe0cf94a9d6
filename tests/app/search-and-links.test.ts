import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { safeHref, sourceUrl } from '../../src/app/lib/links.ts';
import { DataError, validateGraph } from '../../src/app/lib/load-data.ts';
import { highlightParts, runSearch, searchCatalogOf, searchSteps, type SearchCatalog } from '../../src/app/lib/search-engine.ts';
import { loadShards } from '../helpers/search.ts';
import { buildGraph, type BuildOutput } from '../../src/build/pipeline.ts';

let output: BuildOutput;
let catalog: SearchCatalog;

beforeAll(async () => {
  output = await buildGraph({ repo: join(import.meta.dirname, '../fixtures/demo-repo'), threads: 1 });
  catalog = searchCatalogOf(output.graph);
});

describe('search over the built index', () => {
  it('ranks the entity above documents that mention it', () => {
    const hits = runSearch(loadShards(output.searchIndex!), 'rogue', catalog);
    expect(hits[0]).toMatchObject({ nodeId: 'compromise:rogue-maintainer', kind: 'compromise' });
    expect(hits.map((h) => h.nodeId)).toContain('doc:catalog/incidents/2023/rogue.md');
  });
  it('tolerates typos and prefixes, and finds people by handle', () => {
    const index = loadShards(output.searchIndex!);
    expect(runSearch(index, 'Obsrvability', catalog)[0]?.nodeId).toBe('group:observability');
    expect(runSearch(index, 'harden', catalog)[0]?.nodeId).toBe('publication:hardening-handbook');
    expect(runSearch(index, 'zadler', catalog)[0]?.nodeId).toBe('person:zoe-adler');
    expect(runSearch(index, 'zoë', catalog)[0]?.nodeId).toBe('person:zoe-adler');
  });
  it('returns one hit per node, with the matching section', () => {
    const hits = runSearch(loadShards(output.searchIndex!), 'getting started', catalog);
    expect(hits.filter((h) => h.nodeId === 'doc:docs/process.md')).toHaveLength(1);
    expect(hits.find((h) => h.nodeId === 'doc:docs/process.md')).toMatchObject({ heading: 'Getting started', anchor: 'getting-started' });
    expect(runSearch(loadShards(output.searchIndex!), '   ', catalog)).toEqual([]);
  });
});

describe('searchSteps', () => {
  /** Every step to the answer: how many pauses there were, and what it answered. */
  function stepThrough(steps: Generator<void, unknown>): { pauses: number; answer: unknown } {
    for (let pauses = 0; ; pauses += 1) {
      const step = steps.next();
      if (step.done) return { pauses, answer: step.value };
    }
  }

  it('pauses after each shard, and answers as runSearch does', () => {
    const index = loadShards(output.searchIndex!);
    expect(index.length).toBeGreaterThan(1);
    for (const query of ['rogue', 'Obsrvability', 'getting started']) {
      expect(stepThrough(searchSteps(index, query, catalog))).toEqual({ pauses: index.length, answer: runSearch(index, query, catalog) });
    }
  });

  it('searches each shard again for any of the words when no section has them all', () => {
    const index = loadShards(output.searchIndex!);
    const { pauses, answer } = stepThrough(searchSteps(index, 'rogue zzzqqq', catalog));
    expect(pauses).toBe(2 * index.length);
    expect((answer as Array<{ nodeId: string }>)[0]?.nodeId).toBe('compromise:rogue-maintainer');
    expect(stepThrough(searchSteps(index, '  ', catalog))).toEqual({ pauses: 0, answer: [] });
  });
});

describe('highlightParts', () => {
  it('marks matches case-insensitively without markup', () => {
    expect(highlightParts('The xz backdoor', ['xz', 'back'])).toEqual([
      { text: 'The ', match: false },
      { text: 'xz', match: true },
      { text: ' ', match: false },
      { text: 'back', match: true },
      { text: 'door', match: false },
    ]);
    expect(highlightParts('<script>(a+b)', ['(a+b)'])).toEqual([{ text: '<script>', match: false }, { text: '(a+b)', match: true }]);
  });
});

describe('links in the app', () => {
  it('lets only web addresses through', () => {
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref(' JavaScript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,<script>')).toBeUndefined();
    expect(safeHref('https://example.org/a b')).toBe('https://example.org/a%20b');
  });
  it('points provenance at the file and line', () => {
    expect(sourceUrl({ name: 'o/r', url: 'https://github.com/o/r', ref: 'main' }, { path: 'docs/a b#c.md', line: 12 })).toBe('https://github.com/o/r/blob/main/docs/a%20b%23c.md#L12');
    expect(sourceUrl({ name: 'o/r', url: 'javascript:alert(1)' }, { path: 'a.md', line: 1 })).toBeUndefined();
    expect(sourceUrl({ name: 'local' }, { path: 'a.md', line: 1 })).toBeUndefined();
  });
});

describe('validateGraph', () => {
  it('accepts a built graph and names what is wrong with others', () => {
    expect(validateGraph(JSON.parse(JSON.stringify(output.graph))).nodes).toHaveLength(output.graph.nodes.length);
    expect(() => validateGraph([])).toThrow(DataError);
    expect(() => validateGraph({ ...output.graph, schemaVersion: 99 })).toThrow(/schema version 99/);
    expect(() => validateGraph({ ...output.graph, edges: [{ source: 'x', target: 'y', kind: 'links_to' }] })).toThrow(/edge 0 points at a node that does not exist/);
    expect(() => validateGraph({ ...output.graph, nodes: [{ id: 1 }] })).toThrow(/node 0 is malformed/);
  });
});
