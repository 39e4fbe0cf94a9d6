import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGraph, type BuildOutput } from '../../src/build/pipeline.ts';
import { GraphModel } from '../../src/view/graph-model.ts';
import { GraphQuery } from '../helpers/graph.ts';

const repo = join(import.meta.dirname, '../fixtures/demo-repo');
let output: BuildOutput;
let q: GraphQuery;

beforeAll(async () => {
  output = await buildGraph({ repo, repoUrl: 'https://github.com/example/demo', ref: 'main', threads: 1 });
  q = new GraphQuery(output.graph);
});

describe('build on the demo repository', () => {
  it('makes every markdown file a document with its title', () => {
    const documents = output.graph.nodes.filter((n) => n.kind === 'document');
    expect(documents).toHaveLength(13);
    expect(q.node('doc:groups/policy/README.md').label).toBe('Policy Working Group');
    expect(q.node('doc:groups/policy/README.md').attrs?.['date']).toBe('2023-05-02');
    expect(output.graph.repo).toEqual({ name: 'example/demo', url: 'https://github.com/example/demo', ref: 'main' });
  });

  it('reads groups and roles from role tables and labelled lines, merging people', () => {
    const observability = q.find('group', 'Observability');
    const leads = q.edges({ target: observability.id, kind: 'role', role: 'lead' }).map((e) => e.source);
    expect(q.labels(leads)).toEqual(['Ravi Shankar', 'Zoe Adler']);
    expect(q.edges({ target: observability.id, role: 'stag-rep' }).map((e) => q.node(e.source).label)).toEqual(['Mia Chen']);
    const zoe = q.find('person', 'Zoe Adler');
    expect(zoe.attrs).toMatchObject({ handle: 'zadler', aliases: ['@zadler', 'Zoë Adler'] });
    expect(q.edges({ source: 'doc:groups/observability/README.md', kind: 'describes' }).map((e) => e.target)).toEqual([observability.id]);
    // `**Leads:**` in the group's own page is about that group.
    const sources = q.edges({ source: zoe.id, target: observability.id, role: 'lead' })[0]!.sources;
    expect(sources).toEqual([{ path: 'README.md', line: 17 }, { path: 'groups/observability/README.md', line: 5 }]);
  });

  it('never makes a person of TBD or Link', () => {
    const people = output.graph.nodes.filter((n) => n.kind === 'person').map((n) => n.label);
    expect(people).not.toContain('TBD');
    expect(people).not.toContain('Link');
    expect(people.sort()).toEqual(['Ana Lima', 'Lee Wong', 'Mia Chen', 'Omar Haddad', 'Priya Nair', 'Ravi Shankar', 'Sam Ortiz', 'Tom Okafor', 'Tom Okafr', 'Zoe Adler']);
  });

  it('gives emeritus chairs to the repository group, with terms and affiliations', () => {
    const root = q.find('group', 'Example Security Group');
    const emeriti = q.edges({ target: root.id, role: 'chair-emeritus' });
    expect(q.labels(emeriti.map((e) => e.source))).toEqual(['Omar Haddad', 'Zoe Adler']);
    expect(emeriti.find((e) => q.node(e.source).label === 'Zoe Adler')?.attrs).toEqual({ term: '2019 - 2021' });
    expect(q.edges({ source: q.find('person', 'Zoe Adler').id, kind: 'affiliated_with' }).map((e) => q.node(e.target).label)).toEqual(['Acme Corp']);
    expect(output.graph.nodes.filter((n) => n.kind === 'organization').map((n) => n.label)).toEqual(['Acme Corp']);
  });

  it('finds assessed projects by folder convention, with reviewers and leads', () => {
    const projects = output.graph.nodes.filter((n) => n.kind === 'project').map((n) => n.label);
    expect(projects).toEqual(['Acorn', 'Birch', 'Cedar']);
    const acorn = q.find('project', 'Acorn');
    expect(q.labels(q.edges({ target: acorn.id, role: 'security-reviewer' }).map((e) => e.source))).toEqual(['Ana Lima', 'Ravi Shankar', 'Tom Okafor']);
    expect(q.labels(q.edges({ target: acorn.id, role: 'project-security-lead' }).map((e) => e.source))).toEqual(['Priya Nair']);
    expect(q.edges({ target: acorn.id, kind: 'assesses' }).map((e) => [e.source, e.role])).toEqual([['doc:reviews/projects/acorn/self-assessment.md', 'self-assessment']]);
    expect(q.edges({ target: 'doc:reviews/projects/birch/self-assessment.md', kind: 'author' }).map((e) => q.node(e.source).label).sort()).toEqual(['Lee Wong', 'Sam Ortiz']);
  });

  it('builds the compromise catalog with split, case-merged categories', () => {
    const leaky = q.find('compromise', 'Leaky build server');
    expect(leaky.attrs).toMatchObject({ year: 2023, types: ['Dev Tooling', 'Source Code'] });
    expect(q.edges({ source: leaky.id, kind: 'in_category' }).map((e) => e.target)).toEqual(['category:dev-tooling', 'category:source-code']);
    expect(q.edges({ target: 'category:source-code', kind: 'in_category' })).toHaveLength(2);
    expect(q.node('category:source-code').label).toBe('Source Code');
    expect(q.edges({ target: leaky.id, kind: 'describes' }).map((e) => e.source)).toEqual(['doc:catalog/incidents/2023/leaky-build.md']);
  });

  it('reads publications with dates and formats', () => {
    const handbook = q.find('publication', 'Hardening Handbook');
    expect(handbook.attrs?.['date']).toBe('2024-03');
    expect(q.edges({ source: handbook.id, kind: 'has_format' }).map((e) => [e.target, e.role])).toEqual([['doc:docs/hardening.md', 'markdown']]);
    // A project folder without an index page stands for the project's home page.
    const birch = q.find('publication', 'Birch Review');
    expect(q.edges({ source: birch.id, kind: 'has_format' }).map((e) => e.target)).toEqual(['doc:reviews/projects/birch/self-assessment.md']);
    // ... for plain links as much as for table entries.
    expect(q.edges({ source: 'doc:README.md', target: 'doc:reviews/projects/birch/self-assessment.md', kind: 'links_to' })).toHaveLength(1);
  });

  it('resolves links and reports broken ones with provenance', () => {
    expect(q.edges({ source: 'doc:README.md', target: 'doc:docs/process.md', kind: 'links_to' })[0]).toMatchObject({ anchor: 'getting-started', sources: [{ path: 'README.md', line: 20 }] });
    expect(q.edges({ source: 'doc:README.md', target: 'doc:groups/policy/README.md', kind: 'links_to' })).toHaveLength(1);
    expect(output.report.brokenLinks).toEqual([
      { source: 'docs/hardening.md', line: 3, target: '../charter.md', missing: 'file', reason: 'file not found' },
      { source: 'docs/process.md', line: 5, target: '#nowhere', missing: 'anchor', reason: 'no heading or anchor #nowhere' },
    ]);
    expect(output.report.possibleDuplicates.map((d) => d.labels)).toEqual([['Tom Okafor', 'Tom Okafr']]);
    // A site's addresses are on the links into it, once, not repeated on the site's node.
    expect(q.node('external:example.net').attrs).toBeUndefined();
    expect(new GraphModel(output.graph).addressesOf('external:example.net')).toEqual(['https://www.example.net/checklist']);
  });

  it('links every document to its folder index', () => {
    expect(q.edges({ source: 'doc:catalog/incidents/2023/rogue.md', kind: 'part_of' }).map((e) => e.target)).toEqual(['doc:catalog/README.md']);
    expect(q.edges({ source: 'doc:catalog/README.md', kind: 'part_of' }).map((e) => e.target)).toEqual(['doc:README.md']);
    expect(q.edges({ source: 'doc:README.md', kind: 'part_of' })).toEqual([]);
  });

  it('gives every node and edge a source inside the repository', () => {
    const documents = new Set(output.graph.nodes.filter((n) => n.kind === 'document').map((n) => n.path));
    for (const item of [...output.graph.nodes, ...output.graph.edges]) {
      expect(item.sources.length).toBeGreaterThan(0);
      for (const source of item.sources) {
        expect(documents.has(source.path), source.path).toBe(true);
        expect(source.line).toBeGreaterThanOrEqual(1);
      }
    }
  });
});

describe('exclusion', () => {
  it('leaves out what --exclude names and lists it in the report', async () => {
    const excluded = await buildGraph({ repo, excludes: ['people/**', '**/rogue.md'], threads: 1 });
    expect(excluded.report.stats.excluded).toEqual(['catalog/incidents/2023/rogue.md', 'people']);
    const paths = excluded.graph.nodes.filter((n) => n.kind === 'document').map((n) => n.path);
    expect(paths).not.toContain('people/alumni.md');
    expect(paths).not.toContain('catalog/incidents/2023/rogue.md');
    // A link into what was left out is neither followed nor reported broken.
    expect(excluded.report.brokenLinks.map((b) => b.target)).not.toContain('people/alumni.md');
    expect(excluded.graph.edges.filter((e) => e.source === 'doc:README.md' && e.kind === 'links_to').map((e) => e.target)).not.toContain('doc:people/alumni.md');
  });
});

describe('determinism', () => {
  it('gives byte-identical output whatever order the files were created in', async () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else files.push(relative(repo, path));
      }
    };
    walk(repo);
    const copies = [files, [...files].reverse()].map((order) => {
      const dir = mkdtempSync(join(tmpdir(), 'order-'));
      for (const file of order) cpSync(join(repo, file), join(dir, file));
      return dir;
    });
    const [first, second] = await Promise.all(copies.map((dir) => buildGraph({ repo: dir, repoUrl: 'https://github.com/example/demo', ref: 'main', threads: 1 })));
    expect(first!.files.get('graph.json')).toBe(second!.files.get('graph.json'));
    expect(first!.files.get('search-index.json')).toBe(second!.files.get('search-index.json'));
    expect(first!.files.get('graph.json')).toBe(output.files.get('graph.json'));
    for (const dir of copies) rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same output with the layout and search index in worker threads', async () => {
    const inWorkers = await buildGraph({ repo, repoUrl: 'https://github.com/example/demo', ref: 'main', threads: 2, stageWorkers: true });
    expect(output.report.stats.documents).toBeLessThan(100);
    for (const name of ['graph.json', 'search-index.json']) expect(inWorkers.files.get(name)).toBe(output.files.get(name));
    expect(inWorkers.graph.nodes.filter((node) => node.position).length).toBe(output.graph.nodes.length);
  });
});
