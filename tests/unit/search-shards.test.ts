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

  it('keeps every other shard, nearly always, when a document is removed (or added back)', () => {
    for (const count of [300, 1000]) {
      const before = paths(count);
      const runs = (list: readonly string[]): Set<string> => new Set(planShards(list).map((shard) => shard.map((index) => list[index]).join('\n')));
      const old = runs(before);
      const changed = before.map((_, at) => {
        const now = runs(before.filter((_, index) => index !== at));
        return [...old].filter((shard) => !now.has(shard)).length;
      });
      // The removed document's own shard always changes; a boundary moved by it seldom changes the next.
      expect(Math.min(...changed)).toBe(1);
      expect(Math.max(...changed)).toBeLessThanOrEqual(4);
      expect(changed.filter((shards) => shards === 1).length / count).toBeGreaterThanOrEqual(0.97);
    }
  });
});
