import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlaps } from '../../src/snapshot/box-index.ts';
import { labelBox, labelFontSizes, READABLE_PX, type LabelNode } from '../../src/view/label-levels.ts';

const node = fc.record({
  x: fc.integer({ min: 0, max: 3000 }),
  y: fc.integer({ min: 0, max: 2000 }),
  size: fc.integer({ min: 10, max: 60 }),
  importance: fc.integer({ min: 0, max: 40 }),
  label: fc.string({ minLength: 1, maxLength: 40 }),
});

describe('label level of detail', () => {
  it('never lets two labels overlap, at any zoom, and labels hubs first at the largest size', () => {
    fc.assert(
      fc.property(fc.array(node, { minLength: 1, maxLength: 300 }), fc.double({ min: 0.05, max: 2, noNaN: true }), (raw, overview) => {
        const nodes: LabelNode[] = raw.map((item, index) => ({ id: `n${index}`, ...item }));
        const sizes = labelFontSizes(nodes, overview);
        const labelled = nodes.filter((item) => sizes.get(item.id)! > 0);
        // Fonts and positions are both in graph units: disjoint boxes stay disjoint at every zoom.
        const boxes = labelled.map((item) => labelBox(item, sizes.get(item.id)!));
        for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
        // The most important node is labelled, at the first level: readable at the overview.
        const first = [...nodes].sort((a, b) => b.importance - a.importance || (a.id < b.id ? -1 : 1))[0]!;
        expect(sizes.get(first.id)! * overview).toBeCloseTo(READABLE_PX);
        // The overview names at most the best-connected 2% (at least 12).
        const atOverview = labelled.filter((item) => sizes.get(item.id)! * overview >= READABLE_PX - 1e-9).length;
        expect(atOverview).toBeLessThanOrEqual(Math.max(12, Math.ceil(nodes.length * 0.02)));
      }),
      { numRuns: 150, seed: 5 },
    );
  });

  it('shows more labels as the zoom doubles, each level at twice the zoom of the one before', () => {
    const grid: LabelNode[] = Array.from({ length: 400 }, (_, i) => ({ id: `n${i}`, label: `node ${i}`, x: (i % 20) * 150, y: Math.floor(i / 20) * 100, size: 20, importance: 400 - i }));
    const sizes = labelFontSizes(grid, 0.25);
    const shownAt = (zoom: number): number => [...sizes.values()].filter((font) => font > 0 && font * zoom >= READABLE_PX - 1e-9).length;
    expect([0.25, 0.5, 1, 2, 4].map(shownAt)).toEqual([12, 36, 108, 324, 400]);
    expect(sizes.get('n0')).toBe(READABLE_PX / 0.25);
  });
});
