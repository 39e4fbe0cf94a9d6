import { mkdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { buildApp, buildData } from '../tests/helpers/site.ts';
import { serveSite } from '../tests/helpers/static-server.ts';

/**
 * Screenshots of the main views, light and dark, desktop and phone width, into docs/screenshots/.
 * `npm run screenshots -- --repo DIR` (default: the shared tag-security corpus).
 */
const { values } = parseArgs({ options: { repo: { type: 'string', default: process.env.TAG_REPO ?? '../shared/corpus/tag-security' } } });
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
  }
} finally {
  await browser.close();
  await site.close();
  await Promise.all([rm(appDir, { recursive: true, force: true }), rm(dataDir, { recursive: true, force: true })]);
}
process.stderr.write(`screenshots written to ${outDir}\n`);
