import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planShards } from '../../src/build/search-index.ts';

const paths = (count: number, prefix = 'docs'): string[] => Array.from({ length: count }, (_, index) => `${prefix}/${String(index).padStart(5, '0')}.md`);

describe('planShards', () => {
  it('splits documents, in order, into runs that hold each exactly once', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 300 }), (names) => {
        const shards = planShards(names);
        expect(shards.flat()).toEqual(names.map((_, index) => index));
        for (const shard of shards) expect(shard.length).toBeGreaterThan(0);
      }),
    );
  });

  it('grows the number of shards with about the square root of the documents', () => {
    expect(planShards(paths(1))).toEqual([[0]]);
    const counts = [300, 3_000, 15_000].map((count) => planShards(paths(count)).length);
    // √(n/16): about 4, 14 and 31 shards, within what the hashing of paths spreads.
    expect(counts[0]).toBeGreaterThanOrEqual(2);
    expect(counts[0]).toBeLessThanOrEqual(9);
    expect(counts[1]).toBeGreaterThanOrEqual(8);
    expect(counts[1]).toBeLessThanOrEqual(24);
    expect(counts[2]).toBeGreaterThanOrEqual(18);
    expect(counts[2]).toBeLessThanOrEqual(50);
  });

  it('keeps every other shard when a document is added or removed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 299 }), (at) => {
        const before = paths(300);
        const after = before.filter((_, index) => index !== at);
        const named = (list: string[]) => new Set(planShards(list).map((shard) => shard.map((index) => list[index]).join('\n')));
        const [old, now] = [named(before), named(after)];
        // At most the removed document's shard and the one it may have ended are not shared.
        expect([...old].filter((shard) => !now.has(shard)).length).toBeLessThanOrEqual(2);
        expect([...now].filter((shard) => !old.has(shard)).length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 60 },
    );
  });
});
