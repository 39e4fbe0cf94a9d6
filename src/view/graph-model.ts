import type { EdgeKind, GraphDocument, GraphEdge, GraphNode, NodeKind } from '../schema/graph.ts';
import { Kinds } from './kind-style.ts';

export interface Incidence {
  edge: GraphEdge;
  /** The node at the other end. */
  other: string;
  outgoing: boolean;
}

/**
 * Read-only queries over the graph for the app: neighbours, neighbourhoods and shortest paths.
 * Edges count in both directions for reachability; their direction only names the relation.
 */
export class GraphModel {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly kinds: Kinds;
  private readonly byId = new Map<string, GraphNode>();
  private readonly incidences = new Map<string, Incidence[]>();

  constructor(readonly document: GraphDocument) {
    this.nodes = document.nodes;
    this.edges = document.edges;
    this.kinds = new Kinds(document.kinds);
    for (const node of document.nodes) {
      this.byId.set(node.id, node);
      this.incidences.set(node.id, []);
    }
    for (const edge of document.edges) {
      this.incidences.get(edge.source)?.push({ edge, other: edge.target, outgoing: true });
      if (edge.target !== edge.source) this.incidences.get(edge.target)?.push({ edge, other: edge.source, outgoing: false });
    }
  }

  node(id: string): GraphNode | undefined {
    return this.byId.get(id);
  }

  degree(id: string): number {
    return this.incidences.get(id)?.length ?? 0;
  }

  incidencesOf(id: string): readonly Incidence[] {
    return this.incidences.get(id) ?? [];
  }

  /**
   * The web addresses by which the graph reaches a node, sorted: an external site's are on the
   * edges into it (`urls` of links, `url` of formats), where the build keeps them once.
   */
  addressesOf(id: string): string[] {
    const addresses = new Set<string>();
    for (const { edge, outgoing } of this.incidencesOf(id)) {
      if (outgoing) continue;
      const { urls, url } = edge.attrs ?? {};
      if (Array.isArray(urls)) for (const address of urls) addresses.add(address);
      if (typeof url === 'string') addresses.add(url);
    }
    return [...addresses].sort();
  }

  /** Nodes within `depth` steps of `id` over edges of the allowed kinds, `id` included. */
  neighbourhood(id: string, depth: number, edgeAllowed: (kind: EdgeKind) => boolean = () => true): Set<string> {
    const seen = new Set<string>([id]);
    let frontier = [id];
    for (let step = 0; step < depth && frontier.length > 0; step += 1) {
      const next: string[] = [];
      for (const current of frontier) {
        for (const { edge, other } of this.incidencesOf(current)) {
          if (seen.has(other) || !edgeAllowed(edge.kind)) continue;
          seen.add(other);
          next.push(other);
        }
      }
      frontier = next;
    }
    return seen;
  }

  /**
   * A shortest path from `from` to `to` (node ids, both ends included), breadth-first over
   * edges of the allowed kinds through allowed nodes; undefined when none exists. Ties go to
   * the neighbour met first in edge order, so the answer is stable.
   */
  shortestPath(from: string, to: string, edgeAllowed: (kind: EdgeKind) => boolean = () => true, nodeAllowed: (id: string) => boolean = () => true): string[] | undefined {
    if (!this.byId.has(from) || !this.byId.has(to)) return undefined;
    const previous = new Map<string, string | null>([[from, null]]);
    const queue = [from];
    for (let head = 0; head < queue.length; head += 1) {
      const current = queue[head]!;
      if (current === to) break;
      for (const { edge, other } of this.incidencesOf(current)) {
        if (previous.has(other) || !edgeAllowed(edge.kind) || (other !== to && !nodeAllowed(other))) continue;
        previous.set(other, current);
        queue.push(other);
      }
    }
    if (!previous.has(to)) return undefined;
    const path: string[] = [];
    for (let step: string | null = to; step !== null; step = previous.get(step) ?? null) path.push(step);
    return path.reverse();
  }

  countByKind(): Map<NodeKind, number> {
    const counts = new Map<NodeKind, number>();
    for (const node of this.nodes) counts.set(node.kind, (counts.get(node.kind) ?? 0) + 1);
    return counts;
  }
}
