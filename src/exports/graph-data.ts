import { byCodePoint } from '../build/text/order.ts';
import type { AttrValue, GraphDocument, GraphEdge, GraphNode, Source } from '../schema/graph.ts';

/** `path:line; path:line`, as every format writes provenance. */
export function sourcesText(sources: readonly Source[]): string {
  return sources.map((source) => `${source.path}:${source.line}`).join('; ');
}

/** An attribute as one scalar: lists as JSON, so they read back whole. */
export function attrText(value: AttrValue): string | number | boolean {
  return Array.isArray(value) ? JSON.stringify(value) : value;
}

export type ColumnType = 'string' | 'double' | 'boolean';

/** The attribute names a set of nodes or edges carries, sorted, with the type all their values share. */
export function attributeColumns(items: ReadonlyArray<GraphNode | GraphEdge>): Array<{ name: string; type: ColumnType }> {
  const types = new Map<string, Set<string>>();
  for (const item of items) {
    for (const [name, value] of Object.entries(item.attrs ?? {})) {
      const set = types.get(name) ?? new Set<string>();
      set.add(Array.isArray(value) ? 'string' : typeof value);
      types.set(name, set);
    }
  }
  return [...types.entries()]
    .sort(([a], [b]) => byCodePoint(a, b))
    .map(([name, set]) => ({ name, type: set.size === 1 && set.has('number') ? 'double' : set.size === 1 && set.has('boolean') ? 'boolean' : 'string' }));
}

/** How an edge is named in tools that show one word: its role, else its kind. */
export function edgeLabel(edge: GraphEdge): string {
  return edge.role ?? edge.kind;
}

/** The colour of each node kind from the graph's catalogue, as `#rrggbb`. */
export function kindColour(graph: GraphDocument, kind: string): string {
  return graph.kinds.nodes.find((info) => info.kind === kind)?.color ?? '#8c8c8c';
}
