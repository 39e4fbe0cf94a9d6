import { SEVERITIES, type Severity } from '../../schema/findings.ts';
import { isKindName, type EdgeKind, type NodeKind } from '../../schema/graph.ts';

export type ViewMode = 'graph' | 'list' | 'report';
export type ReportGrouping = 'file' | 'rule';
export type ReportSeverity = Severity | 'all';

/** Everything a URL restores: what is selected, how the graph is narrowed, what is searched. */
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
}

/** The view with nothing chosen; `hiddenKinds` are the kinds the graph's catalogue hides until asked for. */
export function defaultViewState(hiddenKinds: readonly NodeKind[] = []): ViewState {
  return { focus: false, depth: 1, hiddenKinds: [...hiddenKinds].sort(), hiddenEdges: [], filter: '', query: '', mode: 'graph', reportFilter: '', reportGroup: 'file', reportSeverity: 'all' };
}

const list = (value: string | null): string[] => (value ? value.split(',').filter(Boolean) : []);

/** Reads a view from URL search parameters; unknown or malformed values fall back to defaults. */
export function parseViewState(search: string, defaultHidden: readonly NodeKind[] = []): ViewState {
  const params = new URLSearchParams(search);
  const state = defaultViewState(defaultHidden);
  const selected = params.get('node');
  if (selected) state.selected = selected;
  state.focus = params.get('focus') === '1';
  const depth = Number(params.get('depth'));
  if (depth === 1 || depth === 2 || depth === 3) state.depth = depth;
  if (params.has('hide')) state.hiddenKinds = [...new Set(list(params.get('hide')).filter(isKindName))].sort();
  state.hiddenEdges = [...new Set(list(params.get('hideEdges')).filter(isKindName))].sort();
  state.filter = params.get('filter') ?? '';
  state.query = params.get('q') ?? '';
  const mode = params.get('view');
  if (mode === 'list' || mode === 'report') state.mode = mode;
  const from = params.get('from');
  const to = params.get('to');
  if (from) state.pathFrom = from;
  if (to) state.pathTo = to;
  state.reportFilter = params.get('rq') ?? '';
  if (params.get('rgroup') === 'rule') state.reportGroup = 'rule';
  const severity = params.get('rsev');
  if (severity && (SEVERITIES as readonly string[]).includes(severity)) state.reportSeverity = severity as Severity;
  return state;
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
  const text = params.toString();
  return text ? `?${text}` : '';
}
