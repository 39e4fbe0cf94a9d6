import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { buildApp, buildData } from '../tests/helpers/site.ts';
import { serveSite } from '../tests/helpers/static-server.ts';
import { median, percentile } from './bench/stats.ts';
import { measureExplorerLoad, TYPING_PACE_MS, type ExplorerLoad } from './bench/explorer-load.ts';

/**
 * `npm run bench:app [-- --runs 5 --repo DIR]`: the built explorer on a repository's graph,
 * served statically on loopback, in headless Chromium. Fresh page per run; prints medians of:
 * time to the graph's first paint and to search being ready (the app's performance marks),
 * keystroke-to-results latency over a typed query (median and p95), the longest main-thread
 * task after first paint, the JS heap, and the bytes the first load fetches (raw and gzip).
 */
const { values } = parseArgs({ options: { repo: { type: 'string', default: process.env.TAG_REPO ?? '../shared/corpus/tag-security' }, runs: { type: 'string', default: '5' }, query: { type: 'string', default: 'supply chain security' } } });
const runs = Number(values.runs);
const [appDir, dataDir] = await Promise.all([buildApp(), buildData(resolve(values.repo))]);
const site = await serveSite(appDir, dataDir);
const browser = await launchBrowser();

const results: ExplorerLoad[] = [];
try {
  for (let run = 0; run < runs; run += 1) results.push(await measureExplorerLoad(browser, site.url, values.query));
} finally {
  await browser.close();
  await site.close();
}

const mb = (n: number): string => `${(n / 1e6).toFixed(2)} MB`;
const allKeys = results.flatMap((run) => run.keystrokes);
process.stdout.write(`repo: ${resolve(values.repo)}, ${runs} fresh loads in headless Chromium, 1400×900\n`);
process.stdout.write(`first graph paint (mark tag-graph:graph-painted)   ${median(results.map((r) => r.paint)).toFixed(0)} ms   (${results.map((r) => r.paint.toFixed(0)).join(', ')})\n`);
process.stdout.write(`search ready (mark tag-graph:search-ready)         ${median(results.map((r) => r.searchReady)).toFixed(0)} ms   (entities' shard)\n`);
process.stdout.write(`search complete: focusing the box to every shard in ${median(results.map((r) => r.searchComplete)).toFixed(0)} ms   (the text shards load on focus)\n`);
process.stdout.write(`keystroke to results ("${values.query}")     median ${median(allKeys).toFixed(0)} ms, p95 ${percentile(allKeys, 0.95).toFixed(0)} ms\n`);
process.stdout.write(`typed at ${TYPING_PACE_MS} ms a key without waiting: last key to answer  ${median(results.map((r) => r.typedAnswer)).toFixed(0)} ms\n`);
process.stdout.write(`hover: frame interval p95 while sweeping the canvas  ${median(results.map((r) => r.hoverP95)).toFixed(0)} ms\n`);
process.stdout.write(`pan: frame interval p95 dragging the canvas, 4× zoom ${median(results.map((r) => r.panP95)).toFixed(0)} ms\n`);
process.stdout.write(`longest main-thread task after first paint         ${median(results.map((r) => r.longestTask)).toFixed(0)} ms   (until the hover sweep, loading and searching: ${median(results.map((r) => r.longestTaskLoadingSearching)).toFixed(0)} ms)\n`);
process.stdout.write(`JS heap after typing                               ${median(results.map((r) => r.heapMb)).toFixed(0)} MB\n`);
process.stdout.write(`download (every response of a load, until after the hover sweep)  ${mb(median(results.map((r) => r.transfer.raw)))} raw / ${mb(median(results.map((r) => r.transfer.gzip)))} gzip\n`);
process.stdout.write(`  of which the graph and the whole search index (target ≤ 1.2 MB gzip)  ${mb(median(results.map((r) => r.graphAndIndex.raw)))} raw / ${mb(median(results.map((r) => r.graphAndIndex.gzip)))} gzip\n`);
process.stdout.write(`  of which the search index's text shards, fetched when search is first focused  ${mb(median(results.map((r) => r.textShards.raw)))} raw / ${mb(median(results.map((r) => r.textShards.gzip)))} gzip\n`);
