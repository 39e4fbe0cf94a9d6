import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { buildApp, buildData } from '../tests/helpers/site.ts';
import { serveSite } from '../tests/helpers/static-server.ts';
import { median, percentile } from './bench/stats.ts';
import { countTransfer, type Transfer } from './bench/transfer.ts';

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

interface Run {
  hoverP95: number;
  paint: number;
  searchReady: number;
  keystrokes: number[];
  longestTask: number;
  heapMb: number;
  transfer: Transfer;
}
const results: Run[] = [];
try {
  for (let run = 0; run < runs; run += 1) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const tasks: number[] = [];
      (window as unknown as { longTasks: number[] }).longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(entry.startTime, entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    const transfer = countTransfer(page);
    await page.goto(site.url);
    const mark = (name: string): Promise<number> =>
      page.waitForFunction((wanted) => performance.getEntriesByName(wanted)[0]?.startTime, name, { timeout: 60_000, polling: 50 }).then((handle) => handle.jsonValue() as Promise<number>);
    const paint = await mark('tag-graph:graph-painted');
    const searchReady = await mark('tag-graph:search-ready');
    await page.waitForTimeout(500);
    // Each key, from the key press to the result list changing.
    const input = page.getByTestId('search-input');
    await input.click();
    const keystrokes: number[] = [];
    for (const key of values.query) {
      const latency = await page.evaluate(
        (character) =>
          new Promise<number>((done) => {
            const field = document.querySelector<HTMLInputElement>('[data-testid="search-input"]')!;
            const start = performance.now();
            const wanted = field.value + character;
            // The results list says which query its hits answer: the measure ends when it is this one.
            const observer = new MutationObserver(() => {
              if (document.querySelector('#search-results')?.getAttribute('data-answered') !== wanted) return;
              observer.disconnect();
              done(performance.now() - start);
            });
            observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-answered'] });
            field.value = wanted;
            field.dispatchEvent(new Event('input', { bubbles: true }));
            setTimeout(() => {
              observer.disconnect();
              done(performance.now() - start);
            }, 2000);
          }),
        key,
      );
      keystrokes.push(latency);
    }
    // Hover: the mouse sweeps the canvas, crossing nodes; frame intervals are recorded meanwhile.
    await page.getByTestId('search-input').fill('');
    await page.keyboard.press('Escape');
    const box = (await page.getByTestId('graph').boundingBox())!;
    // As a string: the TypeScript runner would name an inner function with a helper the page lacks.
    await page.evaluate(`(() => {
      const frames = [];
      window.frames_ = frames;
      let last = performance.now();
      const tick = (now) => { frames.push(now - last); last = now; if (frames.length < 100000) requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    })()`);
    for (let step = 0; step <= 80; step += 1) {
      await page.mouse.move(box.x + (box.width * step) / 80, box.y + box.height * (0.3 + (0.4 * step) / 80));
      await page.waitForTimeout(16);
    }
    const frames = (await page.evaluate('window.frames_.slice(1)')) as number[];
    const hoverP95 = frames.length > 0 ? percentile(frames, 0.95) : 0;
    const afterPaint = await page.evaluate((from) => {
      const tasks = (window as unknown as { longTasks: number[] }).longTasks;
      let longest = 0;
      for (let index = 0; index < tasks.length; index += 2) if (tasks[index]! > from) longest = Math.max(longest, tasks[index + 1]!);
      return longest;
    }, paint);
    const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
    results.push({ hoverP95, paint, searchReady, keystrokes, longestTask: afterPaint, heapMb: heap / 1024 / 1024, transfer: await transfer.total() });
    await context.close();
  }
} finally {
  await browser.close();
  await site.close();
}

const mb = (n: number): string => `${(n / 1e6).toFixed(2)} MB`;
const allKeys = results.flatMap((run) => run.keystrokes);
process.stdout.write(`repo: ${resolve(values.repo)}, ${runs} fresh loads in headless Chromium, 1400×900\n`);
process.stdout.write(`first graph paint (mark tag-graph:graph-painted)   ${median(results.map((r) => r.paint)).toFixed(0)} ms   (${results.map((r) => r.paint.toFixed(0)).join(', ')})\n`);
process.stdout.write(`search ready (mark tag-graph:search-ready)         ${median(results.map((r) => r.searchReady)).toFixed(0)} ms\n`);
process.stdout.write(`keystroke to results ("${values.query}")     median ${median(allKeys).toFixed(0)} ms, p95 ${percentile(allKeys, 0.95).toFixed(0)} ms\n`);
process.stdout.write(`hover: frame interval p95 while sweeping the canvas  ${median(results.map((r) => r.hoverP95)).toFixed(0)} ms\n`);
process.stdout.write(`longest main-thread task after first paint         ${median(results.map((r) => r.longestTask)).toFixed(0)} ms\n`);
process.stdout.write(`JS heap after typing                               ${median(results.map((r) => r.heapMb)).toFixed(0)} MB\n`);
process.stdout.write(`download (every response of a load, until after the hover sweep)  ${mb(median(results.map((r) => r.transfer.raw)))} raw / ${mb(median(results.map((r) => r.transfer.gzip)))} gzip\n`);
