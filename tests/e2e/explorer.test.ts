import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../src/schema/graph.ts';
import { readSearchManifest } from '../../src/schema/search.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { buildApp, buildData } from '../helpers/site.ts';
import { serveSite, type StaticSite } from '../helpers/static-server.ts';

const corpus = process.env.TAG_REPO ?? join(import.meta.dirname, '../../../shared/corpus/tag-security');
const hostileRepo = join(import.meta.dirname, '../fixtures/hostile-repo');
const runs = existsSync(CHROMIUM) && existsSync(corpus);

let browser: Browser;
let appDir: string;
let corpusData: string;
let graph: GraphDocument;
const sites: StaticSite[] = [];

async function open(site: StaticSite, search = '', viewport = { width: 1280, height: 860 }): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(`${site.url}${search}`);
  return { page, errors, requests };
}

const visibleCount = async (page: Page): Promise<number> => Number((await page.getByTestId('visible-count').textContent())?.split(' ')[0]);

/** Undirected breadth-first neighbourhood: an independent reference for the focus view. */
function neighbourhood(start: string, depth: number): Set<string> {
  const seen = new Set([start]);
  let frontier = [start];
  for (let step = 0; step < depth; step += 1) {
    const next: string[] = [];
    for (const edge of graph.edges) {
      for (const [a, b] of [[edge.source, edge.target], [edge.target, edge.source]] as const) {
        if (frontier.includes(a) && !seen.has(b)) {
          seen.add(b);
          next.push(b);
        }
      }
    }
    frontier = next;
  }
  return seen;
}

describe.skipIf(!runs && !process.env.CI)('explorer in Chromium', () => {
  let site: StaticSite;

  beforeAll(async () => {
    [appDir, corpusData] = await Promise.all([buildApp(), buildData(corpus, { repoUrl: 'https://github.com/cncf/tag-security', ref: 'main' })]);
    graph = JSON.parse(readFileSync(join(corpusData, 'graph.json'), 'utf8')) as GraphDocument;
    site = await serveSite(appDir, corpusData);
    sites.push(site);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all(sites.map((s) => s.close()));
    for (const dir of [appDir, corpusData]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('loads, searches, focuses, filters, deep-links and reports', async () => {
    const { page, errors, requests } = await open(site);
    await page.getByTestId('graph').locator('canvas').first().waitFor();
    const shownAtStart = graph.nodes.filter((n) => n.kind !== 'external').length;
    expect(await visibleCount(page)).toBe(shownAtStart);

    // Until someone is about to search, only the entities' shard of the index is fetched.
    await page.waitForFunction(() => performance.getEntriesByName('tag-graph:search-ready').length > 0);
    await page.waitForTimeout(300);
    const manifest = readSearchManifest(JSON.parse(readFileSync(join(corpusData, 'search-index.json'), 'utf8')), 'search-index.json');
    const shardsFetched = (): string[] => requests.filter((path) => path.includes('/data/search/')).map((path) => path.slice(path.indexOf('search/')));
    expect(shardsFetched()).toEqual([manifest.entities]);

    // Search from the keyboard: `/` focuses, typing searches, Enter opens the first hit.
    await page.keyboard.press('/');
    await page.keyboard.type('xz');
    await expect.poll(() => shardsFetched().sort()).toEqual([manifest.entities, ...manifest.text].sort());
    const first = page.getByTestId('search-result').first();
    await first.waitFor();
    expect(await first.getAttribute('data-node-id')).toBe('compromise:xz-backdoor-incident');
    expect(await first.locator('mark').first().textContent()).toBe('xz');
    await page.keyboard.press('Enter');

    const panel = page.getByTestId('detail-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('xz backdoor incident');
    expect(await panel.locator('[data-relation="category"] button').allTextContents()).toEqual(['Malicious Maintainer']);
    expect(await panel.locator('[data-relation="home page"] button').getAttribute('data-node-id')).toBe('doc:community/catalog/compromises/2024/xz.md');
    expect(await panel.locator('a[href*="/blob/main/community/catalog/compromises/README.md#L"]').count()).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('node')).toBe('compromise:xz-backdoor-incident');

    // Focus to depth 2: exactly the neighbourhood, less the hidden kinds.
    await page.getByTestId('focus-depth').selectOption('2');
    const kindOf = new Map(graph.nodes.map((n) => [n.id, n.kind]));
    const focused = [...neighbourhood('compromise:xz-backdoor-incident', 2)].filter((id) => kindOf.get(id) !== 'external');
    await expect.poll(() => visibleCount(page)).toBe(focused.length);
    // A fresh layout of just what is shown, then fit.
    await page.getByRole('button', { name: 'Re-layout' }).click();
    await page.getByRole('button', { name: 'Fit' }).click();
    expect(await visibleCount(page)).toBe(focused.length);

    // A kind filter.
    await page.getByTestId('filters').locator('input[data-kind="document"]').uncheck();
    const withoutDocuments = focused.filter((id) => kindOf.get(id) !== 'document' || id === 'compromise:xz-backdoor-incident');
    await expect.poll(() => visibleCount(page)).toBe(withoutDocuments.length);
    const url = new URL(page.url());
    expect(url.searchParams.get('depth')).toBe('2');
    expect(url.searchParams.get('focus')).toBe('1');
    expect(url.searchParams.get('hide')).toBe('document,external');

    // The deep link reopens the same view.
    await page.reload();
    await expect.poll(() => panel.locator('h2').textContent()).toBe('xz backdoor incident');
    expect(await page.getByTestId('focus-depth').inputValue()).toBe('2');
    expect(await page.getByTestId('filters').locator('input[data-kind="document"]').isChecked()).toBe(false);
    await expect.poll(() => visibleCount(page)).toBe(withoutDocuments.length);

    // Back undoes the filter.
    await page.goBack();
    await expect.poll(() => page.getByTestId('filters').locator('input[data-kind="document"]').isChecked()).toBe(true);
    await expect.poll(() => visibleCount(page)).toBe(focused.length);

    // The list view shows the same nodes, keyboard-reachable.
    await page.getByTestId('mode-list').click();
    await expect.poll(() => page.locator('table tbody tr').count()).toBe(focused.length);

    // The report.
    await page.getByTestId('mode-report').click();
    const report = page.getByTestId('report');
    await report.waitFor();
    // Grouped by file, with the graph's filters and legend out of the way.
    expect(await page.getByTestId('filters').count()).toBe(0);
    const processFile = report.locator('[data-testid="report-group-item"][data-key="governance/process.md"]');
    const row = processFile.getByTestId('finding').filter({ hasText: 'link to charter.md' });
    expect((await row.locator('td').allTextContents()).map((text) => text.trim())).toEqual(['error', 'line 111', 'missing-file', 'link to charter.md: file not found']);
    expect(await report.locator('[data-rule="near-duplicate-person"]').filter({ hasText: 'Robert Ficaglia' }).count()).toBe(1);
    // Grouping and filter live in the URL: back undoes the grouping.
    await report.getByTestId('report-group').selectOption('rule');
    await expect.poll(() => new URL(page.url()).searchParams.get('rgroup')).toBe('rule');
    expect(await report.locator('[data-testid="report-group-item"][data-key="missing-file"]').count()).toBe(1);
    await report.getByTestId('report-filter').fill('charter.md');
    await expect.poll(() => new URL(page.url()).searchParams.get('rq')).toBe('charter.md');
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('rgroup')).toBe(null);
    // The CSV export is what is shown, as a file.
    const [download] = await Promise.all([page.waitForEvent('download'), report.getByTestId('export-csv').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('path,line,severity,rule,message,suggestion');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('answers a newcomer’s questions without reading markdown', async () => {
    const relation = async (node: string, name: string): Promise<string[]> => {
      const { page } = await open(site, `?node=${encodeURIComponent(node)}`);
      const items = page.getByTestId('detail-panel').locator(`[data-relation="${name}"] button`);
      await items.first().waitFor();
      const labels = await items.allTextContents();
      await page.close();
      return labels;
    };
    expect(await relation('group:automated-governance', 'leads')).toContain('Brandt Keller');
    expect(await relation('group:compliance', 'leads')).toEqual(['Anca Sailer', 'Robert Ficcaglia']);
    expect(await relation('person:justin-cappos', 'security reviewer of')).toEqual(expect.arrayContaining(['Harbor', 'OPA', 'WasmEdge']));
    const maintainers = await relation('category:malicious-maintainer', 'in this category');
    expect(maintainers).toContain('xz backdoor incident');
    expect(maintainers.length).toBe(graph.edges.filter((e) => e.kind === 'in_category' && e.target === 'category:malicious-maintainer').length);
    expect(await relation('publication:cloud-native-security-whitepaper', 'linked from (any format)')).toEqual(expect.arrayContaining(['Security Technical Advisory Group']));
  });

  it('has no serious or critical accessibility violation, light or dark, in graph, list and report views', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const search of ['', `?node=${encodeURIComponent('group:compliance')}`, '?view=list', '?view=report']) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, colorScheme });
        await page.goto(`${site.url}${search}`);
        await page.getByTestId(search.includes('report') ? 'report' : search.includes('list') ? 'mode-list' : 'graph').waitFor();
        expect(await seriousViolations(page), `${colorScheme} ${search}`).toEqual([]);
        await page.close();
      }
    }
  });

  it('answers “what was published when” in the list: one kind in one click, columns for it, sorted by date', async () => {
    const { page, errors } = await open(site, '?view=list');
    const list = page.getByTestId('node-list');
    await list.waitFor();
    await list.locator('button[data-only-kind="publication"]').first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get('hide')?.split(',').includes('publication')).toBe(false);
    await expect.poll(async () => (await list.locator('tbody td.kind').allTextContents()).every((text) => text.includes('Publication'))).toBe(true);
    const headers = await list.locator('thead button.sort').allTextContents();
    expect(headers.map((text) => text.replace(/ [▲▼]$/, ''))).toEqual(expect.arrayContaining(['Name', 'Kind', 'Links', 'Date', 'Formats', 'Series']));
    await list.locator('thead button[data-column="date"]').click();
    await list.locator('thead button[data-column="date"]').click();
    const dates = (await list.locator('tbody td[data-column="date"]').allTextContents()).filter(Boolean);
    expect(dates.length).toBeGreaterThan(5);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates[0]).toBe('2025-03');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('downloads what the view shows as GraphML and as a PNG of the canvas', async () => {
    const { page, errors } = await open(site, `?node=${encodeURIComponent('group:compliance')}&focus=1&depth=1`);
    await page.getByTestId('detail-panel').waitFor();
    const shown = Number((await page.getByTestId('visible-count').textContent())!.split(' ')[0]);
    await page.getByTestId('share-open').click();
    await page.getByTestId('export-format').selectOption('graphml');
    const [graphml] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
    expect(graphml.suggestedFilename()).toBe('cncf-tag-security-graph.graphml');
    const xml = readFileSync((await graphml.path())!, 'utf8');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml.match(/<node id=/g)).toHaveLength(shown);
    expect(xml).toContain('<node id="group:compliance">');
    await page.getByTestId('export-format').selectOption('png');
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
    expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe('PNG');
    await page.getByTestId('export-format').selectOption('svg');
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
    const drawn = readFileSync((await svg.path())!, 'utf8');
    expect(drawn).toContain('<title id="title">Compliance: its neighbourhood</title>');
    expect(drawn.match(/<(circle|rect|polygon) [^>]*fill="#/g)!.length).toBeGreaterThanOrEqual(shown);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shares a view: the link, the three embed snippets and a live preview that follows the options', async () => {
    const { page, errors } = await open(site, `?node=${encodeURIComponent('group:compliance')}&focus=1`);
    await page.getByTestId('detail-panel').waitFor();
    await page.getByTestId('share-open').click();
    const dialog = page.getByTestId('share-dialog');
    await dialog.waitFor();
    const base = site.url;
    expect(await dialog.getByTestId('share-link').inputValue()).toBe(`${base}?node=group%3Acompliance&focus=1`);
    expect(await dialog.getByTestId('share-iframe').inputValue()).toContain(`<iframe src="${base}embed.html?node=group%3Acompliance&amp;focus=1" title="Compliance: its neighbourhood"`);
    expect(await dialog.getByTestId('share-component').inputValue()).toContain(`<tag-graph data="${base}data/" node="group:compliance" focus="1"></tag-graph>`);
    expect(await dialog.getByTestId('share-picture').inputValue()).toContain(`${base}data/views/compliance.dark.svg`);
    const preview = page.frameLocator('[data-testid=share-preview]');
    await expect.poll(() => preview.locator('.tg-nodes summary').textContent()).toBe(`Nodes shown (${neighbourhood('group:compliance', 1).size - [...neighbourhood('group:compliance', 1)].filter((id) => graph.nodes.find((node) => node.id === id)?.kind === 'external').length})`);
    await dialog.getByTestId('share-theme').selectOption('dark');
    await expect.poll(() => preview.locator('figure.tg').getAttribute('data-theme')).toBe('dark');
    expect(await dialog.getByTestId('share-iframe').inputValue()).toContain('theme=dark');
    // The preview is sized to its content, as the resize script sizes frames on host pages.
    await expect.poll(() => page.getByTestId('share-preview').evaluate((frame) => Math.round(frame.getBoundingClientRect().height))).toBeGreaterThan(450);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('takes theme=dark from the URL over the system’s light scheme', async () => {
    const page = await browser.newPage({ colorScheme: 'light' });
    await page.goto(`${site.url}?theme=dark`);
    await page.getByTestId('graph').waitFor();
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(17, 20, 24)');
    await page.close();
  });

  it('highlights the shortest path between two nodes', async () => {
    const { page } = await open(site, `?node=${encodeURIComponent('person:brandt-keller')}&from=${encodeURIComponent('person:brandt-keller')}&to=${encodeURIComponent('compromise:xz-backdoor-incident')}`);
    const status = page.getByTestId('path-status');
    await status.waitFor();
    const steps = await status.locator('button.link').allTextContents();
    expect(steps[0]).toBe('Brandt Keller');
    expect(steps.at(-1)).toBe('xz backdoor incident');
    expect(steps.length).toBeGreaterThanOrEqual(3);
    // Through shown kinds only: no external site, though the shortest route overall may use one.
    expect(await status.getByTestId('path-hidden').count()).toBe(0);
    await page.close();
    // With documents hidden there is no route through shown kinds: the path says which hidden kind it crosses.
    const hiddenDocs = await open(site, `?node=${encodeURIComponent('person:brandt-keller')}&from=${encodeURIComponent('person:brandt-keller')}&to=${encodeURIComponent('compromise:xz-backdoor-incident')}&hide=asset,document,external`);
    const notice = hiddenDocs.page.getByTestId('path-hidden');
    await expect.poll(() => notice.textContent()).toContain('document');
    await hiddenDocs.page.close();
  });

  it('executes nothing from hostile markdown', async () => {
    const hostileData = await buildData(hostileRepo, { repoUrl: 'javascript:window.__pwned="repo"' });
    const hostile = await serveSite(appDir, hostileData);
    sites.push(hostile);
    const { page, errors } = await open(hostile, '?hide=');
    await page.getByTestId('graph').locator('canvas').first().waitFor();
    await page.getByTestId('mode-list').click();
    const rows = page.locator('table tbody button.link');
    const count = await rows.count();
    expect(count).toBe(JSON.parse(readFileSync(join(hostileData, 'graph.json'), 'utf8')).nodes.length);
    for (let index = 0; index < count; index += 1) {
      await rows.nth(index).click();
      await page.getByTestId('detail-panel').waitFor();
    }
    await page.getByTestId('search-input').fill('script');
    await page.getByTestId('search-result').first().waitFor();
    await page.getByTestId('mode-report').click();
    // The report of the hostile build renders too, with the repository URL refused as a link.
    expect(await page.getByTestId('report-counts').textContent()).toContain('2 documents read');
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: string }).__pwned,
      scripts: document.querySelectorAll('script:not([type="module"])').length,
      handlers: document.querySelectorAll('[onerror], [onload], [onmouseover], iframe, svg[onload]').length,
      scriptLinks: document.querySelectorAll('a[href^="javascript:"], a[href^="data:"]').length,
    }));
    expect(state).toEqual({ pwned: undefined, scripts: 0, handlers: 0, scriptLinks: 0 });
    await page.getByTestId('mode-list').click();
    await page.locator('button.link', { hasText: 'Hostile Group' }).first().click();
    expect(await page.getByTestId('detail-panel').locator('h2').textContent()).toBe("<script>window.__pwned = 'title'</script> Hostile Group");
    expect(errors).toEqual([]);
    await page.close();
    rmSync(hostileData, { recursive: true, force: true });
  });

  it('works from a sub-path, and shows an error screen when data is missing', async () => {
    const nested = await serveSite(appDir, corpusData, '/docs/graph/');
    sites.push(nested);
    const { page } = await open(nested);
    await page.getByTestId('graph').locator('canvas').first().waitFor();
    await page.close();

    const empty = mkdtempSync(join(tmpdir(), 'no-data-'));
    const missing = await serveSite(appDir, empty);
    sites.push(missing);
    const { page: broken } = await open(missing);
    const screen = broken.getByTestId('error-screen');
    await screen.waitFor();
    expect(await screen.textContent()).toContain('could not load');
    expect(await screen.textContent()).toContain('HTTP 404');
    await broken.close();
    rmSync(empty, { recursive: true, force: true });
  });

  it('labels only hubs at the overview, more as you zoom in, and lays out a focused view on its own', async () => {
    const { page, errors } = await open(site);
    const canvas = page.getByTestId('graph');
    await canvas.locator('canvas').first().waitFor();
    const labelled = async (): Promise<number> => Number(await canvas.getAttribute('data-labelled'));
    const shown = await visibleCount(page);
    await expect.poll(labelled).toBeGreaterThanOrEqual(5);
    const overview = await labelled();
    // The best-connected 2% (at least 12): not every label that would fit.
    expect(overview).toBeLessThanOrEqual(Math.max(12, Math.ceil(shown * 0.02)));
    // Each level of labels shows at twice the zoom of the one before.
    await page.getByTestId('zoom-in').click();
    await expect.poll(labelled).toBeGreaterThan(overview);
    const closer = await labelled();
    await page.getByTestId('zoom-in').click();
    await expect.poll(labelled).toBeGreaterThan(closer);
    // Focused on a group: its neighbourhood is laid out on its own and fitted, all of it labelled.
    await page.goto(`${site.url}?node=${encodeURIComponent('group:automated-governance')}&focus=1&depth=1`);
    await canvas.locator('canvas').first().waitFor();
    const focused = await visibleCount(page);
    await expect.poll(labelled).toBe(focused);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is usable at phone width', async () => {
    const { page, errors } = await open(site, '', { width: 390, height: 844 });
    await page.getByTestId('search-input').fill('Justin Cappos');
    await page.getByTestId('search-result').first().click();
    const panel = page.getByTestId('detail-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Justin Cappos');
    const box = await panel.boundingBox();
    expect(box?.width).toBeLessThanOrEqual(390);
    // Details first, within the first screen; the graph of the chosen node below them.
    await page.evaluate(() => window.scrollTo(0, 0));
    const detail = (await panel.boundingBox())!;
    const graphBox = (await page.getByTestId('graph').boundingBox())!;
    expect(detail.y).toBeLessThan(844);
    expect(graphBox.y).toBeGreaterThanOrEqual(detail.y + detail.height - 1);
    expect(await page.getByTestId('graph').locator('canvas').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
