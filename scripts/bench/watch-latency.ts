import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchBrowser } from '../../tests/helpers/browser.ts';

/** One kind of edit's figures, each edit's in order (see `watchLatency`). */
export interface WatchTimes {
  total: number[];
  inPage: number[];
  rebuild: number[];
  searchIndex: number[];
}

/**
 * Save-to-page latency of `npm start` in headless Chromium: the time from editing a file of a
 * copy of the repository to the open page holding the new build (its data version goes up).
 * Edits alternate between two kinds: `text`, a sentence appended after everything else (only
 * text changes), and `lines`, a line inserted at the top (every heading and link moves down a
 * line). Both are patched into the last graph rather than assembled again. For each kind,
 * returns each edit's milliseconds, the part of them spent in the page (from the server's
 * announcement reaching it to the new build loaded: the app's performance marks), and what the
 * server's log says of each edit: the rebuild of graph and report, in the process that holds
 * the last build, and the search index made after it.
 */
export async function watchLatency(repoPath: string, editsOfEachKind: number): Promise<{ text: WatchTimes; lines: WatchTimes }> {
  const edits = editsOfEachKind * 2;
  const root = resolve(import.meta.dirname, '../..');
  const scratch = mkdtempSync(join(tmpdir(), 'bench-watch-'));
  const repo = join(scratch, 'repo');
  cpSync(repoPath, repo, { recursive: true });
  const port = 5900 + Math.floor(Math.random() * 90);
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--repo', repo, '--port', String(port), '--public-dir', join(scratch, 'public'), '--cache', join(scratch, 'cache')], { cwd: root });
  let log = '';
  server.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const browser = await launchBrowser();
  try {
    for (const start = Date.now(); !log.includes('watching'); ) {
      if (Date.now() - start > 120_000) throw new Error(`npm start did not come up:\n${log}`);
      await new Promise((done) => setTimeout(done, 100));
    }
    const page = await browser.newPage();
    await page.goto(`http://localhost:${port}/`);
    await page.getByTestId('graph').waitFor();
    const version = (): Promise<number> => page.evaluate(() => Number(document.documentElement.dataset['dataVersion'] ?? '0'));
    const file = join(repo, 'README.md');
    const times: number[] = [];
    const inPage: number[] = [];
    for (let edit = 0; edit < edits; edit += 1) {
      const before = await version();
      const seen = page.waitForFunction((previous) => Number(document.documentElement.dataset['dataVersion'] ?? '0') > previous, before, { polling: 'raf', timeout: 60_000 });
      const saved = Date.now();
      if (edit % 2 === 0) appendFileSync(file, `\nEdit ${edit}: a sentence for the benchmark.\n`);
      else writeFileSync(file, `Edit ${edit}: a line on top for the benchmark.\n${readFileSync(file, 'utf8')}`);
      await seen;
      times.push(Date.now() - saved);
      // As a string: the TypeScript runner would name an inner function with a helper the page lacks.
      inPage.push((await page.evaluate(`performance.getEntriesByName('tag-graph:data-loaded').at(-1).startTime - performance.getEntriesByName('tag-graph:data-announced').at(-1).startTime`)) as number);
      // Edits are spaced as a person saves, with the search index done in between.
      await new Promise((done) => setTimeout(done, 2500));
    }
    // The first rebuild and index follow the initial build; each edit's are the last ones logged.
    const logged = (pattern: RegExp): number[] => [...log.matchAll(pattern)].map((match) => Number(match[1])).slice(-edits);
    const rebuild = logged(/^rebuilt in (\d+) ms/gm);
    const searchIndex = logged(/^search index rebuilt in (\d+) ms/gm);
    const ofKind = (parity: number): WatchTimes => {
      const pick = (values: number[]): number[] => values.filter((_, edit) => edit % 2 === parity);
      return { total: pick(times), inPage: pick(inPage), rebuild: pick(rebuild), searchIndex: pick(searchIndex) };
    };
    return { text: ofKind(0), lines: ofKind(1) };
  } finally {
    await browser.close();
    server.kill();
    rmSync(scratch, { recursive: true, force: true });
  }
}
