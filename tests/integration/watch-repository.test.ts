import { appendFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

/** Watches `dir` with builds that record the paths they are handed; with `failFirst`, the first build fails. */
function watchRecording(dir: string, failFirst = false): { calls: string[][]; errors: unknown[]; ready: Promise<void> } {
  const calls: string[][] = [];
  const errors: unknown[] = [];
  const started = watchRepository(
    dir,
    {
      build: async (_previous, changed) => {
        calls.push([...changed]);
        if (failFirst && calls.length === 1) throw new Error('a file that does not parse');
        return {} as BuildOutput;
      },
      onBuilt: () => undefined,
      onError: (error) => errors.push(error),
    },
    { debounceMs: 20 },
  );
  watcher = started;
  return { calls, errors, ready: started.ready };
}

describe('watching a repository', () => {
  it('hands each build every path changed since the last good one, a failed build’s included', async () => {
    scratch = mkdtempSync(join(tmpdir(), 'watch-'));
    const { calls, errors } = watchRecording(scratch, true);
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

  it('keeps seeing a file after it was replaced by a rename (an editor’s atomic save, a checkout)', async () => {
    scratch = mkdtempSync(join(tmpdir(), 'watch-'));
    mkdirSync(join(scratch, 'docs'));
    const page = join(scratch, 'docs/page.md');
    writeFileSync(page, '# Page\n');
    const { calls, errors, ready } = watchRecording(scratch);
    await ready;
    // Saved as a new file renamed over the old one: the path stays, the file is another.
    writeFileSync(join(scratch, 'docs/.page.md.tmp'), '# Page\n\nSaved atomically.\n');
    renameSync(join(scratch, 'docs/.page.md.tmp'), page);
    await until(() => calls.some((changed) => changed.includes('docs/page.md')));
    const seen = calls.length;
    // Then edited in place, at once and later: still watched.
    appendFileSync(page, 'Appended after.\n');
    await until(() => calls.length > seen);
    expect(calls.at(-1)).toEqual(['docs/page.md']);
    const again = calls.length;
    appendFileSync(page, 'And again.\n');
    await until(() => calls.length > again);
    expect(calls.at(-1)).toEqual(['docs/page.md']);
    expect(errors).toEqual([]);
  });

  it('does not follow a symlink to a folder, inside the repository or out of it, as the build does not', async () => {
    scratch = mkdtempSync(join(tmpdir(), 'watch-'));
    const repo = join(scratch, 'repo');
    const outside = join(scratch, 'outside');
    mkdirSync(join(outside, 'deep'), { recursive: true });
    writeFileSync(join(outside, 'deep/secret.md'), '# Secret\n');
    mkdirSync(join(repo, 'docs'), { recursive: true });
    const { calls, errors, ready } = watchRecording(repo);
    await ready;
    symlinkSync(outside, join(repo, 'elsewhere'));
    symlinkSync('.', join(repo, 'docs/self'));
    await until(() => calls.flat().includes('elsewhere') && calls.flat().includes('docs/self'));
    // Only the links themselves: nothing listed or watched behind them.
    await new Promise((done) => setTimeout(done, 100));
    appendFileSync(join(outside, 'deep/secret.md'), 'Changed outside.\n');
    writeFileSync(join(repo, 'docs/page.md'), '# Page\n');
    await until(() => calls.flat().includes('docs/page.md'));
    await new Promise((done) => setTimeout(done, 100));
    expect(calls.flat().filter((path) => path.startsWith('elsewhere/') || path.startsWith('docs/self/'))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('watches folders made after it started, with what they hold, and lets go of folders removed', async () => {
    scratch = mkdtempSync(join(tmpdir(), 'watch-'));
    const { calls, errors, ready } = watchRecording(scratch);
    await ready;
    // A folder with a file in it at once (a checkout, a move): both named.
    mkdirSync(join(scratch, 'guides/deep'), { recursive: true });
    writeFileSync(join(scratch, 'guides/deep/new.md'), '# New\n');
    await until(() => calls.flat().includes('guides/deep/new.md'));
    // Wait until the new folders are watched: a later edit in them is seen on its own.
    const before = calls.length;
    await new Promise((done) => setTimeout(done, 100));
    appendFileSync(join(scratch, 'guides/deep/new.md'), 'More.\n');
    await until(() => calls.length > before && calls.at(-1)!.includes('guides/deep/new.md'));
    // Removed: named, and nothing breaks; what is made after is still seen.
    rmSync(join(scratch, 'guides'), { recursive: true });
    await until(() => calls.at(-1)!.includes('guides'));
    writeFileSync(join(scratch, 'after.md'), '# After\n');
    await until(() => calls.at(-1)!.includes('after.md'));
    // A folder replaced by a file, then by a folder again: what is made in the new one is seen.
    mkdirSync(join(scratch, 'swapped'));
    await until(() => calls.flat().includes('swapped'));
    await new Promise((done) => setTimeout(done, 100));
    rmSync(join(scratch, 'swapped'), { recursive: true });
    writeFileSync(join(scratch, 'swapped'), 'now a file\n');
    await until(() => calls.at(-1)!.includes('swapped'));
    await new Promise((done) => setTimeout(done, 100));
    rmSync(join(scratch, 'swapped'));
    mkdirSync(join(scratch, 'swapped'));
    await until(() => calls.at(-1)!.includes('swapped'));
    await new Promise((done) => setTimeout(done, 100));
    writeFileSync(join(scratch, 'swapped/inside.md'), '# Inside\n');
    await until(() => calls.flat().includes('swapped/inside.md'));
    // Only paths that were there: a removed folder's own watch names the folder, which the
    // system reports under the folder's own name, not an entry of that name inside it.
    expect(calls.flat().filter((path) => /(^|\/)(guides\/guides|deep\/deep)$/.test(path))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
