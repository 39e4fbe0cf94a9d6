import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGraph, type BuildOutput } from '../../src/build/pipeline.ts';
import { renderViews, ViewError } from '../../src/build/views.ts';
import { overlaps, type Box } from '../../src/snapshot/box-index.ts';
import { GraphModel } from '../../src/view/graph-model.ts';
import { viewSubgraph } from '../../src/view/subset.ts';
import { parseViewState } from '../../src/view/view.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const corpus = join(root, '../shared/corpus/tag-security');
const VIEWS = {
  'supply-chain': 'node=group:software-supply-chain&focus=1&depth=2',
  'tag-hubs': 'node=group:security-technical-advisory-group&focus=1&depth=2&labels=hubs',
};

interface ReadSvg {
  root: string;
  width: number;
  height: number;
  tags: string[];
  references: string[];
  title: string;
  texts: Array<{ text: string; x: number; y: number; length: number; size: number; parent: 'graph' | 'legend' }>;
}

let output: BuildOutput;
let scratch: string;
let read: Record<string, ReadSvg>;

beforeAll(async () => {
  output = await buildGraph({ repo: corpus, searchIndex: false, views: VIEWS });
  scratch = mkdtempSync(join(tmpdir(), 'snapshots-'));
  const paths: string[] = [];
  for (const [name, content] of output.files) {
    if (!name.endsWith('.svg')) continue;
    const path = join(scratch, name.replace('/', '-'));
    writeFileSync(path, content);
    paths.push(path);
  }
  const { stdout } = await run('python3', [join(root, 'tests/snapshot/read-svg.py'), ...paths], { maxBuffer: 64 << 20 });
  read = Object.fromEntries(Object.entries(JSON.parse(stdout) as Record<string, ReadSvg>).map(([path, value]) => [path.slice(scratch.length + 1).replace('-', '/').replace(/^views\//, ''), value]));
}, 180_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const labelBox = (text: ReadSvg['texts'][number]): Box => ({ x: text.x - 2, y: text.y - 0.98 * text.size, width: text.length + 4, height: 1.3 * text.size });

describe('declared views, drawn with every build', () => {
  it('writes each view laid out on its own, and its pictures in both themes', () => {
    expect([...output.files.keys()].filter((name) => name.startsWith('views/')).sort()).toEqual([
      'views/supply-chain.dark.svg',
      'views/supply-chain.json',
      'views/supply-chain.light.svg',
      'views/tag-hubs.dark.svg',
      'views/tag-hubs.json',
      'views/tag-hubs.light.svg',
    ]);
    const model = new GraphModel(output.graph);
    const saved = JSON.parse(output.files.get('views/supply-chain.json')!) as { name: string; query: string; graph: { nodes: Array<{ id: string; position: { x: number; y: number } }> } };
    expect(saved.query).toBe(VIEWS['supply-chain']);
    const expected = viewSubgraph(model, parseViewState(VIEWS['supply-chain'], model.kinds.hiddenByDefault()));
    expect(saved.graph.nodes.map((node) => node.id).sort()).toEqual(expected.nodes.map((node) => node.id).sort());
    expect(saved.graph.nodes.every((node) => Number.isFinite(node.position.x) && Number.isFinite(node.position.y))).toBe(true);
    // Its own layout, not the positions of the whole graph.
    const global = new Map(output.graph.nodes.map((node) => [node.id, node.position]));
    expect(saved.graph.nodes.filter((node) => global.get(node.id)?.x === node.position.x && global.get(node.id)?.y === node.position.y).length).toBeLessThan(saved.graph.nodes.length / 2);
  });

  it('draws SVG that XML reads, with nothing that reaches outside the file, titled and with a legend', () => {
    for (const [name, svg] of Object.entries(read)) {
      expect(svg.root, name).toBe('{http://www.w3.org/2000/svg}svg');
      expect(svg.references, name).toEqual([]);
      for (const tag of svg.tags) expect(['svg', 'title', 'desc', 'rect', 'g', 'line', 'circle', 'polygon', 'text'], `${name} <${tag}>`).toContain(tag);
      expect(svg.texts.filter((text) => text.parent === 'legend').map((text) => text.text), name).toEqual(expect.arrayContaining(['role', 'links to']));
    }
    expect(read['supply-chain.light.svg']!.texts.filter((text) => text.parent === 'legend').map((text) => text.text)).toEqual(expect.arrayContaining(['Person (3)', 'Group (3)', 'Document (14)']));
    expect(read['supply-chain.light.svg']!.title).toBe('Software Supply Chain: its neighbourhood to depth 2');
    expect(output.files.get('views/supply-chain.light.svg')).toContain('<rect width="100%" height="100%" fill="#ffffff"/>');
    expect(output.files.get('views/supply-chain.dark.svg')).toContain('<rect width="100%" height="100%" fill="#0d1117"/>');
  });

  it('labels nodes without one label box touching another', () => {
    for (const [name, svg] of Object.entries(read)) {
      const labels = svg.texts.filter((text) => text.parent === 'graph' && text.size === 11);
      for (const [i, a] of labels.entries()) for (const b of labels.slice(i + 1)) expect(overlaps(labelBox(a), labelBox(b)), `${name}: "${a.text}" and "${b.text}"`).toBe(false);
    }
    const all = read['supply-chain.light.svg']!.texts.filter((text) => text.parent === 'graph').map((text) => text.text);
    expect(all).toEqual(expect.arrayContaining(['Software Supply Chain', 'Marina Moore', 'John Kjell', 'Michael Lieberman']));
    // Only hubs are labelled when the view asks for hubs: fewer labels than nodes.
    const hubs = read['tag-hubs.light.svg']!.texts.filter((text) => text.parent === 'graph').length;
    const nodes = (JSON.parse(output.files.get('views/tag-hubs.json')!) as { graph: { nodes: unknown[] } }).graph.nodes.length;
    expect(hubs).toBeGreaterThan(3);
    // The hubs, and the selection whether a hub or not.
    expect(hubs).toBeLessThanOrEqual(Math.max(10, Math.ceil(nodes / 10)) + 1);
  });

  it('renders to PNG with resvg at the size it declares', () => {
    const svg = output.files.get('views/supply-chain.dark.svg')!;
    const rendered = new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render();
    expect(rendered.width).toBe(2 * read['supply-chain.dark.svg']!.width);
    expect(rendered.height).toBe(2 * read['supply-chain.dark.svg']!.height);
    const png = rendered.asPng();
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // The dark background fills the corner pixel.
    expect([...rendered.pixels.subarray(0, 3)]).toEqual([0x0d, 0x11, 0x17]);
  });

  it('gives the same bytes every time', async () => {
    const again = await renderViews(output.graph, VIEWS);
    for (const [name, content] of again) expect(content, name).toBe(output.files.get(name));
  });

  it('refuses a view of a node the graph does not have, naming the view and the node', async () => {
    await expect(renderViews(output.graph, { gone: 'node=group:no-such-group&focus=1' })).rejects.toThrow(new ViewError('view gone: this graph has no node "group:no-such-group" (node)'));
    await expect(renderViews(output.graph, { 'bad name!': 'node=x' })).rejects.toThrow(ViewError);
  });
});
