import type { Browser, Page } from 'playwright-core';
import { percentile } from './stats.ts';
import { countTransfer, type Transfer } from './transfer.ts';
import { OUTPUT_FILES } from '../../src/schema/graph.ts';
import { SEARCH_SHARD_FOLDER } from '../../src/schema/search.ts';

export interface ExplorerLoad {
  hoverP95: number;
  panP95: number;
  paint: number;
  searchReady: number;
  /** From focusing the search box (which asks for the text shards) to every shard loaded. */
  searchComplete: number;
  keystrokes: number[];
  /** The query typed at a steady pace, a key every TYPING_PACE_MS without waiting for results: from its last key to its answer. */
  typedAnswer: number;
  /** The longest main-thread task from first paint to the end: loading, searching, hovering, zooming and panning. */
  longestTask: number;
  /** The longest from first paint until the hover sweep: loading the rest and searching (focus, typing). */
  longestTaskLoadingSearching: number;
  heapMb: number;
  transfer: Transfer;
  /** The text shards of the search index: fetched only once the search box is focused. */
  textShards: Transfer;
  /** The graph and the whole search index (manifest and every shard): what the lean-download target counts. */
  graphAndIndex: Transfer;
}

/**
 * One fresh load of the explorer at `url` in its own browser context, 1400×900: time to the
 * graph's first paint, to search answering (from the entities' shard) and to search being
 * complete (every shard; the app's performance marks), the latency of
 * each keystroke of `query` to its results, the frame interval p95 while the mouse sweeps the
 * canvas and while it drags the canvas zoomed in (a pan), the longest main-thread task after first paint, the JS heap and the bytes fetched.
 */
export async function measureExplorerLoad(browser: Browser, url: string, query: string): Promise<ExplorerLoad> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(RECORD_LONG_TASKS);
  const transfer = countTransfer(page);
  await page.goto(url);
  const mark = (name: string): Promise<number> =>
    page.waitForFunction((wanted) => performance.getEntriesByName(wanted)[0]?.startTime, name, { timeout: 180_000, polling: 50 }).then((handle) => handle.jsonValue() as Promise<number>);
  const paint = await mark('tag-graph:graph-painted');
  const searchReady = await mark('tag-graph:search-ready');
  await page.waitForTimeout(500);
  // The text shards load once someone is about to search: from focusing the box to all of them in.
  const input = page.getByTestId('search-input');
  const focused = (await page.evaluate('performance.now()')) as number;
  await input.click();
  const searchComplete = (await mark('tag-graph:search-complete')) - focused;
  const textShards = new Set(
    // As a string: the TypeScript runner would name an inner function with a helper the page lacks.
    (await page.evaluate(`(async () => {
      const manifestUrl = new URL('data/${OUTPUT_FILES.searchIndex}', document.baseURI);
      const manifest = await (await fetch(manifestUrl)).json();
      return manifest.text.map((file) => new URL(file, manifestUrl).pathname);
    })()`)) as string[],
  );
  // Each key, from the key press to the result list answering the query it makes.
  const keystrokes: number[] = [];
  for (let length = 1; length <= query.length; length += 1) keystrokes.push(await timeToAnswer(page, [query.slice(0, length)], 0, 2000));
  // The whole query again, a key every TYPING_PACE_MS without waiting for any results.
  await page.getByTestId('search-input').fill('');
  await page.waitForTimeout(300);
  const typedAnswer = await timeToAnswer(page, [...query].map((_, index) => query.slice(0, index + 1)), TYPING_PACE_MS, 60_000);
  const loadingSearching = await longestTaskAfter(page, paint);
  // Hover: the mouse sweeps the canvas, crossing nodes; frame intervals are recorded meanwhile.
  await page.getByTestId('search-input').fill('');
  await page.keyboard.press('Escape');
  const box = (await page.getByTestId('graph').boundingBox())!;
  await page.evaluate(COUNT_FRAMES);
  for (let step = 0; step <= 80; step += 1) {
    await page.mouse.move(box.x + (box.width * step) / 80, box.y + box.height * (0.3 + (0.4 * step) / 80));
    await page.waitForTimeout(16);
  }
  const hoverP95 = await framesP95(page);
  const panP95 = await measurePan(page);
  const afterPaint = await longestTaskAfter(page, paint);
  const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
  const result = { hoverP95, panP95, paint, searchReady, searchComplete, keystrokes, typedAnswer, longestTask: afterPaint, longestTaskLoadingSearching: loadingSearching, heapMb: heap / 1024 / 1024, transfer: await transfer.total(), textShards: await transfer.total((address) => textShards.has(new URL(address).pathname)), graphAndIndex: await transfer.total(isGraphOrIndex) };
  await context.close();
  return result;
}

/** A key every this many milliseconds: someone typing steadily, faster than a large index answers. */
export const TYPING_PACE_MS = 100;

/**
 * Puts each of `values` into the search box in turn, `paceMs` apart, not waiting for results,
 * and measures from the last one to the results list answering it (its `data-answered`): what
 * someone waits for once they stop typing, with whatever the searches before left to do. At
 * `timeoutMs` the time so far is returned.
 */
async function timeToAnswer(page: Page, values: readonly string[], paceMs: number, timeoutMs: number): Promise<number> {
  return (await page.evaluate(`new Promise((done) => {
    const field = document.querySelector('[data-testid="search-input"]');
    const values = ${JSON.stringify(values)};
    const wanted = values[values.length - 1];
    let last = 0;
    const finish = () => {
      observer.disconnect();
      done(performance.now() - last);
    };
    const observer = new MutationObserver(() => {
      if (last !== 0 && document.querySelector('#search-results')?.getAttribute('data-answered') === wanted) finish();
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-answered'] });
    const put = (index) => {
      const final = index + 1 === values.length;
      if (final) last = performance.now();
      field.value = values[index];
      field.dispatchEvent(new Event('input', { bubbles: true }));
      if (final) setTimeout(finish, ${timeoutMs});
      else setTimeout(() => put(index + 1), ${paceMs});
    };
    put(0);
  })`)) as number;
}

/** The graph, the search index's manifest, or one of its shards, by the address's path. */
function isGraphOrIndex(address: string): boolean {
  const path = new URL(address).pathname;
  return path.endsWith(`/${OUTPUT_FILES.graph}`) || path.endsWith(`/${OUTPUT_FILES.searchIndex}`) || path.includes(`/${SEARCH_SHARD_FOLDER}/`);
}

/**
 * The frame interval p95 while the canvas is dragged across in small steps, zoomed in twice
 * (more labels drawn), from a point with nothing drawn near it. Counts frames through
 * `window.frames_`, which the caller's requestAnimationFrame loop fills.
 */
export async function measurePan(page: Page): Promise<number> {
  const box = (await page.getByTestId('graph').boundingBox())!;
  await page.getByTestId('zoom-in').click();
  await page.getByTestId('zoom-in').click();
  await page.waitForTimeout(300);
  // The drag starts on empty canvas, so it pans rather than moving a node: the first point of a
  // grid, right of the centre, where no layer of the canvas has a drawn pixel near it.
  const start = (await page.evaluate(`(() => {
    const host = document.querySelector('[data-testid="graph"]');
    const bounds = host.getBoundingClientRect();
    const layers = [...host.querySelectorAll('canvas[data-id^="layer"]')].map((canvas) => ({ canvas, context: canvas.getContext('2d', { willReadFrequently: true }) }));
    for (let gy = 0.5; gy >= 0.2; gy -= 0.05) for (let gx = 0.6; gx <= 0.9; gx += 0.02) {
      const free = layers.every(({ canvas, context }) => {
        const scale = canvas.width / canvas.getBoundingClientRect().width;
        const pixels = context.getImageData(Math.round(gx * bounds.width * scale) - 6, Math.round(gy * bounds.height * scale) - 6, 13, 13).data;
        for (let at = 3; at < pixels.length; at += 4) if (pixels[at] !== 0) return false;
        return true;
      });
      if (free) return [gx, gy];
    }
    return [0.98, 0.02];
  })()`)) as [number, number];
  await page.evaluate('window.frames_.splice(0)');
  await page.mouse.move(box.x + box.width * start[0], box.y + box.height * start[1]);
  await page.mouse.down();
  for (let step = 1; step <= 60; step += 1) {
    await page.mouse.move(box.x + box.width * (start[0] - (0.4 * step) / 60), box.y + box.height * (start[1] + (0.2 * step) / 60));
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  return framesP95(page);
}

/** The p95 of the frame intervals counted since the last call (the first, begun before, left out). */
async function framesP95(page: Page): Promise<number> {
  const frames = (await page.evaluate('window.frames_.splice(0).slice(1)')) as number[];
  return frames.length > 0 ? percentile(frames, 0.95) : 0;
}

// Page scripts are strings: the TypeScript runner would name an inner function with a helper the page lacks.

/** Counts each frame's interval into `window.frames_` from now on. */
export const COUNT_FRAMES = `(() => {
  const frames = [];
  window.frames_ = frames;
  let last = performance.now();
  const tick = (now) => { frames.push(now - last); last = now; if (frames.length < 100000) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;

/** Records every long task's start and duration into `window.longTasks` (as an init script). */
export const RECORD_LONG_TASKS = `(() => {
  const tasks = [];
  window.longTasks = tasks;
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) tasks.push(entry.startTime, entry.duration); }).observe({ type: 'longtask', buffered: true });
})()`;

/** The longest task that started after `from` (ms since navigation), from `window.longTasks`. */
export async function longestTaskAfter(page: Page, from: number): Promise<number> {
  return (await page.evaluate(`(() => {
    const tasks = window.longTasks;
    let longest = 0;
    for (let index = 0; index < tasks.length; index += 2) if (tasks[index] > ${from}) longest = Math.max(longest, tasks[index + 1]);
    return longest;
  })()`)) as number;
}
