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
export function countTransfer(page: Page): { total(): Promise<Transfer> } {
  const bodies: Array<Promise<Buffer>> = [];
  page.on('response', (response) => bodies.push(response.body().catch(() => Buffer.alloc(0))));
  return {
    total: async () => {
      const all = await Promise.all(bodies);
      return { raw: all.reduce((sum, body) => sum + body.length, 0), gzip: all.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0) };
    },
  };
}
