import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractSafely } from '../../src/build/extract-safely.ts';
import { buildGraph, type BuildOutput } from '../../src/build/pipeline.ts';
import { DEFAULT_REGISTRY } from '../../src/kinds/registry.ts';
import { CNCF } from '../helpers/graph.ts';

const run = promisify(execFile);

/** Generated files whose parsing grows with the square of their size. */
const PATHOLOGICAL: Record<string, string> = {
  'deep-indented-list.md': `# Nested plans\n\n${Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- step ${i}`).join('\n')}\n\n## Afterword\n\nDone.\n`,
  'emphasis-run.md': `# Stars\n\n${'*a'.repeat(50_000)}\n`,
  'bracket-run.md': `# Brackets\n\n${'[a]('.repeat(30_000)}\n`,
  'many-nested-lines.md': `# Nested lines\n\n${`${'- '.repeat(64)}x\n`.repeat(200)}`,
};
const workspace = mkdtempSync(join(tmpdir(), 'hostile-'));
const repo = join(workspace, 'repo');
const outside = join(workspace, 'outside');
let output: BuildOutput;

function write(path: string, content: string | Uint8Array): void {
  const full = join(repo, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, content);
}

beforeAll(async () => {
  mkdirSync(repo, { recursive: true });
  mkdirSync(outside, { recursive: true });
  writeFileSync(join(outside, 'secret.md'), '# Outside\n\nLead: Should Not Appear\n');
  write('README.md', '# Hostile\n\nSee [spaces](docs/with%20spaces.md), [hash](docs/a%23b.md), [accents](docs/%C3%A9t%C3%A9.md), [percent](docs/100%25.md), [through a link](docs-alias/a%23b.md).\n');
  write('bad-yaml.md', '---\ntitle: [unclosed\n---\n# Still a document\n');
  write('invalid-utf8.md', Buffer.concat([Buffer.from('# Broken bytes\n\ntext '), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(' more\n')]));
  write('binary.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]));
  write('empty.md', '');
  write('huge.md', `# Huge\n\n${'lorem ipsum dolor sit amet '.repeat(800_000)}\n`);
  write('deep-quotes.md', `${'>'.repeat(5000)} deep\n`);
  // `- - - … item` opens a list inside a list at every dash: 3000 levels on one line.
  write('deep-lists.md', `${'- '.repeat(3000)}deepest item\n`);
  // Shapes whose parsing grows with the square of their size (see src/build/extract/pathology.ts).
  for (const [name, text] of Object.entries(PATHOLOGICAL)) write(name, text);
  write('long-line.md', `# Long line\n\n${'word '.repeat(200_000)}\n`);
  write('docs/with spaces.md', '# Spaces\n');
  write('docs/a#b.md', '# Hash\n');
  write('docs/été.md', '# Accents\n');
  write('docs/100%.md', '# Percent\n');
  write('xss.md', '# <script>alert(1)</script> title\n\n| Project | Leads |\n|---|---|\n| <img src=x onerror=alert(1)> | Evil Person |\n\n[click](javascript:alert(1))\n');
  symlinkSync(outside, join(repo, 'escape'));
  symlinkSync(join(outside, 'secret.md'), join(repo, 'secret-link.md'));
  symlinkSync(repo, join(repo, 'loop'));
  symlinkSync(join(repo, 'docs'), join(repo, 'docs-alias'));
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
