import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../src/schema/graph.ts';
import { GraphModel } from '../../src/view/graph-model.ts';
import { viewSubgraph } from '../../src/view/subset.ts';
import { parseViewState } from '../../src/view/view.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { serveHostPage, type HostPage } from '../helpers/host-page.ts';
import { buildApp, buildData } from '../helpers/site.ts';
import { serveSite, type StaticSite } from '../helpers/static-server.ts';

const corpus = join(import.meta.dirname, '../../../shared/corpus/tag-security');
const runs = existsSync(CHROMIUM) && existsSync(corpus);
const VIEW = 'node=group:software-supply-chain&focus=1&depth=1';

let browser: Browser;
let site: StaticSite;
let host: HostPage;
let graph: GraphDocument;

/** The labels a view shows, by the project's own view module run in Node: what both embeds must list. */
function expectedLabels(query: string): string[] {
  const model = new GraphModel(graph);
  return viewSubgraph(model, parseViewState(query, model.kinds.hiddenByDefault())).nodes.map((node) => node.label).sort();
}

async function openHost(): Promise<{ page: Page; errors: string[]; frame: Frame }> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(host.url);
  const frame = page.frame({ url: /embed\.html/ })!;
  await frame.waitForSelector('[data-testid="embed-graph"] canvas');
  await page.waitForFunction(() => (document.getElementById('component') as (HTMLElement & { shownIds: string[] }) | null)?.shownIds.length);
  return { page, errors, frame };
}

describe.skipIf(!runs && !process.env.CI)('embeds in Chromium, on a host page of another origin', () => {
  beforeAll(async () => {
    const [appDir, data] = await Promise.all([buildApp(), buildData(corpus, { repoUrl: 'https://github.com/cncf/tag-security', ref: 'main' })]);
    graph = JSON.parse(readFileSync(join(data, 'graph.json'), 'utf8')) as GraphDocument;
    site = await serveSite(appDir, data, '/docs/graph/');
    // Another port is another origin.
    host = await serveHostPage(site.url, { node: 'group:software-supply-chain', focus: true, depth: 1 }, { frame: 'dark', component: 'light' });
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await host?.close();
  });

  it('shows the view in the frame and in the web component: the same nodes, listed for screen readers', async () => {
    const { page, errors, frame } = await openHost();
    const expected = expectedLabels(VIEW);
    expect(expected).toEqual(expect.arrayContaining(['Software Supply Chain', 'Marina Moore', 'John Kjell', 'Michael Lieberman']));
    const listed = async (root: Frame | Page, selector: string): Promise<string[]> => (await root.locator(selector).allTextContents()).sort();
    expect(await listed(frame, '.tg-nodes li button')).toEqual(expected);
    // Playwright's CSS locators pierce open shadow roots.
    expect(await listed(page, '#component .tg-nodes li button')).toEqual(expected);
    expect(await page.locator('#component figure').getAttribute('aria-label')).toBe(`Graph: Software Supply Chain: its neighbourhood, ${expected.length} nodes`);
    expect(await frame.locator('.tg-legend li').allTextContents()).toEqual(expect.arrayContaining(['Person', 'Group', 'Document']));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sizes the frame to its content, and follows it within a second when it grows', async () => {
    const { page, errors, frame } = await openHost();
    const frameHeight = (): Promise<number> => page.evaluate(() => document.getElementById('frame')!.getBoundingClientRect().height);
    const contentHeight = (): Promise<number> => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    await page.waitForFunction(() => document.getElementById('frame')!.getBoundingClientRect().height > 300, undefined, { timeout: 1000 });
    expect(Math.abs((await frameHeight()) - (await contentHeight()))).toBeLessThanOrEqual(1);
    const before = await frameHeight();
    await frame.locator('.tg-nodes summary').click();
    const grown = await contentHeight();
    expect(grown).toBeGreaterThan(before + 20);
    await page.waitForFunction((wanted) => Math.abs(document.getElementById('frame')!.getBoundingClientRect().height - wanted) <= 1, grown, { timeout: 1000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws theme=dark dark and theme=light light', async () => {
    const { page, errors, frame } = await openHost();
    expect(await frame.locator('figure.tg').getAttribute('data-theme')).toBe('dark');
    expect(await frame.locator('figure.tg').evaluate((figure) => getComputedStyle(figure).backgroundColor)).toBe('rgb(13, 17, 23)');
    expect(await page.locator('#component figure.tg').evaluate((figure) => getComputedStyle(figure).backgroundColor)).toBe('rgb(255, 255, 255)');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a card for a chosen node, and opens the explorer at that node in a new tab', async () => {
    const { page, errors, frame } = await openHost();
    await frame.locator('.tg-nodes summary').click();
    await frame.getByRole('button', { name: 'Marina Moore', exact: true }).click();
    const card = frame.getByTestId('embed-card');
    await expect.poll(() => card.locator('h2').textContent()).toBe('Marina Moore');
    expect(await card.locator('.tg-kind').textContent()).toBe('Person');
    expect((await card.locator('dt').allTextContents()).length).toBeGreaterThan(0);
    const [explorer] = await Promise.all([page.context().waitForEvent('page'), card.getByRole('link', { name: 'Open in explorer ↗' }).click()]);
    await explorer.waitForLoadState();
    expect(new URL(explorer.url()).pathname).toBe('/docs/graph/');
    expect(new URL(explorer.url()).searchParams.get('node')).toBe('person:marina-moore');
    await expect.poll(() => explorer.locator('aside h2').first().textContent(), { timeout: 15_000 }).toBe('Marina Moore');
    // The footer link opens the whole view.
    const footer = frame.locator('.tg-footer a');
    expect(await footer.getAttribute('target')).toBe('_blank');
    expect(Object.fromEntries(new URL((await footer.getAttribute('href'))!).searchParams)).toEqual({ node: 'group:software-supply-chain', focus: '1', theme: 'dark' });
    await explorer.close();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reaches the node list from the keyboard inside the web component', async () => {
    const { page, errors } = await openHost();
    await page.locator('#component .tg-nodes summary').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.getElementById('component')!.shadowRoot!.activeElement?.textContent);
    expect(expectedLabels(VIEW)).toContain(focused);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says what is wrong with a view instead of showing a blank box', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}embed.html?node=group:no-such-group&depth=9`);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.locator('h2').textContent()).toBe('This view cannot be shown');
    expect(await alert.locator('li').allTextContents()).toEqual(['"depth" must be one of 1, 2, 3, not "9"', 'this graph has no node "group:no-such-group" (node)']);
    await page.close();
  });

  it('has no serious or critical axe finding in the embed page or the host page', async () => {
    const { page, errors } = await openHost();
    expect(await seriousViolations(page)).toEqual([]);
    for (const theme of ['light', 'dark']) {
      const embed = await browser.newPage();
      await embed.goto(`${site.url}embed.html?${VIEW}&theme=${theme}`);
      await embed.waitForSelector('[data-testid="embed-graph"] canvas');
      expect(await seriousViolations(embed), theme).toEqual([]);
      await embed.close();
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
