import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchBrowser } from '../helpers/browser.ts';

/** `npm start` on a copy of the demo repository: edits show in the open page without a reload. */
const root = join(import.meta.dirname, '../..');
let scratch: string;
let repo: string;
let server: ChildProcess;
let browser: Browser;
let log = '';
const port = 5600 + Math.floor(Math.random() * 300);

async function until<T>(check: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; server log:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)('npm start watches the repository', () => {
  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'watch-'));
    repo = join(scratch, 'repo');
    cpSync(join(root, 'tests/fixtures/demo-repo'), repo, { recursive: true });
    server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--repo', repo, '--port', String(port), '--public-dir', join(scratch, 'public'), '--cache', join(scratch, 'cache')], { cwd: root });
    server.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    await until(() => log.includes('watching'), 'the server to start', 60_000);
    browser = await launchBrowser();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('updates the open page on save, keeping selection, focus, filters and positions', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`http://localhost:${port}/?node=${encodeURIComponent('group:observability')}&focus=1&filter=a`);
    await page.getByTestId('detail-panel').waitFor();
    const version = async (): Promise<number> => Number(await page.evaluate(() => document.documentElement.dataset['dataVersion'] ?? '0'));
    const leads = async (): Promise<string[]> => page.getByTestId('detail-panel').locator('[data-relation="leads"] button').allTextContents();
    expect(await leads()).toEqual(['Ravi Shankar', 'Zoe Adler']);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    const before = await version();
    const url = page.url();

    // A burst of saves: one more lead, and the same file saved again and again.
    const file = join(repo, 'groups/observability/README.md');
    appendFileSync(file, '- **Leads:** Nia Okoro (@nokoro)\n');
    for (let save = 0; save < 10; save += 1) appendFileSync(join(repo, 'docs/process.md'), `\n<!-- save ${save} -->\n`);
    await until(async () => (await leads()).includes('Nia Okoro'), 'the new lead to appear');
    expect(await leads()).toEqual(['Nia Okoro', 'Ravi Shankar', 'Zoe Adler']);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    expect(page.url()).toBe(url);
    expect(await page.getByTestId('filters').locator('input[type="search"]').inputValue()).toBe('a');
    await page.waitForTimeout(400);
    // One rebuild for the burst (the first changes may land in two, never in eleven).
    expect((await version()) - before).toBeLessThanOrEqual(2);
    expect(log.match(/rebuilt in \d+ ms after/g)?.length ?? 0).toBeLessThanOrEqual(2);

    // Deleting a file removes its node; a file that fails to read leaves the graph up.
    const afterBurst = await version();
    rmSync(join(repo, 'docs/hardening.md'));
    writeFileSync(join(repo, 'docs/new-page.md'), '# New page\n\nSee [process](process.md).\n');
    await until(async () => (await version()) > afterBurst || undefined, 'the rebuild after a deletion and a new file');
    await page.waitForTimeout(400);
    await page.goto(`http://localhost:${port}/?view=list&filter=page`);
    await until(async () => (await page.locator('table tbody tr').count()) > 0 || undefined, 'the list');
    const labels = await page.locator('table tbody tr button.link').allTextContents();
    expect(labels).toContain('New page');
    const written = JSON.parse(readFileSync(join(scratch, 'public/data/graph.json'), 'utf8')) as { nodes: Array<{ id: string }> };
    expect(written.nodes.map((node) => node.id)).toContain('doc:docs/new-page.md');
    expect(written.nodes.map((node) => node.id)).not.toContain('doc:docs/hardening.md');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows an edit of prose, patched into the last graph, in the open page', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`http://localhost:${port}/?node=${encodeURIComponent('doc:docs/process.md')}`);
    const summary = page.getByTestId('detail-panel').locator('p.summary');
    await until(async () => (await summary.textContent())?.includes('Open an issue.') || undefined, 'the summary as it was');
    const rebuilds = log.match(/^rebuilt in .*$/gm)?.length ?? 0;
    const indexBuilds = log.match(/^search index rebuilt/gm)?.length ?? 0;
    // A word changed and a line added above everything: the same things on other lines.
    const file = join(repo, 'docs/process.md');
    writeFileSync(file, `\n${readFileSync(file, 'utf8').replace('Open an issue.', 'Open a ticket.')}`);
    await until(async () => (await summary.textContent())?.includes('Open a ticket.') || undefined, 'the new summary');
    const rebuild = await until(() => log.match(/^rebuilt in .*$/gm)?.[rebuilds], 'the rebuild to be logged');
    expect(rebuild).toMatch(/ patch \d+/);
    expect(rebuild).not.toMatch(/ assemble \d+/);
    // The search index follows (its shard joined from the kept one): the new word finds the section.
    await until(() => log.match(/^search index rebuilt/gm)?.[indexBuilds], 'the search index to be rebuilt');
    await page.getByTestId('search-input').fill('ticket');
    const hits = page.getByTestId('search-result');
    await until(async () => ((await hits.allTextContents()).some((hit) => hit.includes('Process')) ? true : undefined), 'the edited section found by its new word');
    await page.close();
  }, 60_000);
});
