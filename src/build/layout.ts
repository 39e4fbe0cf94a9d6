import { createHash } from 'node:crypto';
import type Graphology from 'graphology';
import type ForceAtlas2 from 'graphology-layout-forceatlas2';
import type * as D3Force from 'd3-force';
import type FlatbushIndex from 'flatbush';
import type { GraphDocument, GraphEdge } from '../schema/graph.ts';
import { append } from './multimap.ts';
import { seededRandom } from './seeded-random.ts';

/** The layout's libraries, loaded on first use: only the thread that lays out pays for them. */
let layoutLibrary: Promise<LayoutLibrary> | undefined;
type LayoutGraph = Graphology<{ x: number; y: number }>;
interface LayoutLibrary {
  Graph: typeof Graphology;
  forceAtlas2: typeof ForceAtlas2;
  d3Force: typeof D3Force;
  Flatbush: typeof FlatbushIndex;
}
export function loadLayoutLibrary(): Promise<LayoutLibrary> {
  layoutLibrary ??= Promise.all([import('graphology'), import('graphology-layout-forceatlas2'), import('d3-force'), import('flatbush')]).then(
    ([graph, layout, d3Force, spatial]) => ({ Graph: graph.default, forceAtlas2: layout.default, d3Force, Flatbush: spatial.default }),
  );
  return layoutLibrary;
}

export type Positions = Map<string, { x: number; y: number }>;

/**
 * What the layout depends on, hashed: node ids and kinds, edges' ends, and which kinds are
 * satellites. Labels, attributes and sources do not move a node, so an edit that changes only
 * text lays out to the same positions.
 */
export function layoutKey(graph: GraphDocument): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(graph.kinds.nodes.filter((info) => info.satellite).map((info) => info.kind)));
  for (const node of graph.nodes) hash.update(`n\u0000${node.id}\u0000${node.kind}\n`);
  for (const edge of graph.edges) hash.update(`e\u0000${edge.source}\u0000${edge.target}\n`);
  return hash.digest('hex');
}

/**
 * Positions for every node, computed at build time so the browser paints the whole graph
 * without running a layout. Documents and entities (the core) get ForceAtlas2 with Barnes-Hut
 * approximation, then overlap removal (or, for large graphs, a spread); external sites, files
 * and leaves (nodes with a single neighbour), more than half the nodes, sit in rings around the
 * first node they are joined to, which costs nothing and keeps the force layout small.
 * Starting positions come from a seeded generator, so the same graph always gets the same
 * positions.
 */
export async function computeLayout(graph: GraphDocument): Promise<Positions> {
  // Satellite kinds (files, external sites, by the graph's catalogue) ring the node they hang from.
  const satellites = new Set(graph.kinds.nodes.filter((info) => info.satellite).map((info) => info.kind));
  const isSatellite = new Map(graph.nodes.map((node) => [node.id, satellites.has(node.kind)]));
  // Leaves (one neighbour among the rest) need no forces either: they ring their neighbour.
  const neighbours = new Map<string, Set<string>>();
  for (const edge of graph.edges) {
    if (isSatellite.get(edge.source) || isSatellite.get(edge.target) || edge.source === edge.target) continue;
    for (const [a, b] of [[edge.source, edge.target], [edge.target, edge.source]] as const) {
      const set = neighbours.get(a) ?? new Set<string>();
      set.add(b);
      neighbours.set(a, set);
    }
  }
  for (const [id, set] of neighbours) {
    const [only] = set;
    if (set.size === 1 && only !== undefined && (neighbours.get(only)?.size ?? 0) > 1) isSatellite.set(id, true);
  }
  const coreEdges = graph.edges.filter((edge) => !isSatellite.get(edge.source) && !isSatellite.get(edge.target));
  const core = graph.nodes.filter((node) => !isSatellite.get(node.id)).map((node) => node.id);
  const positions = await forceAtlasLayout(core, coreEdges);
  placeSatellites(graph, isSatellite, positions);
  return positions;
}

const FORCE_ATLAS_ITERATIONS = 150;
/** The length of the median edge, where the explorer's nodes are about 20 across. */
const EDGE_LENGTH = 70;
/** A little more than the explorer's node radius, so that neighbours' labels seldom touch. */
const NODE_RADIUS = 12;
const COLLIDE_TICKS = 20;
const COLLIDE_PASSES = 3;
/**
 * Overlap removal runs up to this many core nodes. Above, ForceAtlas2 crowds nodes so densely
 * that parting them costs seconds (at ten times the corpus, 4,278 core nodes: 0.7 s for the
 * collision force, 1.7 s for noverlap, which did not part them), against about 10 ms on the
 * corpus's 472.
 */
const COLLIDE_UP_TO = 2500;
/**
 * Above COLLIDE_UP_TO, the drawing is spread instead, so that the median node's nearest
 * neighbour is this far away (when the edge length alone leaves them closer): nodes then part
 * as the reader zooms in, where ForceAtlas2 alone left them on each other.
 */
const NEAREST_SPACING = 24;

/**
 * ForceAtlas2 (graphology) from seeded random positions, scaled so that the median edge is
 * EDGE_LENGTH long, then a collision force to push apart nodes that sit on each other
 * (ForceAtlas2 packs dense clusters tight). ForceAtlas2's cost grows by n log n per iteration.
 */
async function forceAtlasLayout(core: readonly string[], coreEdges: readonly GraphEdge[]): Promise<Positions> {
  if (core.length === 0) return new Map();
  const { Graph, forceAtlas2, d3Force, Flatbush } = await loadLayoutLibrary();
  const graph: LayoutGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const start = seededRandom(1);
  const side = 30 * Math.sqrt(core.length);
  for (const id of core) graph.addNode(id, { x: start() * side, y: start() * side });
  for (const edge of coreEdges) if (edge.source !== edge.target) graph.mergeEdge(edge.source, edge.target);
  forceAtlas2.assign(graph, { iterations: FORCE_ATLAS_ITERATIONS, settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: true } });
  const lengths = graph.mapEdges((_edge, _attributes, _source, _target, from, to) => Math.hypot(from.x - to.x, from.y - to.y)).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)];
  // Without edges there is no length to match: the seeded spread stands.
  const edgeScale = median === undefined ? 1 : EDGE_LENGTH / Math.max(1e-9, median);
  const spread = core.length > COLLIDE_UP_TO;
  const scale = spread ? Math.max(edgeScale, NEAREST_SPACING / Math.max(1e-9, medianNearestDistance(graph, Flatbush))) : edgeScale;
  graph.updateEachNodeAttributes((_node, attributes) => ({ x: attributes.x * scale, y: attributes.y * scale }));
  if (!spread) removeOverlaps(graph, d3Force);
  const positions: Positions = new Map();
  graph.forEachNode((id, attributes) => positions.set(id, { x: Math.round(attributes.x), y: Math.round(attributes.y) }));
  return positions;
}

/** The median, over nodes, of the distance to the nearest other node. */
function medianNearestDistance(graph: LayoutGraph, Flatbush: typeof FlatbushIndex): number {
  const points: Array<{ x: number; y: number }> = [];
  graph.forEachNode((_node, attributes) => points.push({ x: attributes.x, y: attributes.y }));
  const index = new Flatbush(points.length);
  for (const { x, y } of points) index.add(x, y, x, y);
  index.finish();
  const nearest = points
    .map(({ x, y }, self) => {
      const [other] = index.neighbors(x, y, 1, Infinity, (candidate) => candidate !== self);
      const point = other === undefined ? undefined : points[other];
      return point ? Math.hypot(point.x - x, point.y - y) : 0;
    })
    .sort((a, b) => a - b);
  return nearest[Math.floor(nearest.length / 2)] ?? 0;
}

/**
 * Pushes apart nodes closer than two NODE_RADIUS: d3-force's collision force alone, whose
 * random jiggle (for nodes on the very same spot) draws on a seeded generator.
 */
function removeOverlaps(graph: LayoutGraph, d3Force: typeof D3Force): void {
  const nodes: Array<D3Force.SimulationNodeDatum & { id: string }> = graph.mapNodes((id, attributes) => ({ id, x: attributes.x, y: attributes.y }));
  d3Force.forceSimulation(nodes).randomSource(seededRandom(2)).force('collide', d3Force.forceCollide(NODE_RADIUS).iterations(COLLIDE_PASSES)).stop().tick(COLLIDE_TICKS);
  for (const { id, x, y } of nodes) graph.mergeNodeAttributes(id, { x: x!, y: y! });
}

/** Centre to centre, at least, of satellites on a ring: the explorer's nodes are about 20 across. */
const SATELLITE_SPACING = 20;

/**
 * Places for `count` satellites around `centre`: one ring, whose radius grows a little with
 * the count, while they fit on it SATELLITE_SPACING apart; the rest on rings further out, so
 * that a document with a hundred images does not pile them on each other.
 */
function ringAround(centre: { x: number; y: number }, count: number): Array<{ x: number; y: number }> {
  const places: Array<{ x: number; y: number }> = [];
  for (let radius = 45 + 6 * Math.sqrt(count), ring = 0; places.length < count; radius += SATELLITE_SPACING, ring += 1) {
    const onRing = Math.min(count - places.length, Math.max(1, Math.floor((2 * Math.PI * radius) / SATELLITE_SPACING)));
    // Every other ring turns by half a step, so its satellites sit between the last ring's.
    const turn = ring % 2 === 0 ? 0 : Math.PI / onRing;
    for (let index = 0; index < onRing; index += 1) {
      const angle = turn + (2 * Math.PI * index) / onRing;
      places.push({ x: Math.round(centre.x + radius * Math.cos(angle)), y: Math.round(centre.y + radius * Math.sin(angle)) });
    }
  }
  return places;
}

function placeSatellites(graph: GraphDocument, isSatellite: ReadonlyMap<string, boolean>, positions: Positions): void {
  // Each satellite rings one neighbour: a laid-out one when it has any, else another satellite
  // (a file linked only from a leaf document), placed in a later round.
  const anchorOf = new Map<string, string>();
  const rank = (id: string): string => `${isSatellite.get(id) ? 1 : 0}${id}`;
  for (const edge of graph.edges) {
    for (const [leaf, other] of [[edge.target, edge.source], [edge.source, edge.target]] as const) {
      if (!isSatellite.get(leaf) || leaf === other) continue;
      const current = anchorOf.get(leaf);
      if (current === undefined || rank(other) < rank(current)) anchorOf.set(leaf, other);
    }
  }
  const byAnchor = new Map<string, string[]>();
  for (const node of graph.nodes) {
    const anchor = anchorOf.get(node.id);
    if (anchor) append(byAnchor, anchor, node.id);
  }
  for (let placed = true; placed; ) {
    placed = false;
    for (const [anchor, leaves] of byAnchor) {
      const centre = positions.get(anchor);
      if (!centre) continue;
      byAnchor.delete(anchor);
      placed = true;
      ringAround(centre, leaves.length).forEach((place, index) => positions.set(leaves[index]!, place));
    }
  }
  const unplaced = graph.nodes.filter((node) => !positions.has(node.id)).map((node) => node.id);
  let maxX = 0;
  for (const { x } of positions.values()) maxX = Math.max(maxX, x);
  unplaced.forEach((id, index) => positions.set(id, { x: maxX + 200 + (index % 20) * 40, y: Math.floor(index / 20) * 40 }));
}

/**
 * Positions for a graph that changed a little, from the positions of the graph before: a node
 * that was there keeps its place; a new one sits near the nodes it is joined to (on a small
 * ring around their centre, so that several new ones do not overlap), or beside the drawing
 * when none of them has a place yet. No force layout runs, so an edit costs almost nothing
 * and nothing the reader has seen moves.
 */
export function placeFromPrevious(graph: GraphDocument, previous: ReadonlyMap<string, { x: number; y: number }>): Positions {
  const positions: Positions = new Map();
  for (const node of graph.nodes) {
    const place = previous.get(node.id);
    if (place) positions.set(node.id, { x: place.x, y: place.y });
  }
  const neighbours = new Map<string, string[]>();
  for (const edge of graph.edges) {
    if (edge.source === edge.target) continue;
    append(neighbours, edge.source, edge.target);
    append(neighbours, edge.target, edge.source);
  }
  let waiting = graph.nodes.map((node) => node.id).filter((id) => !positions.has(id));
  // New nodes joined only to other new nodes are placed once those have a place.
  for (let progress = true; progress && waiting.length > 0; ) {
    progress = false;
    const crowd = new Map<string, number>();
    waiting = waiting.filter((id) => {
      const placed = (neighbours.get(id) ?? []).flatMap((other) => positions.get(other) ?? []);
      if (placed.length === 0) return true;
      const centre = { x: placed.reduce((sum, p) => sum + p.x, 0) / placed.length, y: placed.reduce((sum, p) => sum + p.y, 0) / placed.length };
      const key = `${Math.round(centre.x)},${Math.round(centre.y)}`;
      const slot = crowd.get(key) ?? 0;
      crowd.set(key, slot + 1);
      const angle = slot * 2.399963;
      const radius = 40 + 12 * Math.sqrt(slot);
      positions.set(id, { x: Math.round(centre.x + radius * Math.cos(angle)), y: Math.round(centre.y + radius * Math.sin(angle)) });
      progress = true;
      return false;
    });
  }
  let maxX = 0;
  for (const { x } of positions.values()) maxX = Math.max(maxX, x);
  waiting.forEach((id, index) => positions.set(id, { x: maxX + 200 + (index % 20) * 40, y: Math.floor(index / 20) * 40 }));
  return positions;
}
