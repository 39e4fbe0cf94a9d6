import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';

export interface Transfer {
  raw: number;
  /** As a compressing host would send it (gzip -9 of each response). */
  gzip: number;
}

/**
 * Counts the bytes of every response the page receives from now on; `total()` waits for the
 * bodies and adds them up. The static test server does not compress, so gzip is computed here.
 */
export function countTransfer(page: Page): { total(only?: (url: string) => boolean): Promise<Transfer> } {
  const bodies: Array<{ url: string; body: Promise<Buffer> }> = [];
  page.on('response', (response) => bodies.push({ url: response.url(), body: response.body().catch(() => Buffer.alloc(0)) }));
  return {
    /** Every response so far, or those whose address `only` accepts. */
    total: async (only = () => true) => {
      const all = await Promise.all(bodies.filter((item) => only(item.url)).map((item) => item.body));
      return { raw: all.reduce((sum, body) => sum + body.length, 0), gzip: all.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0) };
    },
  };
}
