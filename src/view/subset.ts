import type { GraphDocument } from '../schema/graph.ts';
import type { GraphModel } from './graph-model.ts';
import { readView, viewProblems, type ParsedView, type ViewState } from './view.ts';

/**
 * The nodes a view shows: of a shown kind, matching the text filter, and within the focus depth
 * when focused on the selection. The selection and the nodes of `path` are always shown. Pure:
 * the explorer, the exports and the embeds all take a view through it.
 */
export function visibleNodeIds(model: GraphModel, view: Pick<ViewState, 'selected' | 'focus' | 'depth' | 'hiddenKinds' | 'hiddenEdges' | 'filter'>, path?: readonly string[]): Set<string> {
  const hiddenKinds = new Set(view.hiddenKinds);
  const hiddenEdges = new Set(view.hiddenEdges);
  const filter = view.filter.trim().toLowerCase();
  const selected = view.selected && model.node(view.selected) ? view.selected : undefined;
  const focusSet = view.focus && selected ? model.neighbourhood(selected, view.depth, (kind) => !hiddenEdges.has(kind)) : undefined;
  const visible = new Set<string>();
  for (const node of model.nodes) {
    if (focusSet && !focusSet.has(node.id)) continue;
    if (node.id !== selected && hiddenKinds.has(node.kind)) continue;
    if (node.id !== selected && filter && !node.label.toLowerCase().includes(filter)) continue;
    visible.add(node.id);
  }
  for (const id of path ?? []) visible.add(id);
  return visible;
}

/** The graph as a view shows it: its nodes, and the edges of shown kinds between them. */
export function viewSubgraph(model: GraphModel, view: ViewState): GraphDocument {
  const ids = visibleNodeIds(model, view);
  const hiddenEdges = new Set(view.hiddenEdges);
  const { document } = model;
  const nodes = document.nodes.filter((node) => ids.has(node.id));
  const edges = document.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target) && !hiddenEdges.has(edge.kind));
  const nodeKinds = new Set(nodes.map((node) => node.kind));
  const edgeKinds = new Set(edges.map((edge) => edge.kind));
  return {
    ...document,
    kinds: { nodes: document.kinds.nodes.filter((info) => nodeKinds.has(info.kind)), edges: document.kinds.edges.filter((info) => edgeKinds.has(info.kind)) },
    nodes,
    edges,
  };
}

/**
 * Reads a view's query string against a graph: every parameter it cannot read, and every node,
 * kind or relation it names that the graph lacks, is a problem.
 */
export function checkView(model: GraphModel, query: string): ParsedView {
  const { view, problems } = readView(query.replace(/^\?/, ''), model.kinds.hiddenByDefault());
  problems.push(...viewProblems(view, { hasNode: (id) => model.node(id) !== undefined, nodeKinds: model.kinds.nodes.map((info) => info.kind), edgeKinds: model.kinds.edges.map((info) => info.kind) }));
  return { view, problems };
}
