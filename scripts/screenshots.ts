import { mkdir, readFile, rm } from 'node:fs/promises';
import type { GraphDocument } from '../src/schema/graph.ts';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { serveHostPage } from '../tests/helpers/host-page.ts';
import { buildApp, buildData } from '../tests/helpers/site.ts';
import { serveSite } from '../tests/helpers/static-server.ts';

/**
 * Screenshots of the main views, light and dark, desktop and phone width, into docs/screenshots/,
 * with the share dialog and a host page of another origin that embeds a view (frame and web
 * component). `npm run screenshots -- --repo DIR [--node ID]` (default: the shared tag-security
 * corpus, and the node the share and embed pictures show: its best-connected group).
 */
const { values } = parseArgs({ options: { repo: { type: 'string', default: process.env.TAG_REPO ?? '../shared/corpus/tag-security' }, node: { type: 'string' } } });
const outDir = resolve('docs/screenshots');
const [appDir, dataDir] = await Promise.all([buildApp(), buildData(resolve(values.repo), { repoUrl: 'https://github.com/cncf/tag-security', ref: 'main' })]);
const site = await serveSite(appDir, dataDir);
const browser = await launchBrowser();
await mkdir(outDir, { recursive: true });

const views = [
  { name: 'graph', search: '' },
  { name: 'focus', search: '?node=group%3Aautomated-governance&focus=1&depth=2' },
  { name: 'report', search: '?view=report' },
];
const sizes = [
  { name: 'desktop', viewport: { width: 1400, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
];
try {
  for (const scheme of ['light', 'dark'] as const) {
    for (const size of sizes) {
      for (const view of views) {
        const page = await browser.newPage({ viewport: size.viewport, colorScheme: scheme, deviceScaleFactor: 1 });
        await page.goto(`${site.url}${view.search}`);
        await page.locator(view.name === 'report' ? '[data-testid=report]' : '[data-testid=graph] canvas').first().waitFor();
        await page.waitForTimeout(900);
        await page.screenshot({ path: `${outDir}/${view.name}-${size.name}-${scheme}.png` });
        await page.close();
      }
      const page = await browser.newPage({ viewport: size.viewport, colorScheme: scheme });
      await page.goto(site.url);
      await page.getByTestId('search-input').fill('supply chain');
      await page.getByTestId('search-result').first().waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${outDir}/search-${size.name}-${scheme}.png` });
      await page.close();
    }
    const node = values.node ?? (await bestConnectedGroup());
    const share = await browser.newPage({ viewport: { width: 1400, height: 1000 }, colorScheme: scheme });
    await share.goto(`${site.url}?node=${encodeURIComponent(node)}&focus=1`);
    await share.getByTestId('share-open').click();
    await share.frameLocator('[data-testid=share-preview]').locator('[data-testid=embed-graph] canvas').first().waitFor();
    await share.waitForTimeout(900);
    await share.screenshot({ path: `${outDir}/share-dialog-${scheme}.png` });
    await share.close();
    const host = await serveHostPage(site.url, { node, focus: true, depth: 1 }, { frame: scheme, component: scheme });
    const hostPage = await browser.newPage({ viewport: { width: 1000, height: 1400 }, colorScheme: scheme });
    await hostPage.goto(host.url);
    await hostPage.frameLocator('#frame').locator('[data-testid=embed-graph] canvas').first().waitFor();
    await hostPage.waitForTimeout(1200);
    await hostPage.screenshot({ path: `${outDir}/embed-host-page-${scheme}.png`, fullPage: true });
    await hostPage.close();
    await host.close();
  }
} finally {
  await browser.close();
  await site.close();
  await Promise.all([rm(appDir, { recursive: true, force: true }), rm(dataDir, { recursive: true, force: true })]);
}
process.stderr.write(`screenshots written to ${outDir}\n`);

/** The group with the most relations: a view worth showing on any repository. */
async function bestConnectedGroup(): Promise<string> {
  const graph = JSON.parse(await readFile(resolve(dataDir, 'graph.json'), 'utf8')) as GraphDocument;
  const degree = new Map<string, number>();
  for (const edge of graph.edges) for (const id of [edge.source, edge.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const group = graph.nodes.filter((item) => item.kind === 'group').sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0))[0];
  if (!group) throw new Error('no group in this graph: name the node to show with --node');
  return group.id;
}
