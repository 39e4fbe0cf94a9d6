import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeOutputs } from '../../src/build/emit.ts';
import { buildGraph } from '../../src/build/pipeline.ts';
import type { GraphDocument } from '../../src/schema/graph.ts';
import { shorten } from '../../src/snapshot/text-width.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
let scratch: string;
let data: string;
let out: string;
let graph: GraphDocument;

/** A label with every character a format must escape: quotes, backslash, line break, markup, a control character, emoji. */
const NASTY = 'Quote " apos \' back\\slash <tag> & amp\nsecond line \u0007 bell 🚀 ünï';

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'exports-'));
  const repo = join(scratch, 'repo');
  mkdirSync(join(repo, 'docs'), { recursive: true });
  writeFileSync(join(repo, 'README.md'), '# Exports\n\n| Project | Leads |\n| --- | --- |\n| [Nasty](docs/nasty.md) | Ann Lee (@annlee), Bo Chan |\n');
  writeFileSync(join(repo, 'docs/nasty.md'), `---\ntitle: ${JSON.stringify(NASTY)}\n---\n\nSee the [readme](../README.md) and <https://example.org/a?b=1&c=2>.\n`);
  data = join(scratch, 'data');
  const output = await buildGraph({ repo, threads: 1 });
  // The build squashes white space in titles; a graph may still hold any text, so the label
  // is set whole, line break included.
  graph = output.graph;
  graph.nodes.find((node) => node.id === 'doc:docs/nasty.md')!.label = NASTY;
  await writeOutputs(data, new Map([...output.files, ['graph.json', JSON.stringify(graph)]]));
  out = join(scratch, 'out');
  const exportArgs = (format: string, path: string): string[] => ['--import', 'tsx', 'scripts/export.ts', '--format', format, '--out', path, '--data', data];
  for (const [format, path] of [['graphml', 'graph.graphml'], ['gexf', 'graph.gexf'], ['dot', 'graph.dot'], ['cytoscape', 'graph.cyjs'], ['csv', 'csv'], ['neo4j', 'neo4j']] as const) {
    await run(process.execPath, exportArgs(format, join(out, path)), { cwd: root });
  }
  for (const file of ['nasty.svg', 'nasty.png']) {
    await run(process.execPath, ['--import', 'tsx', 'scripts/snapshot.ts', '--view', 'node=doc:docs/nasty.md&focus=1', '--out', join(out, file), '--data', data], { cwd: root });
  }
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('exports read back by tools the project did not write', () => {
  it('networkx reads GraphML, GEXF 1.3 and Cytoscape JSON, Python’s csv module both CSV layouts, with every node, edge and label', async () => {
    const { stdout } = await run('python3', [join(root, 'tests/exports/read-back.py'), out]);
    const read = JSON.parse(stdout) as Record<string, Record<string, unknown>>;
    const nasty = graph.nodes.find((node) => node.id === 'doc:docs/nasty.md')!;
    expect(nasty.label).toBe(NASTY);
    // XML 1.0 cannot hold the bell: it becomes U+FFFD; everything else comes back as it was.
    const xmlSafe = NASTY.replace('\u0007', '\ufffd');
    for (const format of ['graphml', 'gexf', 'csv', 'neo4j', 'cytoscape']) {
      expect(read[format]!['nodes'], format).toBe(graph.nodes.length);
      expect(read[format]!['edges'], format).toBe(graph.edges.length);
    }
    expect((read['graphml']!['labels'] as Record<string, string>)[nasty.id]).toBe(xmlSafe);
    expect((read['gexf']!['labels'] as Record<string, string>)[nasty.id]).toBe(xmlSafe);
    expect((read['csv']!['labels'] as Record<string, string>)[nasty.id]).toBe(NASTY);
    expect((read['neo4j']!['labels'] as Record<string, string>)[nasty.id]).toBe(NASTY);
    const ann = graph.nodes.find((node) => node.label === 'Ann Lee')!;
    expect((read['graphml']!['kinds'] as Record<string, string>)[ann.id]).toBe('person');
    expect((read['graphml']!['sources'] as Record<string, string>)[ann.id]).toBe('README.md:5');
    expect((read['graphml']!['x'] as Record<string, number>)[ann.id]).toBe(ann.position!.x);
    expect((read['gexf']!['colors'] as Record<string, { r: number; g: number; b: number }>)[ann.id]).toMatchObject({ r: 0x27, g: 0xae, b: 0x60 });
    expect(read['csv']!['columns']).toEqual(expect.arrayContaining(['Id', 'Label', 'kind', 'sources']));
    expect((read['csv']!['edgeColumns'] as string[]).slice(0, 4)).toEqual(['Source', 'Target', 'Type', 'Label']);
    expect(read['neo4j']!['columns']).toEqual(['id:ID', 'name', 'kind', 'path', 'sources', ':LABEL']);
    expect(read['neo4j']!['edgeColumns']).toEqual([':START_ID', ':END_ID', ':TYPE', 'role', 'anchor', 'sources']);
  }, 60_000);

  it('Graphviz renders the DOT and reads back every label', async () => {
    const { stdout } = await run('dot', ['-Tjson', join(out, 'graph.dot')]);
    const rendered = JSON.parse(stdout) as { objects: Array<{ name: string; label: string }>; edges?: unknown[] };
    expect(rendered.objects).toHaveLength(graph.nodes.length);
    expect(rendered.edges).toHaveLength(graph.edges.length);
    // Graphviz keeps a label's escapes as written (`\\` for a backslash, `\n` for a line break) and
    // draws them as the characters; the bell became U+FFFD.
    expect(rendered.objects.find((object) => object.name === 'doc:docs/nasty.md')!.label).toBe(NASTY.replace('\\', '\\\\').replace('\n', '\\n').replace('\u0007', '\ufffd'));
    const svg = (await run('dot', ['-Tsvg', join(out, 'graph.dot')])).stdout;
    // Drawn: one backslash, the break as two text lines, the markup as text.
    expect(svg).toContain('>Quote &quot; apos &#39; back\\slash &lt;tag&gt; &amp; amp</text>');
    expect(svg).toContain('>second line � bell 🚀 ünï</text>');
  }, 60_000);

  it('writes a Cypher script that loads both files, and exports what a view shows', async () => {
    const script = readFileSync(join(out, 'neo4j/import.cypher'), 'utf8');
    expect(script).toContain("LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row WITH row WHERE row.kind = 'person' CREATE (:Node:`Person`");
    expect(script).toContain("WHERE row.`:TYPE` = 'ROLE' MATCH (a:Node {id: row.`:START_ID`}), (b:Node {id: row.`:END_ID`}) CREATE (a)-[:`ROLE`");
    const view = join(scratch, 'view.cyjs');
    await run(process.execPath, ['--import', 'tsx', 'scripts/export.ts', '--format', 'cytoscape', '--out', view, '--data', data, '--view', '?node=group:nasty&focus=1&depth=1&hide=document'], { cwd: root });
    const elements = (JSON.parse(readFileSync(view, 'utf8')) as { elements: { nodes: Array<{ data: { id: string } }> } }).elements;
    expect(elements.nodes.map((node) => node.data.id).sort()).toEqual(['group:nasty', 'person:ann-lee', 'person:bo-chan']);
  }, 60_000);

  it('draws the hostile label in a snapshot that XML reads back exactly, cut to a label length', async () => {
    const { stdout } = await run('python3', [join(root, 'tests/snapshot/read-svg.py'), join(out, 'nasty.svg')]);
    const svg = Object.values(JSON.parse(stdout) as Record<string, { title: string; texts: Array<{ text: string }> }>)[0]!;
    const xmlSafe = NASTY.replace('\u0007', '\ufffd');
    expect(svg.title).toBe(`${xmlSafe}: its neighbourhood`);
    expect(svg.texts.map((text) => text.text)).toContain(shorten(xmlSafe, 32));
    const png = readFileSync(join(out, 'nasty.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });

  it('refuses to export a view of a node the graph lacks, saying so', async () => {
    const failure = run(process.execPath, ['--import', 'tsx', 'scripts/export.ts', '--format', 'dot', '--out', join(out, 'none.dot'), '--data', data, '--view', 'node=doc:nope.md&depth=5'], { cwd: root });
    await expect(failure).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('error: --view: "depth" must be one of 1, 2, 3, not "5"; this graph has no node "doc:nope.md" (node)') });
  });
});
