import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { buildGraph } from '../src/build/pipeline.ts';
import { OUTPUT_FILES } from '../src/schema/graph.ts';
import { readSearchManifest } from '../src/schema/search.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { buildApp } from '../tests/helpers/site.ts';
import { serveSite } from '../tests/helpers/static-server.ts';
import { measureExplorerLoad, TYPING_PACE_MS, type ExplorerLoad } from './bench/explorer-load.ts';
import { generateScaledRepo } from './bench/scale-repo.ts';
import { percentile } from './bench/stats.ts';
import { graphCommandArgs } from './lib/graph-command.ts';

/**
 * `npm run bench:scale [-- --factors 1,10,50 --repo DIR --browser 1,10,50]`: synthetic
 * repositories of the template's shape (default: the shared tag-security corpus) at each factor
 * (scripts/bench/scale-repo.ts), each built cold in its own process as `npm run graph` builds
 * (wall time, peak memory, the layout's share, output sizes, cost per MB of markdown against
 * the 1× build), then loaded in the explorer in headless Chromium for the factors in --browser
 * (first paint, search ready, keystroke latency, hover frames, longest task after first paint).
 */
const { values } = parseArgs({
  options: {
    repo: { type: 'string', default: process.env.TAG_REPO ?? '../shared/corpus/tag-security' },
    factors: { type: 'string', default: '1,10,50' },
    browser: { type: 'string' },
    query: { type: 'string', default: 'supply chain security' },
    keep: { type: 'boolean', default: false },
  },
});
const template = resolve(values.repo);
const factors = values.factors.split(',').map(Number);
const inBrowser = new Set((values.browser ?? values.factors).split(',').map(Number));
const root = resolve(import.meta.dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'bench-scale-'));

interface Size {
  raw: number;
  gzip: number;
}

interface Built {
  factor: number;
  files: number;
  markdownMb: number;
  seconds: number;
  peakMb: number;
  layoutSeconds: number;
  nodes: number;
  edges: number;
  outputs: { graph: Size; entities: Size; text: Size; shards: number; largestShard: number };
  load?: ExplorerLoad;
}

const graph = graphCommandArgs(root);

/** `npm run graph` in a child process, as a user runs it: wall time and peak resident memory. */
function buildInChild(repo: string, out: string, stats: string): Promise<{ seconds: number; peakMb: number }> {
  const args = [...graph.nodeOptions, '-r', join(root, 'scripts/bench/report-rss.cjs'), ...graph.script, '--repo', repo, '--out', out, '--no-cache', '--stats', stats, '--quiet'];
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('exit', (code) => {
      if (code !== 0) return fail(new Error(`build of ${repo} failed (${code}):\n${stderr}`));
      const rss = /maxrss-kb (\d+)/.exec(stderr);
      done({ seconds: (performance.now() - started) / 1000, peakMb: rss ? Number(rss[1]) / 1024 : Number.NaN });
    });
  });
}

const appDir = await buildApp();
const templateGraph = (await buildGraph({ repo: template, layout: false, searchIndex: false })).graph;
const browser = await launchBrowser();
const results: Built[] = [];
try {
  for (const factor of factors) {
    const repo = join(scratch, `x${factor}`, 'repo');
    const data = join(scratch, `x${factor}`, 'data');
    const generated = await generateScaledRepo({ template, graph: templateGraph, factor, out: repo });
    process.stderr.write(`${factor}×: ${generated.files} files, ${(generated.markdownBytes / 1e6).toFixed(1)} MB of markdown; building…\n`);
    const statsPath = join(scratch, `x${factor}`, 'stats.json');
    const { seconds, peakMb } = await buildInChild(repo, data, statsPath);
    const timings = (JSON.parse(readFileSync(statsPath, 'utf8')) as { timeByStageMs: Record<string, number> }).timeByStageMs;
    const graph = JSON.parse(readFileSync(join(data, OUTPUT_FILES.graph), 'utf8')) as { nodes: unknown[]; edges: unknown[] };
    const size = (name: string): { raw: number; gzip: number } => {
      const bytes = readFileSync(join(data, name));
      return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    };
    const manifest = readSearchManifest(JSON.parse(readFileSync(join(data, OUTPUT_FILES.searchIndex), 'utf8')), OUTPUT_FILES.searchIndex);
    const textSizes = manifest.text.map(size);
    const outputs = {
      graph: size(OUTPUT_FILES.graph),
      entities: size(manifest.entities),
      text: { raw: textSizes.reduce((sum, one) => sum + one.raw, 0), gzip: textSizes.reduce((sum, one) => sum + one.gzip, 0) },
      shards: manifest.text.length,
      largestShard: Math.max(0, ...textSizes.map((one) => one.gzip)),
    };
    const built: Built = { factor, files: generated.files, markdownMb: generated.markdownBytes / 1e6, seconds, peakMb, layoutSeconds: (timings['layout'] ?? 0) / 1000, nodes: graph.nodes.length, edges: graph.edges.length, outputs };
    if (inBrowser.has(factor)) {
      process.stderr.write(`${factor}×: loading in the explorer…\n`);
      const site = await serveSite(appDir, data);
      try {
        built.load = await measureExplorerLoad(browser, site.url, values.query);
      } finally {
        await site.close();
      }
    }
    results.push(built);
    if (!values.keep) rmSync(join(scratch, `x${factor}`), { recursive: true, force: true });
  }
} finally {
  await browser.close();
  if (!values.keep) rmSync(scratch, { recursive: true, force: true });
  rmSync(appDir, { recursive: true, force: true });
}

const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;
const base = results.find((result) => result.factor === 1) ?? results[0]!;
const perMb = (result: Built): number => result.seconds / result.markdownMb;
process.stdout.write(`template: ${template}; each factor built cold in its own process (npm run graph --no-cache), then loaded once in headless Chromium\n`);
process.stdout.write('factor   files  markdown   nodes   edges    build  s/MB (× 1×)  peak memory  layout (share)   graph.json gz  search: entities gz  text gz (shards, largest)\n');
for (const result of results) {
  const { graph, entities, text, shards, largestShard } = result.outputs;
  process.stdout.write(
    `${`${result.factor}×`.padStart(6)} ${String(result.files).padStart(7)} ${mb(result.markdownMb * 1e6).padStart(9)} ${String(result.nodes).padStart(7)} ${String(result.edges).padStart(7)} ${`${result.seconds.toFixed(1)} s`.padStart(8)} ${perMb(result).toFixed(2).padStart(5)} (×${(perMb(result) / perMb(base)).toFixed(2)}) ${`${result.peakMb.toFixed(0)} MB`.padStart(11)} ${`${result.layoutSeconds.toFixed(1)} s`.padStart(7)} (${((100 * result.layoutSeconds) / result.seconds).toFixed(0).padStart(2)}%) ${mb(graph.gzip).padStart(14)} ${mb(entities.gzip).padStart(20)} ${mb(text.gzip).padStart(8)} (${shards}, ${mb(largestShard)})\n`,
  );
}
process.stdout.write(`factor   first paint  search ready  search complete (from focus)  keystroke p95  typed at ${TYPING_PACE_MS} ms a key: last key to answer  hover p95  pan p95  longest task after paint (loading and searching)\n`);
for (const result of results) {
  const load = result.load;
  if (!load) continue;
  const p95 = percentile(load.keystrokes, 0.95);
  process.stdout.write(`${`${result.factor}×`.padStart(6)} ${`${load.paint.toFixed(0)} ms`.padStart(12)} ${`${load.searchReady.toFixed(0)} ms`.padStart(13)} ${`${load.searchComplete.toFixed(0)} ms`.padStart(28)} ${`${p95.toFixed(0)} ms`.padStart(14)} ${`${load.typedAnswer.toFixed(0)} ms`.padStart(38)} ${`${load.hoverP95.toFixed(0)} ms`.padStart(10)} ${`${load.panP95.toFixed(0)} ms`.padStart(8)} ${`${load.longestTask.toFixed(0)} ms`.padStart(25)} (${load.longestTaskLoadingSearching.toFixed(0)} ms)\n`);
}
