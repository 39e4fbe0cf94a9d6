import { describe, expect, it } from 'vitest';
import { computeLayout } from '../../src/build/layout.ts';
import { DEFAULT_REGISTRY } from '../../src/kinds/registry.ts';
import type { GraphDocument, GraphEdge, GraphNode } from '../../src/schema/graph.ts';

const node = (id: string, kind: string): GraphNode => ({ id, kind, label: id, sources: [] });
const edge = (source: string, target: string, kind = 'links_to'): GraphEdge => ({ source, target, kind, sources: [] });

function graphOf(nodes: GraphNode[], edges: GraphEdge[]): GraphDocument {
  return {
    schemaVersion: 2,
    repo: { name: 'test' },
    kinds: DEFAULT_REGISTRY.catalog(new Set(nodes.map((one) => one.kind)), new Set(edges.map((one) => one.kind))),
    nodes,
    edges,
  } as GraphDocument;
}

/** A ring of documents, each linked to the next and to a hub, and a hub with `images` images. */
function sample(images: number): GraphDocument {
  const docs = Array.from({ length: 30 }, (_, index) => node(`doc:d${String(index).padStart(2, '0')}.md`, 'document'));
  const hub = node('doc:hub.md', 'document');
  const assets = Array.from({ length: images }, (_, index) => node(`asset:img/${index}.png`, 'asset'));
  return graphOf(
    [hub, ...docs, ...assets],
    [...docs.map((doc, index) => edge(doc.id, docs[(index + 1) % docs.length]!.id)), ...docs.map((doc) => edge(hub.id, doc.id)), ...assets.map((asset) => edge(hub.id, asset.id))],
  );
}

const distance = (a: { x: number; y: number }, b: { x: number; y: number }): number => Math.hypot(a.x - b.x, a.y - b.y);

/** The distance between the two closest of `points`. */
function closestPair(points: ReadonlyArray<{ x: number; y: number }>): number {
  let closest = Infinity;
  for (let a = 0; a < points.length; a += 1) for (let b = a + 1; b < points.length; b += 1) closest = Math.min(closest, distance(points[a]!, points[b]!));
  return closest;
}

describe('computeLayout', () => {
  it('gives the same positions to the same graph, every time', async () => {
    const first = await computeLayout(sample(12));
    expect([...(await computeLayout(sample(12)))]).toEqual([...first]);
    expect(first.size).toBe(43);
  });

  it('rings a hundred satellites of one node on rings far enough apart that none sits on another', async () => {
    const positions = await computeLayout(sample(100));
    const hub = positions.get('doc:hub.md')!;
    const images = [...positions].filter(([id]) => id.startsWith('asset:')).map(([, place]) => place);
    expect(images).toHaveLength(100);
    // 20 apart along each ring: a little less in a straight line and in whole units.
    expect(closestPair(images)).toBeGreaterThanOrEqual(18);
    for (const image of images) expect(distance(image, hub)).toBeGreaterThanOrEqual(44);
  });

  it('pushes apart documents that the force layout puts on each other', async () => {
    // Documents linked to the same two of three hubs, 20 for each pair: ForceAtlas2 alone puts
    // each twenty on one spot.
    const hubs = [0, 1, 2].map((index) => node(`doc:hub${index}.md`, 'document'));
    const members = Array.from({ length: 60 }, (_, index) => node(`doc:d${String(index).padStart(2, '0')}.md`, 'document'));
    const crowded = graphOf([...hubs, ...members], members.flatMap((member, index) => [edge(member.id, hubs[index % 3]!.id), edge(member.id, hubs[(index + 1) % 3]!.id)]));
    const positions = await computeLayout(crowded);
    const docs = [...positions].filter(([id]) => id.startsWith('doc:d')).map(([, place]) => place);
    expect(closestPair(docs)).toBeGreaterThanOrEqual(20);
  });

  it('spreads a graph too large for overlap removal until the median node is 24 units from its nearest neighbour', async () => {
    // 3,000 documents, most linked to two of ten hubs (2,700 of them: more than overlap removal
    // takes): ForceAtlas2 puts the documents that share both hubs, 30 for each pair, on one spot.
    const hubs = Array.from({ length: 10 }, (_, index) => node(`doc:hub${index}.md`, 'document'));
    const members = Array.from({ length: 3000 }, (_, index) => node(`doc:m${String(index).padStart(4, '0')}.md`, 'document'));
    const docs = [...hubs, ...members];
    const edges = members.flatMap((member, index) => [edge(member.id, hubs[index % 10]!.id), edge(member.id, hubs[(Math.floor(index / 10) + 1 + (index % 10)) % 10]!.id)]);
    const positions = [...(await computeLayout(graphOf(docs, edges))).values()];
    const nearest = positions.map((place, self) => Math.min(...positions.filter((_, other) => other !== self).map((other) => distance(place, other)))).sort((a, b) => a - b);
    expect(nearest[Math.floor(nearest.length / 2)]).toBeGreaterThanOrEqual(23);
  }, 30_000);
});
