import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Resvg } from '@resvg/resvg-js';
import { validateGraph } from '../src/app/lib/load-data.ts';
import { drawView, layOutView } from '../src/build/views.ts';
import { OUTPUT_FILES } from '../src/schema/graph.ts';
import { runMain } from './lib/run-main.ts';

const USAGE = `usage: npm run snapshot -- --view "QUERY" --out FILE.svg|FILE.png [--theme light|dark] [--data DIR]

Draws one view of a build's graph (graph.json in --data, default public/data) as a static
picture for places where no script runs (a GitHub README): SVG, or PNG rendered from it.
--view takes an explorer URL's query string ("node=group:x&focus=1&depth=1&labels=hubs");
--theme overrides the view's theme (auto draws light).`;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { view: { type: 'string', default: '' }, out: { type: 'string' }, theme: { type: 'string' }, data: { type: 'string', default: 'public/data' }, help: { type: 'boolean', default: false } } });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const format = values.out ? extname(values.out).toLowerCase() : '';
  const problem = !values.out ? '--out is required' : format !== '.svg' && format !== '.png' ? `--out must end in .svg or .png, not "${values.out}"` : values.theme !== undefined && values.theme !== 'light' && values.theme !== 'dark' ? `--theme must be light or dark, not "${values.theme}"` : undefined;
  if (problem) {
    process.stderr.write(`error: ${problem}\n${USAGE}\n`);
    return 2;
  }
  const started = performance.now();
  const path = join(resolve(values.data), OUTPUT_FILES.graph);
  const graph = validateGraph(JSON.parse(await readFile(path, 'utf8')) as unknown, path);
  const laidOut = await layOutView(graph, values.view, '--view');
  const theme = (values.theme as 'light' | 'dark' | undefined) ?? (laidOut.view.theme === 'dark' ? 'dark' : 'light');
  const svg = drawView(laidOut, theme);
  const out = resolve(values.out!);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, format === '.svg' ? svg : renderPng(svg));
  process.stderr.write(`${laidOut.graph.nodes.length} nodes, ${laidOut.graph.edges.length} edges → ${out} (${Math.round(performance.now() - started)} ms)\n`);
  return 0;
}

/** A PNG of the SVG at twice its size, with the system's fonts. */
export function renderPng(svg: string): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
}

runMain(main, 1);
