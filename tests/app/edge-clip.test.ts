import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clip, type Extent } from '../../src/app/lib/edge-layer.ts';

const extent: Extent = { x1: -50, y1: -20, x2: 70, y2: 40 };
const inside = (p: { x: number; y: number }, slack = 1e-9): boolean => p.x >= extent.x1 - slack && p.x <= extent.x2 + slack && p.y >= extent.y1 - slack && p.y <= extent.y2 + slack;
const point = fc.record({ x: fc.integer({ min: -200, max: 200 }), y: fc.integer({ min: -200, max: 200 }) });

describe('clip (an edge to the part of it on the canvas)', () => {
  it('keeps a segment inside whole, drops one wholly outside, and cuts one that crosses at the border', () => {
    expect(clip({ x: 0, y: 0 }, { x: 10, y: 10 }, extent)).toEqual([{ x: 0, y: 0 }, { x: 10, y: 10 }]);
    expect(clip({ x: 100, y: 0 }, { x: 120, y: 10 }, extent)).toBeUndefined();
    expect(clip({ x: -100, y: 0 }, { x: 100, y: 0 }, extent)).toEqual([{ x: -50, y: 0 }, { x: 70, y: 0 }]);
    expect(clip({ x: 0, y: -100 }, { x: 0, y: 100 }, extent)).toEqual([{ x: 0, y: -20 }, { x: 0, y: 40 }]);
  });

  it('agrees with a reference that walks along the segment', () => {
    fc.assert(
      fc.property(point, point, (a, b) => {
        const cut = clip(a, b, extent);
        // The reference: the points a thousandth of the way apart that are inside.
        const seen = Array.from({ length: 1001 }, (_, step) => ({ x: a.x + ((b.x - a.x) * step) / 1000, y: a.y + ((b.y - a.y) * step) / 1000 })).filter((p) => inside(p));
        if (!cut) {
          expect(seen).toEqual([]);
          return;
        }
        // Both ends inside, on the segment, and every sampled point inside lies between them.
        for (const end of cut) {
          expect(inside(end, 1e-6)).toBe(true);
          const cross = (b.x - a.x) * (end.y - a.y) - (b.y - a.y) * (end.x - a.x);
          expect(Math.abs(cross)).toBeLessThan(1e-6 * (1 + Math.hypot(b.x - a.x, b.y - a.y) ** 2));
        }
        const along = (p: { x: number; y: number }): number => (p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y);
        const [low, high] = [along(cut[0]), along(cut[1])].sort((m, n) => m - n) as [number, number];
        for (const p of seen) {
          expect(along(p)).toBeGreaterThanOrEqual(low - 1e-6);
          expect(along(p)).toBeLessThanOrEqual(high + 1e-6);
        }
      }),
      { numRuns: 400 },
    );
  });
});
