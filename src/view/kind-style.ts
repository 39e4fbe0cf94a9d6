import { NODE_SHAPES, relationLabel, type EdgeKindInfo, type KindCatalog, type NodeKindInfo, type NodeShape } from '../schema/kinds.ts';

/**
 * The outline of each node shape cytoscape draws, in a unit square (0 to 100 on both axes):
 * polygons as corner points, the rest by name. The legend's clip-paths and the snapshot's SVG
 * both come from here, so every picture shows what the graph draws.
 */
export type ShapeOutline = { polygon: ReadonlyArray<readonly [number, number]> } | { ellipse: true } | { rectangle: { inset: number; radius: number } };

export const SHAPE_OUTLINE: Readonly<Record<NodeShape, ShapeOutline>> = {
  'round-rectangle': { rectangle: { inset: 10, radius: 25 } },
  rectangle: { rectangle: { inset: 10, radius: 0 } },
  ellipse: { ellipse: true },
  star: { polygon: [[50, 0], [61, 35], [98, 35], [68, 57], [79, 91], [50, 70], [21, 91], [32, 57], [2, 35], [39, 35]] },
  hexagon: { polygon: [[25, 5], [75, 5], [100, 50], [75, 95], [25, 95], [0, 50]] },
  diamond: { polygon: [[50, 0], [100, 50], [50, 100], [0, 50]] },
  octagon: { polygon: [[30, 0], [70, 0], [100, 30], [100, 70], [70, 100], [30, 100], [0, 70], [0, 30]] },
  triangle: { polygon: [[50, 0], [100, 100], [0, 100]] },
  tag: { polygon: [[0, 0], [70, 0], [100, 50], [70, 100], [0, 100]] },
  vee: { polygon: [[0, 0], [50, 40], [100, 0], [50, 100]] },
};

function clipPath(outline: ShapeOutline): string {
  if ('polygon' in outline) return `polygon(${outline.polygon.map(([x, y]) => `${x}% ${y}%`).join(', ')})`;
  if ('ellipse' in outline) return 'circle(50%)';
  const { inset, radius } = outline.rectangle;
  return radius > 0 ? `inset(${inset}% round ${radius}%)` : `inset(${inset}%)`;
}

/** The node shapes as CSS clip-paths, for legends drawn in HTML. */
export const SHAPE_CLIP: Readonly<Record<NodeShape, string>> = Object.fromEntries(
  Object.entries(SHAPE_OUTLINE).map(([shape, outline]) => [shape, clipPath(outline)]),
) as Record<NodeShape, string>;

/**
 * The kinds of one graph, as its build described them: how each is named, drawn and ranked.
 * A kind the catalogue does not describe is still shown, plainly, under its own name.
 */
export class Kinds {
  readonly nodes: readonly NodeKindInfo[];
  readonly edges: readonly EdgeKindInfo[];
  private readonly nodeByKind: ReadonlyMap<string, NodeKindInfo>;
  private readonly edgeByKind: ReadonlyMap<string, EdgeKindInfo>;

  constructor(catalog: KindCatalog) {
    this.nodes = catalog.nodes.map((info) => (NODE_SHAPES.includes(info.shape) ? info : { ...info, shape: 'ellipse' }));
    this.edges = catalog.edges;
    this.nodeByKind = new Map(this.nodes.map((info) => [info.kind, info]));
    this.edgeByKind = new Map(this.edges.map((info) => [info.kind, info]));
  }

  node(kind: string): NodeKindInfo {
    return this.nodeByKind.get(kind) ?? { kind, label: kind, color: '#8c8c8c', shape: 'ellipse', searchBoost: 1, searchedAttributes: [], attributes: {} };
  }

  edge(kind: string): EdgeKindInfo {
    return this.edgeByKind.get(kind) ?? { kind, label: kind.replace(/_/g, ' '), color: '#9aa5b1', line: 'solid', outgoing: kind.replace(/_/g, ' '), incoming: `${kind.replace(/_/g, ' ')} (from)` };
  }

  /** Position in display order; kinds the catalogue does not know come last. */
  order(kind: string): number {
    const index = this.nodes.findIndex((info) => info.kind === kind);
    return index < 0 ? this.nodes.length : index;
  }

  /** How an edge reads from one of its ends: `lead of`, `leads`, `links to`, `linked from`… */
  relation(kind: string, role: string | undefined, outgoing: boolean): string {
    return relationLabel(this.edge(kind), role, outgoing);
  }

  hiddenByDefault(): string[] {
    return this.nodes.filter((info) => info.hiddenByDefault).map((info) => info.kind);
  }
}
