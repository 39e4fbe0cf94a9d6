import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { median } from './bench/stats.ts';
import { graphCommandArgs } from './lib/graph-command.ts';
import { watchLatency } from './bench/watch-latency.ts';
import { writeHostileTree } from '../tests/helpers/hostile-tree.ts';

/**
 * Builds against their baseline B (remark-parse + remark-gfm over every file in one process),
 * side by side: cold, with and without layout; warm (a filled cache of extracted facts) with
 * nothing changed, after touching a file, after editing one and after adding one; and, for
 * watch mode, the time from a save to the new data in an open page in headless Chromium, and
 * the watching process's own rebuild of that edit. Each build above watch mode is a fresh
 * process, alternating with the baseline, so machine noise falls on all alike.
 */
const { values } = parseArgs({
  options: {
    repo: { type: 'string', default: process.env.TAG_REPO ?? '../shared/corpus/tag-security' },
    runs: { type: 'string', default: '5' },
    threads: { type: 'string' },
    watch: { type: 'boolean', default: true },
  },
  allowNegative: true,
});
const repo = resolve(values.repo);
const runs = Number(values.runs);
const out = mkdtempSync(join(tmpdir(), 'bench-build-'));

function timed(command: string, args: string[]): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
  return elapsed;
}

// The build runs exactly as `npm run graph` starts it (without npm's own start-up).
const { nodeOptions, script } = graphCommandArgs(resolve(import.meta.dirname, '..'));
const command = process.execPath;
const graphArgs = [...nodeOptions, ...script];
const baseline: number[] = [];
const build: number[] = [];
const buildWithoutLayout: number[] = [];
const warm = { unchanged: [] as number[], touched: [] as number[], edited: [] as number[], added: [] as number[] };
const threadArgs = values.threads ? ['--threads', values.threads] : [];
// Warm builds read a copy, since they touch, edit and add files; its cache is filled first.
const copy = mkdtempSync(join(tmpdir(), 'bench-build-repo-'));
cpSync(repo, copy, { recursive: true });
const cache = mkdtempSync(join(tmpdir(), 'bench-build-cache-'));
const statsFile = `${out}.stats.json`;
const warmBuild = (): number => timed(command, [...graphArgs, '--repo', copy, '--out', out, '--quiet', '--cache', cache, '--stats', statsFile, ...threadArgs]);
/** When the last build began parsing, in ms since its process started: what came before is start-up, listing and the cache. */
const extractStartedAt = (): number => (JSON.parse(readFileSync(statsFile, 'utf8')) as { stageStartMs: Record<string, number> }).stageStartMs['extract']!;
const beforeEdit: number[] = [];
// The hostile input of the tests (nesting thousands deep, runs of delimiters, a 20 MB file, …): no file may stall a build.
const hostileWorkspace = mkdtempSync(join(tmpdir(), 'bench-build-hostile-'));
const hostileTree = writeHostileTree(hostileWorkspace);
const hostile: number[] = [];
warmBuild();
const someFile = join(copy, 'README.md');
for (let run = 0; run < runs; run += 1) {
  baseline.push(timed(process.execPath, ['scripts/bench/parse-baseline.mjs', repo]));
  build.push(timed(command, [...graphArgs, '--repo', repo, '--out', out, '--quiet', '--no-cache', ...threadArgs]));
  buildWithoutLayout.push(timed(command, [...graphArgs, '--repo', repo, '--out', out, '--quiet', '--no-layout', '--no-cache', ...threadArgs]));
  warm.unchanged.push(warmBuild());
  utimesSync(someFile, new Date(), new Date());
  warm.touched.push(warmBuild());
  appendFileSync(someFile, `\nA sentence added by the benchmark, run ${run}.\n`);
  warm.edited.push(warmBuild());
  beforeEdit.push(extractStartedAt());
  writeFileSync(join(copy, `bench-added-${run}.md`), `# Added ${run}\n\nSee [the README](README.md).\n`);
  warm.added.push(warmBuild());
  hostile.push(timed(command, [...graphArgs, '--repo', hostileTree.repo, '--out', out, '--quiet', '--no-cache', ...threadArgs]));
}
rmSync(hostileWorkspace, { recursive: true, force: true });
rmSync(out, { recursive: true, force: true });
rmSync(statsFile, { force: true });
rmSync(cache, { recursive: true, force: true });
rmSync(copy, { recursive: true, force: true });
const watch = values.watch === false ? undefined : await watchLatency(repo, Math.max(3, runs));

const format = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
// Each run's ratio to the baseline run beside it: slow spells of a shared machine fall on both.
const pairedRatio = (times: number[]): number => median(times.map((time, run) => time / baseline[run]!));
process.stdout.write(`repo: ${repo}, ${runs} cold runs each, alternating\n`);
process.stdout.write(`${'what'.padEnd(52)}${'median'.padStart(10)}${'min'.padStart(10)}   vs baseline (medians)   (run by run)\n`);
/** One line of the table: the label, median and minimum of `times`, then `after`. */
const line = (label: string, times: readonly number[], after = ''): void => {
  process.stdout.write(`${label.padEnd(52)}${format(median(times)).padStart(10)}${format(Math.min(...times)).padStart(10)}${after ? `   ${after}` : ''}\n`);
};
const ratio = (times: readonly number[], digits: number): string => `×${(median(times) / median(baseline)).toFixed(digits)}`;
// A fresh process each: the ratio of medians, then the median of each run's ratio to its baseline run.
const row = (label: string, times: number[]): void => line(label, times, `${ratio(times, 2).padEnd(24)}×${pairedRatio(times).toFixed(2)}`);
// Not paired with a baseline run: the ratio of medians, and every figure.
const listed = (label: string, times: readonly number[]): void => line(label, times, `${ratio(times, 3)}   (${times.map((ms) => ms.toFixed(0)).join(', ')} ms)`);
line('baseline: remark-parse + remark-gfm, every file once', baseline);
row('build: npm run graph (cold, --no-cache)', build);
row('build without layout: --no-layout', buildWithoutLayout);
row('warm cache, nothing changed', warm.unchanged);
row('warm cache, one file touched', warm.touched);
row('warm cache, one file edited', warm.edited);
listed('  of which before parsing it (start, listing, cache)', beforeEdit);
row('warm cache, one file added', warm.added);
line('hostile tree of the tests (cold, --no-cache)', hostile, 'target ≤ 5 s');
if (watch) {
  // Edits rebuilt by the process that holds the last build (watch mode): no start-up, no cache to read.
  for (const [kind, times] of [['text only (a sentence appended)', watch.text], ['lines moved (a line inserted on top)', watch.lines]] as const) {
    process.stdout.write(`watch, one file edited, ${kind}:\n`);
    listed('  graph and report rebuilt', times.rebuild);
    listed('  then its search index, once saves pause', times.searchIndex);
    listed('  save to new data in the page (Chromium)', times.total);
    line('    of which in the page (announced to loaded)', times.inPage);
  }
}
process.stdout.write(`runs (baseline / build / --no-layout): ${baseline.map((time, run) => [time, build[run]!, buildWithoutLayout[run]!].map((ms) => (ms / 1000).toFixed(2)).join(' / ')).join(', ')}\n`);
