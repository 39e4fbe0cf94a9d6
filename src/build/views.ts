import type { GraphDocument } from '../schema/graph.ts';
import { renderSnapshotSvg } from '../snapshot/svg.ts';
import { GraphModel } from '../view/graph-model.ts';
import { checkView, viewSubgraph } from '../view/subset.ts';
import { VIEW_NAME } from '../view/snippets.ts';
import { viewTitle } from '../view/title.ts';
import type { ViewState } from '../view/view.ts';
import { computeLayout } from './layout.ts';

/** A view that cannot be drawn: a parameter it cannot read, or a node or kind the graph lacks. */
export class ViewError extends Error {}

export interface LaidOutView {
  view: ViewState;
  /** What the view shows, laid out on its own (seeded, so the same every build). */
  graph: GraphDocument;
  title: string;
  subtitle: string;
}

/** Reads a view's query string against a graph and lays out what it shows; `name` says which view an error is about. */
export async function layOutView(graph: GraphDocument, query: string, name: string): Promise<LaidOutView> {
  const model = new GraphModel(graph);
  const { view, problems } = checkView(model, query);
  if (problems.length > 0) throw new ViewError(`view ${name}: ${problems.join('; ')}`);
  const subgraph = viewSubgraph(model, view);
  const positions = await computeLayout(subgraph);
  const nodes = subgraph.nodes.map((node) => ({ ...node, position: positions.get(node.id)! }));
  const selected = view.selected ? model.node(view.selected) : undefined;
  const title = viewTitle(model, view);
  const parts = [graph.repo.name, ...(selected ? [model.kinds.node(selected.kind).label] : []), `${nodes.length} nodes, ${subgraph.edges.length} edges`];
  if (view.filter) parts.push(`labels containing "${view.filter}"`);
  return { view, graph: { ...subgraph, nodes }, title, subtitle: parts.join(' · ') };
}

/** A laid-out view as a picture, with its title, labels and selection. */
export function drawView(laidOut: LaidOutView, theme: 'light' | 'dark'): string {
  return renderSnapshotSvg({ graph: laidOut.graph, theme, labels: laidOut.view.labels, title: laidOut.title, subtitle: laidOut.subtitle, ...(laidOut.view.selected ? { selected: laidOut.view.selected } : {}) });
}

/** One declared view's files: its laid-out graph and its pictures in both themes. */
export async function renderView(graph: GraphDocument, name: string, query: string): Promise<Map<string, string>> {
  const laidOut = await layOutView(graph, query, name);
  const picture = (theme: 'light' | 'dark'): string => drawView(laidOut, theme);
  return new Map([
    [`views/${name}.json`, `${JSON.stringify({ name, query: query.replace(/^\?/, ''), title: laidOut.title, graph: laidOut.graph })}\n`],
    [`views/${name}.light.svg`, picture('light')],
    [`views/${name}.dark.svg`, picture('dark')],
  ]);
}


/** Every declared view's files, in name order. */
export async function renderViews(graph: GraphDocument, views: Readonly<Record<string, string>>): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const name of Object.keys(views).sort()) {
    if (!VIEW_NAME.test(name)) throw new ViewError(`view "${name}": a view's name may hold only letters, digits, - and _`);
    for (const [path, content] of await renderView(graph, name, views[name]!)) files.set(path, content);
  }
  return files;
}
