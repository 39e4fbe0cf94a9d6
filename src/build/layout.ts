import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { GraphDocument, NodeKind } from '../schema/graph.ts';

cytoscape.use(fcose);

export type Positions = Map<string, { x: number; y: number }>;

/** Kinds laid out around the node that links to them instead of by the force layout. */
const SATELLITE_KINDS: ReadonlySet<NodeKind> = new Set(['external', 'asset']);

/** Mulberry32: a small seeded PRNG, so the layout is the same on every build. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Positions for every node, computed at build time so the browser paints the whole graph
 * without running a layout. Documents and entities get a force-directed layout (fcose);
 * external sites and files, most of the nodes and nearly all leaves, sit in a ring around the
 * first node that links to them, which costs nothing and keeps them out of the force layout.
 * fcose draws on Math.random; a seeded generator stands in for it while it runs, so the same
 * graph always gets the same positions.
 */
export function computeLayout(graph: GraphDocument): Positions {
  const isSatellite = new Map(graph.nodes.map((node) => [node.id, SATELLITE_KINDS.has(node.kind)]));
  const coreEdges = graph.edges.filter((edge) => !isSatellite.get(edge.source) && !isSatellite.get(edge.target));
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      ...graph.nodes.filter((node) => !isSatellite.get(node.id)).map((node) => ({ group: 'nodes' as const, data: { id: node.id } })),
      ...coreEdges.map((edge, index) => ({ group: 'edges' as const, data: { id: `e${index}`, source: edge.source, target: edge.target } })),
    ],
  });
  cy.nodes().style({ width: 20, height: 20 });
  const random = Math.random;
  Math.random = seededRandom(1);
  try {
    cy.layout({ name: 'fcose', quality: 'default', randomize: true, animate: false, idealEdgeLength: () => 70, nodeRepulsion: () => 8000 } as cytoscape.LayoutOptions).run();
  } finally {
    Math.random = random;
  }
  const positions: Positions = new Map();
  cy.nodes().forEach((node) => {
    const { x, y } = node.position();
    positions.set(node.id(), { x: Math.round(x), y: Math.round(y) });
  });
  cy.destroy();
  placeSatellites(graph, isSatellite, positions);
  return positions;
}

function placeSatellites(graph: GraphDocument, isSatellite: ReadonlyMap<string, boolean>, positions: Positions): void {
  const anchorOf = new Map<string, string>();
  for (const edge of graph.edges) {
    for (const [leaf, other] of [[edge.target, edge.source], [edge.source, edge.target]] as const) {
      if (!isSatellite.get(leaf) || isSatellite.get(other)) continue;
      const current = anchorOf.get(leaf);
      if (current === undefined || other < current) anchorOf.set(leaf, other);
    }
  }
  const byAnchor = new Map<string, string[]>();
  const orphans: string[] = [];
  for (const node of graph.nodes) {
    if (!isSatellite.get(node.id)) continue;
    const anchor = anchorOf.get(node.id);
    if (anchor) byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), node.id]);
    else orphans.push(node.id);
  }
  for (const [anchor, leaves] of byAnchor) {
    const centre = positions.get(anchor)!;
    const radius = 45 + 6 * Math.sqrt(leaves.length);
    leaves.forEach((leaf, index) => {
      const angle = (2 * Math.PI * index) / leaves.length;
      positions.set(leaf, { x: Math.round(centre.x + radius * Math.cos(angle)), y: Math.round(centre.y + radius * Math.sin(angle)) });
    });
  }
  let maxX = 0;
  for (const { x } of positions.values()) maxX = Math.max(maxX, x);
  orphans.forEach((leaf, index) => positions.set(leaf, { x: maxX + 200 + (index % 20) * 40, y: Math.floor(index / 20) * 40 }));
}
