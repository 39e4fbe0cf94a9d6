import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDocument, GraphEdge, GraphNode } from '../../src/schema/graph.ts';
import { EDGE_LAYER_FROM } from '../../src/app/lib/graph-view.ts';
import { CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { buildApp, buildData } from '../helpers/site.ts';
import { serveSite, type StaticSite } from '../helpers/static-server.ts';

const demoRepo = join(import.meta.dirname, '../fixtures/demo-repo');
const COLUMNS = 60;
const ROWS = 50;

/**
 * A graph too large for cytoscape to hold its edges: a grid of documents, each linked to four
 * neighbours, about 11,800 links, beside the demo repository's catalogue of kinds.
 */
function largeGraph(base: GraphDocument): GraphDocument {
  const id = (column: number, row: number): string => `doc:grid/${column}-${row}.md`;
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (let row = 0; row < ROWS; row += 1) {
    for (let column = 0; column < COLUMNS; column += 1) {
      nodes.push({ id: id(column, row), kind: 'document', label: `Grid ${column}-${row}`, path: `grid/${column}-${row}.md`, sources: [{ path: `grid/${column}-${row}.md`, line: 1 }], position: { x: column * 40, y: row * 40 } });
      const ends = [[column + 1, row], [column + 2, row], [column, row + 1], [column + 1, row + 1]].filter(([c, r]) => c! < COLUMNS && r! < ROWS);
      for (const [c, r] of ends) edges.push({ source: id(column, row), target: id(c!, r!), kind: 'links_to', sources: [{ path: `grid/${column}-${row}.md`, line: 3 }] });
    }
  }
  // Links in a colour nothing else has, to find them in pictures.
  const kinds = { ...base.kinds, edges: base.kinds.edges.map((info) => (info.kind === 'links_to' ? { ...info, color: '#00ff00' } : info)) };
  return { ...base, kinds, nodes, edges };
}

/** Downloads the PNG of the canvas; its width, and its pixels of about this colour. */
async function exportedPng(page: Page, colour: [number, number, number]): Promise<{ width: number; matching: number }> {
  await page.getByTestId('share-open').click();
  await page.getByTestId('export-format').selectOption('png');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
  const png = readFileSync((await download.path())!);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  const matching = (await page.evaluate(`new Promise((done) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
      const colour = ${JSON.stringify(colour)};
      let count = 0;
      for (let at = 0; at < data.length; at += 4) if (Math.abs(data[at] - colour[0]) < 25 && Math.abs(data[at + 1] - colour[1]) < 25 && Math.abs(data[at + 2] - colour[2]) < 25) count += 1;
      done(count);
    };
    image.src = 'data:image/png;base64,${png.toString('base64')}';
  })`)) as number;
  return { width: png.readUInt32BE(16), matching };
}

/** Pixels of a canvas (by test id) that are drawn on, and those of about this colour. */
async function pixels(page: Page, testId: string, colour?: [number, number, number]): Promise<number> {
  return (await page.evaluate(`(() => {
    const canvas = document.querySelector('[data-testid="${testId}"]');
    if (!canvas) return -1;
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    const colour = ${JSON.stringify(colour ?? null)};
    let count = 0;
    for (let at = 0; at < data.length; at += 4) {
      if (data[at + 3] === 0) continue;
      if (!colour || (Math.abs(data[at] - colour[0]) < 40 && Math.abs(data[at + 1] - colour[1]) < 40 && Math.abs(data[at + 2] - colour[2]) < 40)) count += 1;
    }
    return count;
  })()`)) as number;
}

/** Drags from where the mouse is to (x, y): the edge layer is empty while it moves, and drawn again once let go. */
async function dragEmptyingLayer(page: Page, x: number, y: number): Promise<void> {
  await page.mouse.down();
  await page.mouse.move(x, y, { steps: 5 });
  expect(await pixels(page, 'edge-layer')).toBe(0);
  await page.mouse.up();
  await expect.poll(() => pixels(page, 'edge-layer')).toBeGreaterThan(50_000);
}

describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)('a large graph in Chromium', () => {
  let browser: Browser;
  let appDir: string;
  let dataDir: string;
  let site: StaticSite;
  let graph: GraphDocument;

  beforeAll(async () => {
    [appDir, dataDir] = await Promise.all([buildApp(), buildData(demoRepo)]);
    graph = largeGraph(JSON.parse(readFileSync(join(dataDir, 'graph.json'), 'utf8')) as GraphDocument);
    writeFileSync(join(dataDir, 'graph.json'), JSON.stringify(graph));
    site = await serveSite(appDir, dataDir);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    for (const dir of [appDir, dataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('draws a large view’s edges on the edge layer, moves them with the view, exports them under the nodes, and gives them back to cytoscape when the view is small', async () => {
    expect(graph.edges.length).toBeGreaterThan(EDGE_LAYER_FROM);
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(site.url);
    await page.waitForFunction(() => performance.getEntriesByName('tag-graph:graph-painted').length > 0);
    expect(await page.getByTestId('visible-count').textContent()).toBe(`${COLUMNS * ROWS} nodes shown`);
    // Drawn by the first paint.
    const drawn = await pixels(page, 'edge-layer');
    expect(drawn).toBeGreaterThan(50_000);
    const picture = (): Promise<string> => page.evaluate(`document.querySelector('[data-testid="edge-layer"]').toDataURL()`) as Promise<string>;
    const before = await picture();

    // While the view moves the layer is empty; once it settles the edges are drawn where the nodes went.
    const box = (await page.getByTestId('graph').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.97, box.y + box.height * 0.03);
    await dragEmptyingLayer(page, box.x + box.width * 0.9, box.y + box.height * 0.1);
    expect(await picture()).not.toBe(before);

    // Hover finds a node's edges in the view, not in cytoscape: its overlay draws them.
    for (let step = 0; step <= 40 && (await pixels(page, 'hover-layer')) <= 0; step += 1) {
      await page.mouse.move(box.x + box.width * (0.3 + step / 100), box.y + box.height * (0.3 + step / 100));
      await page.waitForTimeout(20);
    }
    expect(await pixels(page, 'hover-layer')).toBeGreaterThan(0);

    // Dragging that node: the layer is empty while it moves, and drawn again with the node where it was left.
    const beforeDrag = await picture();
    // A corner of the layer, far from that node: a pan would move it, a drag of the node does not.
    const corner = (): Promise<number[]> => page.evaluate(`Array.from(document.querySelector('[data-testid="edge-layer"]').getContext('2d').getImageData(0, 0, 150, 150).data.filter((_, at) => at % 4 === 3))`) as Promise<number[]>;
    const cornerBefore = await corner();
    expect(cornerBefore.filter((alpha) => alpha > 0).length).toBeGreaterThan(100);
    await dragEmptyingLayer(page, box.x + box.width * 0.5, box.y + box.height * 0.5);
    expect(await picture()).not.toBe(beforeDrag);
    expect(await corner()).toEqual(cornerBefore);

    // The PNG has the layer's links (#00ff00 at 0.55 over white) under cytoscape's nodes, at
    // twice the canvas's size (cytoscape's own picture alone has none of that colour).
    const exported = await exportedPng(page, [115, 255, 115]);
    expect(exported.matching).toBeGreaterThan(5_000);
    expect(exported.width).toBe(Math.round(box.width) * 2);
    await page.keyboard.press('Escape');

    // A filtered view is small: cytoscape holds its edges again (and lays it out), the layer is empty.
    await page.getByPlaceholder('e.g. supply chain').fill('Grid 3-2');
    await expect.poll(() => page.getByTestId('visible-count').textContent()).toBe('11 nodes shown');
    await expect.poll(() => pixels(page, 'edge-layer')).toBe(0);
    // And the whole view again: the layer draws them.
    await page.getByPlaceholder('e.g. supply chain').fill('');
    await expect.poll(() => pixels(page, 'edge-layer')).toBeGreaterThan(50_000);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws a path on the layer prominently', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    const from = 'doc:grid/0-0.md';
    const to = 'doc:grid/59-49.md';
    await page.goto(`${site.url}?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    await page.waitForFunction(() => performance.getEntriesByName('tag-graph:graph-painted').length > 0);
    await page.getByTestId('path-status').waitFor();
    // The path's red (#ff4d6d), at full strength over faded links.
    await expect.poll(() => pixels(page, 'edge-layer', [255, 77, 109])).toBeGreaterThan(200);
    await page.close();
  });
});
