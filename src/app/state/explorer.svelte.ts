import type { BuildReport, EdgeKind, GraphNode, NodeKind, RepoInfo } from '../../schema/graph.ts';
import { GraphModel } from '../../view/graph-model.ts';
import { parseViewState, serialiseViewState, type ViewState } from '../../view/view.ts';
import { visibleNodeIds } from '../../view/subset.ts';

/** How a change reaches the browser history: a new entry (back undoes it) or in place (typing). */
export type HistoryMode = 'push' | 'replace' | 'none';

/**
 * The explorer's state: the URL-backed view and everything derived from it (what is visible,
 * the selected node, the path). Components read it and call its methods; nothing else mutates it.
 */
export class Explorer {
  readonly model: GraphModel;
  readonly report: BuildReport;
  readonly repo: RepoInfo;
  view = $state<ViewState>(parseViewState(''));

  // The parts of the view that decide what the graph shows, each on its own. What derives from
  // them reads these, not `view`: a keystroke in the search box, which changes only the query,
  // then recomputes and redraws nothing of the graph (at 50 times the corpus it cost 90 ms a key).
  // `update` keeps the parts it does not change, so they compare equal and go no further.
  readonly selected: string | undefined = $derived(this.view.selected);
  readonly focus: boolean = $derived(this.view.focus);
  readonly depth: ViewState['depth'] = $derived(this.view.depth);
  readonly hiddenKinds: NodeKind[] = $derived(this.view.hiddenKinds);
  readonly hiddenEdges: EdgeKind[] = $derived(this.view.hiddenEdges);
  readonly filter: string = $derived(this.view.filter);
  readonly pathFrom: string | undefined = $derived(this.view.pathFrom);
  readonly pathTo: string | undefined = $derived(this.view.pathTo);

  readonly selectedNode: GraphNode | undefined = $derived.by(() => (this.selected ? this.model.node(this.selected) : undefined));

  readonly edgeAllowed = $derived.by(() => {
    const hidden = new Set<EdgeKind>(this.hiddenEdges);
    return (kind: EdgeKind): boolean => !hidden.has(kind);
  });

  /**
   * Nodes shown: of a shown kind, matching the text filter, and within the focus depth when
   * focused. The selection and the nodes of a highlighted path are always shown.
   */
  readonly visibleIds: ReadonlySet<string> = $derived.by(() =>
    visibleNodeIds(this.model, { selected: this.selected, focus: this.focus, depth: this.depth, hiddenKinds: this.hiddenKinds, hiddenEdges: this.hiddenEdges, filter: this.filter }, this.path),
  );

  readonly hiddenCounts: ReadonlyMap<NodeKind, number> = $derived.by(() => {
    const counts = new Map<NodeKind, number>(this.model.kinds.nodes.map((info) => [info.kind, 0]));
    for (const node of this.model.nodes) if (!this.visibleIds.has(node.id)) counts.set(node.kind, (counts.get(node.kind) ?? 0) + 1);
    return counts;
  });

  /**
   * The shortest path between the chosen ends through shown kinds only; when there is none, the
   * shortest through anything, and `pathUsesHidden` names the hidden kinds it had to cross.
   */
  readonly path: string[] | undefined = $derived.by(() => {
    const { pathFrom, pathTo } = this;
    if (!pathFrom || !pathTo) return undefined;
    const hidden = new Set<NodeKind>(this.hiddenKinds);
    const shown = (id: string): boolean => !hidden.has(this.model.node(id)?.kind ?? '');
    return this.model.shortestPath(pathFrom, pathTo, this.edgeAllowed, shown) ?? this.model.shortestPath(pathFrom, pathTo);
  });

  /** Hidden node kinds on the path, which the path shows all the same; empty when it keeps to the filters. */
  readonly pathUsesHidden: string[] = $derived.by(() => {
    const hidden = new Set<NodeKind>(this.hiddenKinds);
    const inner = (this.path ?? []).slice(1, -1);
    return [...new Set(inner.map((id) => this.model.node(id)?.kind ?? '').filter((kind) => hidden.has(kind)))].sort();
  });

  constructor(model: GraphModel, report: BuildReport, search: string) {
    this.model = model;
    this.report = report;
    this.repo = model.document.repo;
    this.view = parseViewState(search, this.model.kinds.hiddenByDefault());
  }

  /** Changes the view and records it in the URL. */
  update(change: Partial<ViewState>, history: HistoryMode = 'push'): void {
    this.view = { ...this.view, ...change };
    if (history === 'none' || typeof window === 'undefined') return;
    const url = `${window.location.pathname}${serialiseViewState(this.view, this.model.kinds.hiddenByDefault())}${window.location.hash}`;
    if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
    if (history === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }

  /** Back or forward: the URL is the truth. */
  restore(search: string): void {
    this.view = parseViewState(search, this.model.kinds.hiddenByDefault());
  }

  select(id: string | undefined): void {
    if (id === this.selected) return;
    this.update({ selected: id });
  }

  toggleKind(kind: NodeKind): void {
    const hidden = new Set(this.view.hiddenKinds);
    if (hidden.has(kind)) hidden.delete(kind);
    else hidden.add(kind);
    this.update({ hiddenKinds: [...hidden].sort() });
  }

  toggleEdgeKind(kind: EdgeKind): void {
    const hidden = new Set(this.view.hiddenEdges);
    if (hidden.has(kind)) hidden.delete(kind);
    else hidden.add(kind);
    this.update({ hiddenEdges: [...hidden].sort() });
  }
}
