import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractSafely } from '../../src/build/extract-safely.ts';
import { buildGraph, type BuildOutput } from '../../src/build/pipeline.ts';
import { DEFAULT_REGISTRY } from '../../src/kinds/registry.ts';
import { CNCF } from '../helpers/graph.ts';
import { PATHOLOGICAL, writeHostileTree } from '../helpers/hostile-tree.ts';

const run = promisify(execFile);

const workspace = mkdtempSync(join(tmpdir(), 'hostile-'));
let repo: string;
let output: BuildOutput;

beforeAll(async () => {
  repo = writeHostileTree(workspace).repo;
  output = await buildGraph({ repo, threads: 2, maxBytes: 4 * 1024 * 1024 });
});

afterAll(() => rmSync(workspace, { recursive: true, force: true }));

const warningFor = (path: string): string[] => output.report.warnings.filter((w) => w.path === path).map((w) => w.message);

describe('hostile input', () => {
  it('warns on broken YAML front matter and keeps the document', () => {
    expect(warningFor('bad-yaml.md')[0]).toMatch(/^invalid YAML front matter/);
    expect(output.graph.nodes.find((n) => n.id === 'doc:bad-yaml.md')?.label).toBe('Still a document');
  });
  it('decodes invalid UTF-8 with replacement and says where', () => {
    expect(output.report.warnings).toContainEqual({ path: 'invalid-utf8.md', line: 3, message: 'invalid UTF-8; undecodable bytes replaced' });
    expect(output.graph.nodes.find((n) => n.id === 'doc:invalid-utf8.md')?.label).toBe('Broken bytes');
  });
  it('keeps a binary file named .md out of the documents', () => {
    expect(warningFor('binary.md')).toEqual(['binary content in a markdown file; kept as an asset']);
    expect(output.graph.nodes.some((n) => n.id === 'doc:binary.md')).toBe(false);
  });
  it('keeps empty and oversized files as documents without content', () => {
    expect(warningFor('empty.md')).toEqual(['empty file']);
    expect(warningFor('huge.md')[0]).toMatch(/over the 4194304-byte limit; kept without content$/);
    expect(output.graph.nodes.find((n) => n.id === 'doc:huge.md')?.attrs?.['words']).toBe(0);
  });
  it('keeps files that would take too long to parse as plain text with their headings, and says so', () => {
    for (const path of ['deep-quotes.md', 'deep-lists.md', ...Object.keys(PATHOLOGICAL)]) {
      expect(output.graph.nodes.some((n) => n.id === `doc:${path}`), path).toBe(true);
      expect(warningFor(path), path).toEqual([expect.stringMatching(/^not parsed as markdown: .* would take too long to parse; kept with its headings and text$/)]);
    }
    expect(output.graph.nodes.find((n) => n.id === 'doc:deep-lists.md')?.attrs?.['words']).toBe(2);
    const indented = output.graph.nodes.find((n) => n.id === 'doc:deep-indented-list.md')!;
    expect(indented.label).toBe('Nested plans');
    expect(indented.attrs?.['headings']).toEqual(['Nested plans', 'Afterword']);
    // A long line is not a pathology: it is parsed.
    expect(warningFor('long-line.md')).toEqual([]);
    expect(output.graph.nodes.find((n) => n.id === 'doc:long-line.md')?.attrs?.['words']).toBe(200_000);
  });

  it('bounds what one file costs: each pathological file costs at most a few times a plain one of its size', () => {
    const cost = (text: string): number => {
      const start = performance.now();
      extractSafely('x.md', text, CNCF, DEFAULT_REGISTRY);
      return performance.now() - start;
    };
    // Warm the parser first, so neither side pays for the compiler.
    cost(`# Warm\n\n${'Some **bold** text with a [link](x.md).\n\n'.repeat(2000)}`);
    for (const [name, text] of Object.entries(PATHOLOGICAL)) {
      const plain = `# Plain\n\n${'Some **bold** text with a [link](x.md).\n\n'.repeat(Math.ceil(text.length / 42))}`;
      // Generous: parsed, each of these would cost hundreds of times more.
      expect(cost(text), name).toBeLessThan(5 * cost(plain) + 50);
    }
  });
  it('resolves names with spaces, #, % and non-ASCII letters', () => {
    const targets = output.graph.edges.filter((e) => e.source === 'doc:README.md' && e.kind === 'links_to').map((e) => e.target).sort();
    expect(targets).toEqual(['doc:docs/100%.md', 'doc:docs/a#b.md', 'doc:docs/with spaces.md', 'doc:docs/été.md']);
    expect(output.report.brokenLinks.filter((b) => b.source === 'README.md')).toEqual([]);
  });
  it('never follows symlinks out of the repository, and ends loops', () => {
    expect(output.graph.nodes.some((n) => n.label === 'Outside' || n.label === 'Should Not Appear')).toBe(false);
    expect(warningFor('escape')).toEqual(['symlink points outside the repository; not followed']);
    expect(warningFor('secret-link.md')).toEqual(['symlink points outside the repository; not followed']);
    expect(output.graph.nodes.filter((n) => n.kind === 'document' && n.path?.startsWith('loop/'))).toEqual([]);
  });
  it('keeps markup in labels as plain text data', () => {
    // Tags are markup, not text: what is left is the words between them.
    expect(output.graph.nodes.find((n) => n.id === 'doc:xss.md')?.label).toBe('alert(1) title');
    expect(output.graph.nodes.some((n) => n.kind === 'group' && n.label === '')).toBe(false);
    expect(output.graph.edges.some((e) => e.target.startsWith('external:') && e.source === 'doc:xss.md')).toBe(false);
  });
});

describe('command line', () => {
  const tsx = join(import.meta.dirname, '../../node_modules/.bin/tsx');
  const cli = join(import.meta.dirname, '../../scripts/build-graph.ts');

  it('fails with one line and a non-zero exit on a missing --repo', async () => {
    const result = await run(tsx, [cli, '--repo', join(workspace, 'nope'), '--out', join(workspace, 'out'), '--quiet']).catch((error: { code: number; stderr: string }) => error);
    expect('code' in result ? result.code : 0).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([`error: cannot read --repo ${join(workspace, 'nope')}: ENOENT`]);
  });

  it('writes byte-identical output twice, and leaves it in place when a later build fails', async () => {
    const out = join(workspace, 'out');
    await run(tsx, [cli, '--repo', repo, '--out', out, '--quiet']);
    const first = ['graph.json', 'search-index.json', 'report.json'].map((name) => readFileSync(join(out, name), 'utf8'));
    await run(tsx, [cli, '--repo', repo, '--out', out, '--quiet', '--threads', '1']);
    const second = ['graph.json', 'search-index.json', 'report.json'].map((name) => readFileSync(join(out, name), 'utf8'));
    expect(second).toEqual(first);
    await run(tsx, [cli, '--repo', join(workspace, 'nope'), '--out', out, '--quiet']).catch(() => undefined);
    expect(readFileSync(join(out, 'graph.json'), 'utf8')).toBe(first[0]);
  });
});
