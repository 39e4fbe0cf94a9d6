import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BuildOutput } from '../../src/build/pipeline.ts';
import { watchRepository, type Watcher } from '../../src/build/watch.ts';

let scratch: string | undefined;
let watcher: Watcher | undefined;
afterEach(() => {
  watcher?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

async function until(condition: () => boolean): Promise<void> {
  for (const start = Date.now(); !condition(); ) {
    if (Date.now() - start > 10_000) throw new Error('timed out');
    await new Promise((done) => setTimeout(done, 10));
  }
}

describe('watching a repository', () => {
  it('hands each build every path changed since the last good one, a failed build’s included', async () => {
    scratch = mkdtempSync(join(tmpdir(), 'watch-'));
    const calls: string[][] = [];
    const errors: unknown[] = [];
    const output = {} as BuildOutput;
    watcher = watchRepository(
      scratch,
      {
        build: async (_previous, changed) => {
          calls.push([...changed]);
          if (calls.length === 1) throw new Error('a file that does not parse');
          return output;
        },
        onBuilt: () => undefined,
        onError: (error) => errors.push(error),
      },
      { debounceMs: 20 },
    );
    writeFileSync(join(scratch, 'a.md'), '# A\n');
    await until(() => calls.length === 1);
    expect(calls[0]).toEqual(['a.md']);
    await until(() => errors.length === 1);
    writeFileSync(join(scratch, 'b.md'), '# B\n');
    await until(() => calls.length === 2);
    expect(calls[1]).toEqual(['a.md', 'b.md']);
    // After a good build, only what changed since.
    writeFileSync(join(scratch, 'c.md'), '# C\n');
    await until(() => calls.length === 3);
    expect(calls[2]).toEqual(['c.md']);
  });
});
