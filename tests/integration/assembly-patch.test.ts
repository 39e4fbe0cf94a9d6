import fc from 'fast-check';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildGraph, type BuildOutput } from '../../src/build/pipeline.ts';

const demo = join(import.meta.dirname, '../fixtures/demo-repo');
const scratch = mkdtempSync(join(tmpdir(), 'assembly-patch-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const markdownFiles = readdirSync(demo, { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.md'))
  .sort();

/** Lines an edit may insert: text, nothing, and things the assembly reads (a heading, a link, a table row, a person). */
const INSERTED = ['', 'A sentence added by the test.', '## A heading added', 'See [the process](docs/process.md) too.', '| Nia Okoro | @nokoro | Lead |', 'Reviewers: Nia Okoro (@nokoro)'];

type Edit =
  | { kind: 'insert'; file: number; at: number; line: string }
  | { kind: 'delete'; file: number; at: number }
  | { kind: 'reword'; file: number; at: number }
  | { kind: 'split'; file: number; at: number }
  | { kind: 'copy' | 'move'; file: number; at: number; to: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), file: fc.nat(), at: fc.nat(), line: fc.constantFrom(...INSERTED) }),
  fc.record({ kind: fc.constant('delete' as const), file: fc.nat(), at: fc.nat() }),
  fc.record({ kind: fc.constant('reword' as const), file: fc.nat(), at: fc.nat() }),
  fc.record({ kind: fc.constant('split' as const), file: fc.nat(), at: fc.nat() }),
  fc.record({ kind: fc.constantFrom('copy' as const, 'move' as const), file: fc.nat(), at: fc.nat(), to: fc.nat() }),
);

/** Applies `change` to a file of `tree`; lines are picked modulo the file's length. */
function apply(tree: string, change: Edit): void {
  const path = join(tree, markdownFiles[change.file % markdownFiles.length]!);
  const lines = readFileSync(path, 'utf8').split('\n');
  const at = change.at % lines.length;
  if (change.kind === 'insert') lines.splice(at, 0, change.line);
  else if (change.kind === 'delete') lines.splice(at, 1);
  else if (change.kind === 'reword') lines[at] = `${lines[at]} more words`;
  else if (change.kind === 'copy' || change.kind === 'move') {
    // The same line twice, or lines in another order: things that look alike on other lines.
    const [text] = change.kind === 'move' ? lines.splice(at, 1) : [lines[at]!];
    lines.splice(change.to % (lines.length + 1), 0, text!);
  } else {
    // A line cut in two at its middle: what stood on it may now stand on two lines.
    const text = lines[at]!;
    lines.splice(at, 1, text.slice(0, text.length >> 1), text.slice(text.length >> 1));
  }
  writeFileSync(path, lines.join('\n'));
}

describe('patching the last assembly (watch mode)', () => {
  it('gives what a cold build gives, after any sequence of line edits, whether it patches or assembles again', async () => {
    let run = 0;
    let patched = 0;
    let assembled = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(edit, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 }), async (steps) => {
        const tree = join(scratch, `run-${(run += 1)}`);
        cpSync(demo, tree, { recursive: true });
        const build = (previous?: BuildOutput) => buildGraph({ repo: tree, threads: 1, layout: false, ...(previous ? { previousAssembly: previous.assembly } : {}) });
        let last = await build();
        for (const changes of steps) {
          for (const change of changes) apply(tree, change);
          const next = await build(last);
          if (next.timings['assemble'] === undefined) patched += 1;
          else assembled += 1;
          expect(Object.fromEntries(next.files)).toEqual(Object.fromEntries((await build()).files));
          last = next;
        }
        rmSync(tree, { recursive: true, force: true });
      }),
      { numRuns: 40 },
    );
    // Both ways were taken, so neither went untested.
    expect(patched).toBeGreaterThan(0);
    expect(assembled).toBeGreaterThan(0);
  }, 120_000);
});
