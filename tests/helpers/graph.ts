import { DEFAULT_REGISTRY } from '../../src/kinds/registry.ts';
import { CNCF_PROFILE } from '../../src/profiles/cncf.ts';
import { compileProfile } from '../../src/profiles/profile.ts';
import type { GraphDocument, GraphEdge, GraphNode } from '../../src/schema/graph.ts';
import type { KindCatalog } from '../../src/schema/kinds.ts';

/** Small queries over a built graph, so tests read as the facts they check. */
export class GraphQuery {
  private readonly byId: Map<string, GraphNode>;
  constructor(readonly graph: GraphDocument) {
    this.byId = new Map(graph.nodes.map((node) => [node.id, node]));
  }
  node(id: string): GraphNode {
    const node = this.byId.get(id);
    if (!node) throw new Error(`no node ${id}`);
    return node;
  }
  find(kind: GraphNode['kind'], label: string): GraphNode {
    const node = this.graph.nodes.find((n) => n.kind === kind && n.label === label);
    if (!node) throw new Error(`no ${kind} labelled ${label}`);
    return node;
  }
  edges(filter: Partial<Pick<GraphEdge, 'source' | 'target' | 'kind' | 'role'>>): GraphEdge[] {
    return this.graph.edges.filter(
      (edge) =>
        (filter.source === undefined || edge.source === filter.source) &&
        (filter.target === undefined || edge.target === filter.target) &&
        (filter.kind === undefined || edge.kind === filter.kind) &&
        (filter.role === undefined || edge.role === filter.role),
    );
  }
  /** Labels of the nodes at the other end of matching edges, sorted. */
  labels(ids: string[]): string[] {
    return ids.map((id) => this.node(id).label).sort();
  }
}

/** The shipped catalogue of every kind, for graphs written by hand in tests. */
export function fullCatalog(): KindCatalog {
  return DEFAULT_REGISTRY.catalog(new Set(DEFAULT_REGISTRY.modules.map((m) => m.info.kind)), new Set(DEFAULT_REGISTRY.edges.map((e) => e.kind)));
}

/** The cncf profile, compiled. */
export const CNCF = compileProfile(CNCF_PROFILE);
