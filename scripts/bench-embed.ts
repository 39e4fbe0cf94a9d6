import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Resvg } from '@resvg/resvg-js';
import type { Page } from 'playwright-core';
import { drawView, layOutView } from '../src/build/views.ts';
import { EXPORT_FORMATS, exportGraph } from '../src/exports/formats.ts';
import type { GraphDocument } from '../src/schema/graph.ts';
import { GraphModel } from '../src/view/graph-model.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { buildApp, buildData } from '../tests/helpers/site.ts';
import { serveSite } from '../tests/helpers/static-server.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './bench/stats.ts';
import { countTransfer } from './bench/transfer.ts';

/**
 * `npm run bench:embed [-- --runs 5 --repo DIR --node ID]`: what embedding a view costs, beside
 * the explorer as the baseline. In headless Chromium, fresh context per load: bytes fetched (raw
 * and gzip, as a compressing host would send them) and time to the graph's first paint, for
 * embed.html showing one node's neighbourhood and for the explorer. In Node: time to lay out and
 * draw a snapshot per view (SVG, and PNG through resvg), and time per export format on the whole graph.
 * The node defaults to the best-connected group.
 */
const { values } = parseArgs({ options: { repo: { type: 'string', default: process.env.TAG_REPO ?? '../shared/corpus/tag-security' }, runs: { type: 'string', default: '5' }, node: { type: 'string' } } });
const runs = Number(values.runs);
const [appDir, dataDir] = await Promise.all([buildApp(), buildData(resolve(values.repo))]);
const graph = JSON.parse(readFileSync(join(dataDir, 'graph.json'), 'utf8')) as GraphDocument;
const model = new GraphModel(graph);
const node = values.node ?? [...graph.nodes].filter((item) => item.kind === 'group').sort((a, b) => model.degree(b.id) - model.degree(a.id))[0]?.id;
if (!node) throw new Error('no group in this graph: name a node with --node');
const embedQuery = `node=${encodeURIComponent(node)}&focus=1&depth=1`;

interface Load {
  paint: number;
  raw: number;
  gzip: number;
}

async function load(page: Page, url: string): Promise<Load> {
  const transfer = countTransfer(page);
  await page.goto(url);
  const paint = (await page
    .waitForFunction(() => performance.getEntriesByName('tag-graph:graph-painted')[0]?.startTime, undefined, { timeout: 60_000, polling: 20 })
    .then((handle) => handle.jsonValue())) as number;
  await page.waitForLoadState('networkidle');
  return { paint, ...(await transfer.total()) };
}

const site = await serveSite(appDir, dataDir);
const browser = await launchBrowser();
const loads: Record<'embed' | 'explorer', Load[]> = { embed: [], explorer: [] };
try {
  for (let run = 0; run < runs; run += 1) {
    for (const [name, url] of [['embed', `${site.url}embed.html?${embedQuery}`], ['explorer', `${site.url}?${embedQuery}`]] as const) {
      const context = await browser.newContext({ viewport: { width: 900, height: 700 } });
      loads[name].push(await load(await context.newPage(), url));
      await context.close();
    }
  }
} finally {
  await browser.close();
  await site.close();
}

const time = async (work: () => unknown): Promise<number> => {
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return median(samples);
};
const views = [embedQuery, `node=${encodeURIComponent(node)}&focus=1&depth=2`, ''];
const snapshots: string[] = [];
for (const query of views) {
  const laidOut = await layOutView(graph, query, query || '(whole graph)');
  const draw = (): string => drawView(laidOut, 'light');
  const layout = await time(() => layOutView(graph, query, 'bench'));
  const svg = await time(draw);
  const png = await time(() => new Resvg(draw(), { fitTo: { mode: 'zoom', value: 2 } }).render().asPng());
  snapshots.push(`  ${(query || '(whole default view)').padEnd(58)} ${String(laidOut.graph.nodes.length).padStart(5)} nodes   layout ${layout.toFixed(0).padStart(5)} ms   SVG ${svg.toFixed(0).padStart(4)} ms   PNG ${png.toFixed(0).padStart(5)} ms`);
}
const exports: string[] = [];
for (const format of EXPORT_FORMATS) exports.push(`  ${format.padEnd(10)} ${(await time(() => exportGraph(graph, format))).toFixed(0).padStart(5)} ms`);

const kb = (n: number): string => `${(n / 1024).toFixed(0)} KiB`;
const row = (name: string, items: Load[]): string =>
  `  ${name.padEnd(10)} first paint ${median(items.map((item) => item.paint)).toFixed(0).padStart(5)} ms   fetched ${kb(median(items.map((item) => item.raw))).padStart(9)} raw, ${kb(median(items.map((item) => item.gzip))).padStart(8)} gzip`;
process.stdout.write(`repo: ${resolve(values.repo)} (${graph.nodes.length} nodes, ${graph.edges.length} edges); median of ${runs} runs\n`);
process.stdout.write(`live view of ${node} and its neighbours, headless Chromium, fresh context per load (baseline: the explorer at the same view):\n`);
process.stdout.write(`${row('embed', loads.embed)}\n${row('explorer', loads.explorer)}\n`);
process.stdout.write(`static snapshots (lay out the view, draw the SVG, render a PNG at 2x):\n${snapshots.join('\n')}\n`);
process.stdout.write(`exports of the whole graph:\n${exports.join('\n')}\n`);
