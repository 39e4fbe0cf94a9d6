import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { buildGraph } from '../src/build/pipeline.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { buildApp, buildData } from '../tests/helpers/site.ts';
import { serveSite } from '../tests/helpers/static-server.ts';
import { COUNT_FRAMES, longestTaskAfter, measurePan, RECORD_LONG_TASKS } from './bench/explorer-load.ts';
import { generateScaledRepo } from './bench/scale-repo.ts';
import { median } from './bench/stats.ts';

/**
 * `npm run bench:canvas -- --before REV [--factor 10] [--runs 3 --repo DIR]`: the explorer's
 * canvas as built now against as built at git revision REV, on the same data (built now, from
 * the corpus or a copy scaled by --factor) and the same browser, loads alternating: first graph
 * paint, the longest task after it with no interaction, and the pan frame p95. What a change to
 * the canvas earns, measured in pairs.
 */
const { values } = parseArgs({
  options: {
    before: { type: 'string' },
    repo: { type: 'string', default: process.env.TAG_REPO ?? '../shared/corpus/tag-security' },
    factor: { type: 'string', default: '1' },
    runs: { type: 'string', default: '3' },
  },
});
if (!values.before) throw new Error('--before REV is required: the git revision to compare with');
const root = resolve(import.meta.dirname, '..');
const runs = Number(values.runs);
const factor = Number(values.factor);
const scratch = mkdtempSync(join(tmpdir(), 'bench-canvas-'));

/** The static app as revision `rev` builds it, from a worktree sharing this checkout's node_modules. */
function buildAppAt(rev: string): string {
  const tree = join(scratch, 'before');
  const out = join(scratch, 'app-before');
  const run = (command: string, args: string[], cwd: string): void => {
    const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}`);
  };
  run('git', ['worktree', 'add', '--detach', tree, rev], root);
  try {
    symlinkSync(join(root, 'node_modules'), join(tree, 'node_modules'));
    run(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], tree);
  } finally {
    run('git', ['worktree', 'remove', '--force', tree], root);
  }
  return out;
}

interface CanvasLoad {
  paint: number;
  longestTask: number;
  panP95: number;
}

async function measureCanvas(browser: Browser, url: string): Promise<CanvasLoad> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(RECORD_LONG_TASKS);
  await page.goto(url);
  const paint = (await (await page.waitForFunction(() => performance.getEntriesByName('tag-graph:graph-painted')[0]?.startTime, null, { timeout: 300_000, polling: 20 })).jsonValue()) as number;
  await page.waitForTimeout(1500);
  const longestTask = await longestTaskAfter(page, paint);
  await page.evaluate(COUNT_FRAMES);
  const panP95 = await measurePan(page);
  await context.close();
  return { paint, longestTask, panP95 };
}

let repo = resolve(values.repo);
if (factor > 1) {
  const template = repo;
  repo = join(scratch, `x${factor}`);
  process.stderr.write(`generating ${factor}× the corpus…\n`);
  await generateScaledRepo({ template, factor, out: repo, graph: (await buildGraph({ repo: template, layout: false, searchIndex: false })).graph });
}
process.stderr.write('building the data and both apps…\n');
const dataDir = await buildData(repo);
const apps = { before: buildAppAt(values.before), now: await buildApp() };
const browser = await launchBrowser();
const results: Record<keyof typeof apps, CanvasLoad[]> = { before: [], now: [] };
try {
  for (let run = 0; run < runs; run += 1) {
    for (const name of ['before', 'now'] as const) {
      const site = await serveSite(apps[name], dataDir);
      try {
        results[name].push(await measureCanvas(browser, site.url));
      } finally {
        await site.close();
      }
    }
  }
} finally {
  await browser.close();
  for (const dir of [scratch, dataDir, apps.now]) rmSync(dir, { recursive: true, force: true });
}

const row = (label: string, pick: (load: CanvasLoad) => number): string => {
  const [before, now] = [results.before.map(pick), results.now.map(pick)];
  const change = median(before) > 0 ? `${(((median(now) - median(before)) / median(before)) * 100).toFixed(0)}%` : '—';
  return `${label.padEnd(42)} ${`${median(before).toFixed(0)} ms`.padStart(9)} ${`${median(now).toFixed(0)} ms`.padStart(9)} ${change.padStart(7)}   (${before.map((v) => v.toFixed(0)).join(', ')} | ${now.map((v) => v.toFixed(0)).join(', ')})\n`;
};
process.stdout.write(`repo: ${repo} (${factor}×), ${runs} loads of each app, alternating; before = ${values.before}\n`);
process.stdout.write(`${'measure (medians)'.padEnd(42)} ${'before'.padStart(9)} ${'now'.padStart(9)} ${'change'.padStart(7)}   (runs: before | now)\n`);
process.stdout.write(row('first graph paint', (load) => load.paint));
process.stdout.write(row('longest task after paint, no interaction', (load) => load.longestTask));
process.stdout.write(row('pan frame p95, empty canvas at 4× zoom', (load) => load.panP95));
