import { SEVERITIES, type Severity } from '../schema/findings.ts';
import { isKindName, type EdgeKind, type NodeKind } from '../schema/graph.ts';

export type ViewMode = 'graph' | 'list' | 'report';
export type ReportGrouping = 'file' | 'rule';
export type ReportSeverity = Severity | 'all';
export type Theme = 'light' | 'dark' | 'auto';
/** Which nodes carry a label: all, only hubs (the best-connected), or none. */
export type LabelLevel = 'all' | 'hubs' | 'none';

export const THEMES: readonly Theme[] = ['auto', 'light', 'dark'];
export const LABEL_LEVELS: readonly LabelLevel[] = ['all', 'hubs', 'none'];

/**
 * A view of the graph: what the explorer's URL holds (selection, focus, filters, search, the
 * open panel) and how it is presented (theme, labels, interactivity). The explorer, the embeds,
 * the snapshots and the exports all take one, in the same query-string form.
 */
export interface ViewState {
  selected?: string;
  focus: boolean;
  depth: 1 | 2 | 3;
  hiddenKinds: NodeKind[];
  hiddenEdges: EdgeKind[];
  filter: string;
  query: string;
  mode: ViewMode;
  pathFrom?: string;
  pathTo?: string;
  /** The report view: its text filter, grouping and severity. */
  reportFilter: string;
  reportGroup: ReportGrouping;
  reportSeverity: ReportSeverity;
  theme: Theme;
  labels: LabelLevel;
  /** Whether an embed can be panned, zoomed and clicked. */
  interactive: boolean;
}

/** The view with nothing chosen; `hiddenKinds` are the kinds the graph's catalogue hides until asked for. */
export function defaultViewState(hiddenKinds: readonly NodeKind[] = []): ViewState {
  return {
    focus: false,
    depth: 1,
    hiddenKinds: [...hiddenKinds].sort(),
    hiddenEdges: [],
    filter: '',
    query: '',
    mode: 'graph',
    reportFilter: '',
    reportGroup: 'file',
    reportSeverity: 'all',
    theme: 'auto',
    labels: 'all',
    interactive: true,
  };
}

/** Every parameter a view reads; anything else in a query string is a mistake worth naming. */
export const VIEW_PARAMETERS = ['node', 'focus', 'depth', 'hide', 'hideEdges', 'filter', 'q', 'view', 'from', 'to', 'rq', 'rgroup', 'rsev', 'theme', 'labels', 'interactive'] as const;

export interface ParsedView {
  view: ViewState;
  /** What could not be read, one sentence each; the view falls back to the default for it. */
  problems: string[];
}

const list = (value: string | null): string[] => (value ? value.split(',').filter(Boolean) : []);

function oneOf<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[], problems: string[]): T | undefined {
  const value = params.get(name);
  if (value === null) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  problems.push(`"${name}" must be one of ${allowed.join(', ')}, not "${value}"`);
  return undefined;
}

/**
 * Reads a view from URL search parameters (a leading `?` is fine), naming each value it could
 * not read; whether the node and kinds exist is for `viewProblems`, which knows the graph.
 */
export function readView(search: string, defaultHidden: readonly NodeKind[] = []): ParsedView {
  const params = new URLSearchParams(search);
  const state = defaultViewState(defaultHidden);
  const problems: string[] = [];
  for (const name of new Set(params.keys())) {
    if (!(VIEW_PARAMETERS as readonly string[]).includes(name)) problems.push(`unknown parameter "${name}" (known: ${VIEW_PARAMETERS.join(', ')})`);
  }
  const selected = params.get('node');
  if (selected) state.selected = selected;
  const focus = oneOf(params, 'focus', ['0', '1'], problems);
  state.focus = focus === '1';
  const depth = oneOf(params, 'depth', ['1', '2', '3'], problems);
  if (depth) state.depth = Number(depth) as 1 | 2 | 3;
  const kindList = (name: string): string[] => {
    const names = [...new Set(list(params.get(name)))];
    for (const bad of names.filter((kind) => !isKindName(kind))) problems.push(`"${name}" names "${bad}", which is not a kind name`);
    return names.filter(isKindName).sort();
  };
  if (params.has('hide')) state.hiddenKinds = kindList('hide');
  state.hiddenEdges = kindList('hideEdges');
  state.filter = params.get('filter') ?? '';
  state.query = params.get('q') ?? '';
  state.mode = oneOf(params, 'view', ['graph', 'list', 'report'], problems) ?? 'graph';
  const from = params.get('from');
  const to = params.get('to');
  if (from) state.pathFrom = from;
  if (to) state.pathTo = to;
  state.reportFilter = params.get('rq') ?? '';
  state.reportGroup = oneOf(params, 'rgroup', ['file', 'rule'], problems) ?? 'file';
  state.reportSeverity = oneOf(params, 'rsev', ['all', ...SEVERITIES], problems) ?? 'all';
  state.theme = oneOf(params, 'theme', THEMES, problems) ?? 'auto';
  state.labels = oneOf(params, 'labels', LABEL_LEVELS, problems) ?? 'all';
  state.interactive = oneOf(params, 'interactive', ['0', '1'], problems) !== '0';
  return { view: state, problems };
}

/** Reads a view from URL search parameters; what cannot be read falls back to the default. */
export function parseViewState(search: string, defaultHidden: readonly NodeKind[] = []): ViewState {
  return readView(search, defaultHidden).view;
}

/** What a view asks for that this graph does not have: a node, a kind or a relation. */
export function viewProblems(view: ViewState, graph: { hasNode(id: string): boolean; nodeKinds: readonly string[]; edgeKinds: readonly string[] }): string[] {
  const problems: string[] = [];
  for (const [name, id] of [['node', view.selected], ['from', view.pathFrom], ['to', view.pathTo]] as const) {
    if (id !== undefined && !graph.hasNode(id)) problems.push(`this graph has no node "${id}" (${name})`);
  }
  for (const kind of view.hiddenKinds) if (!graph.nodeKinds.includes(kind)) problems.push(`this graph has no kind "${kind}" (hide)`);
  for (const kind of view.hiddenEdges) if (!graph.edgeKinds.includes(kind)) problems.push(`this graph has no relation "${kind}" (hideEdges)`);
  return problems;
}

/** Writes a view as URL search parameters, leaving out what equals the default. */
export function serialiseViewState(state: ViewState, defaultHidden: readonly NodeKind[] = []): string {
  const params = new URLSearchParams();
  if (state.selected) params.set('node', state.selected);
  if (state.focus) params.set('focus', '1');
  if (state.depth !== 1) params.set('depth', String(state.depth));
  const hidden = [...new Set(state.hiddenKinds)].sort();
  if (hidden.join(',') !== [...defaultHidden].sort().join(',')) params.set('hide', hidden.join(','));
  const hiddenEdges = [...new Set(state.hiddenEdges)].sort();
  if (hiddenEdges.length > 0) params.set('hideEdges', hiddenEdges.join(','));
  if (state.filter) params.set('filter', state.filter);
  if (state.query) params.set('q', state.query);
  if (state.mode !== 'graph') params.set('view', state.mode);
  if (state.pathFrom) params.set('from', state.pathFrom);
  if (state.pathTo) params.set('to', state.pathTo);
  if (state.reportFilter) params.set('rq', state.reportFilter);
  if (state.reportGroup !== 'file') params.set('rgroup', state.reportGroup);
  if (state.reportSeverity !== 'all') params.set('rsev', state.reportSeverity);
  if (state.theme !== 'auto') params.set('theme', state.theme);
  if (state.labels !== 'all') params.set('labels', state.labels);
  if (!state.interactive) params.set('interactive', '0');
  const text = params.toString();
  return text ? `?${text}` : '';
}
