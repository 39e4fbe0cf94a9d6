import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlaps, type Box } from '../../src/snapshot/box-index.ts';
import { placeLabels } from '../../src/snapshot/label-placement.ts';

const nodeBox = (node: { x: number; y: number; radius: number }): Box => ({ x: node.x - node.radius, y: node.y - node.radius, width: 2 * node.radius, height: 2 * node.radius });

describe('label placement', () => {
  it('never lets a label cover another label or another node, however crowded', () => {
    const node = fc.record({ x: fc.integer({ min: 0, max: 400 }), y: fc.integer({ min: 0, max: 300 }), radius: fc.integer({ min: 4, max: 16 }), width: fc.integer({ min: 10, max: 160 }) });
    fc.assert(
      fc.property(fc.array(node, { minLength: 1, maxLength: 80 }), (raw) => {
        const nodes = raw.map((item, index) => ({ id: `n${index}`, ...item }));
        const placed = placeLabels(nodes.map((item) => ({ ...item, height: 14 })), nodes);
        for (const [i, a] of placed.entries()) {
          for (const b of placed.slice(i + 1)) expect(overlaps(a.box, b.box), `${a.id} and ${b.id}`).toBe(false);
          for (const other of nodes) if (other.id !== a.id) expect(overlaps(a.box, nodeBox(other)), `${a.id} on node ${other.id}`).toBe(false);
        }
        // Whoever comes first has the whole picture to choose from.
        expect(placed[0]?.id).toBe('n0');
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('puts a label under its node when there is room, and leaves out one with no free spot', () => {
    const nodes = [{ id: 'a', x: 100, y: 100, radius: 10 }];
    expect(placeLabels([{ ...nodes[0]!, width: 40, height: 14 }], nodes)).toEqual([{ id: 'a', box: { x: 80, y: 112, width: 40, height: 14 } }]);
    // Inside a big node every spot of a small one is covered: its label is left out, not drawn over.
    const inside = [
      { id: 'big', x: 100, y: 100, radius: 200 },
      { id: 'small', x: 100, y: 100, radius: 5 },
    ];
    expect(placeLabels([{ ...inside[1]!, width: 40, height: 14 }], inside)).toEqual([]);
  });
});
