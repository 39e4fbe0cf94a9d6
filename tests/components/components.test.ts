import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import DetailPanel from '../../src/app/components/DetailPanel.svelte';
import Filters from '../../src/app/components/Filters.svelte';
import Legend from '../../src/app/components/Legend.svelte';
import ReportView from '../../src/app/components/ReportView.svelte';
import SearchBox from '../../src/app/components/SearchBox.svelte';
import { GraphModel } from '../../src/view/graph-model.ts';
import type { SearchClient } from '../../src/app/lib/search-client.ts';
import type { SearchHit } from '../../src/app/lib/search-engine.ts';
import { defaultViewState } from '../../src/view/view.ts';
import type { Finding } from '../../src/schema/findings.ts';
import type { BuildReport, GraphDocument, NodeKind } from '../../src/schema/graph.ts';
import { fullCatalog } from '../helpers/graph.ts';

const hostile = '<img src=x onerror="window.__pwned=1">';
const graph: GraphDocument = {
  schemaVersion: 2,
  repo: { name: 'o/r', url: 'https://github.com/o/r', ref: 'main' },
  kinds: fullCatalog(),
  nodes: [
    { id: 'group:g', kind: 'group', label: 'Observability', sources: [{ path: 'README.md', line: 16 }] },
    { id: 'person:zoe', kind: 'person', label: 'Zoë Adler', attrs: { handle: 'zadler' }, sources: [{ path: 'README.md', line: 16 }] },
    { id: 'doc:x.md', kind: 'document', label: hostile, path: 'x.md', attrs: { summary: hostile }, sources: [{ path: 'x.md', line: 1 }] },
    { id: 'external:ok.example', kind: 'external', label: 'ok.example', sources: [{ path: 'x.md', line: 4 }] },
  ],
  edges: [
    { source: 'person:zoe', target: 'group:g', kind: 'role', role: 'lead', sources: [{ path: 'README.md', line: 16 }, { path: 'groups/o/README.md', line: 5 }] },
    { source: 'doc:x.md', target: 'group:g', kind: 'links_to', sources: [{ path: 'x.md', line: 3 }] },
    { source: 'doc:x.md', target: 'external:ok.example', kind: 'links_to', attrs: { urls: ['https://ok.example/b', 'javascript:alert(1)'] }, sources: [{ path: 'x.md', line: 4 }] },
    { source: 'group:g', target: 'external:ok.example', kind: 'links_to', attrs: { urls: ['https://ok.example/a', 'https://ok.example/b'] }, sources: [{ path: 'README.md', line: 9 }] },
  ],
};
const model = new GraphModel(graph);
let mounted: Array<ReturnType<typeof mount>> = [];

/** Mounts what `create` makes into a fresh element and returns that element. */
function render(create: (target: HTMLElement) => ReturnType<typeof mount>): HTMLElement {
  const target = document.createElement('div');
  document.body.append(target);
  mounted.push(create(target));
  flushSync();
  return target;
}

afterEach(() => {
  for (const instance of mounted) unmount(instance);
  mounted = [];
  document.body.innerHTML = '';
});

describe('DetailPanel', () => {
  it('groups neighbours by relation with their sources, and selects on click', () => {
    const onSelect = vi.fn();
    const root = render((target) => mount(DetailPanel, { target, props: { model, repo: graph.repo, node: graph.nodes[0]!, pathFrom: undefined, onSelect, onPathFrom: vi.fn(), onPathTo: vi.fn() } }));
    const leads = root.querySelector('[data-relation="leads"]')!;
    expect(leads.querySelector('button')!.textContent).toBe('Zoë Adler');
    expect([...leads.querySelectorAll('a.source')].map((a) => a.getAttribute('href'))).toEqual([
      'https://github.com/o/r/blob/main/README.md#L16',
      'https://github.com/o/r/blob/main/groups/o/README.md#L5',
    ]);
    (leads.querySelector('button') as HTMLButtonElement).click();
    expect(onSelect).toHaveBeenCalledWith('person:zoe');
    expect(root.querySelector('[data-relation="linked from"] button')!.textContent).toBe(hostile);
  });

  it('shows repository text as text and links only web addresses', () => {
    const root = render((target) => mount(DetailPanel, { target, props: { model, repo: graph.repo, node: graph.nodes[2]!, pathFrom: 'group:g', onSelect: vi.fn(), onPathFrom: vi.fn(), onPathTo: vi.fn() } }));
    expect(root.querySelector('h2')!.textContent).toBe(hostile);
    expect(root.querySelector('.summary')!.textContent).toBe(hostile);
    expect(root.querySelectorAll('img')).toHaveLength(0);
    expect(root.querySelector('.actions')!.textContent).toContain('Path to here from Observability');
  });

  it('lists the addresses linked on an external site, gathered from the links into it, and links only web ones', () => {
    const root = render((target) => mount(DetailPanel, { target, props: { model, repo: graph.repo, node: graph.nodes[3]!, pathFrom: undefined, onSelect: vi.fn(), onPathFrom: vi.fn(), onPathTo: vi.fn() } }));
    expect(root.querySelector('details summary')!.textContent).toBe('3 addresses');
    const links = [...root.querySelectorAll('.urls li')];
    expect(links.map((li) => li.textContent)).toEqual(['https://ok.example/a', 'https://ok.example/b', 'javascript:alert(1)']);
    expect(links.map((li) => li.querySelector('a')?.getAttribute('href') ?? null)).toEqual(['https://ok.example/a', 'https://ok.example/b', null]);
  });
});

describe('DetailPanel provenance', () => {
  it('links every source of an edge, folding those past the third', () => {
    const sources = [1, 2, 3, 4, 5].map((line) => ({ path: 'a.md', line }));
    const many: GraphDocument = { ...graph, edges: [{ source: 'person:zoe', target: 'group:g', kind: 'role', role: 'lead', sources }] };
    const root = render((target) => mount(DetailPanel, { target, props: { model: new GraphModel(many), repo: graph.repo, node: graph.nodes[0]!, pathFrom: undefined, onSelect: vi.fn(), onPathFrom: vi.fn(), onPathTo: vi.fn() } }));
    const links = [...root.querySelectorAll('[data-relation="leads"] a.source')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(sources.map((s) => `https://github.com/o/r/blob/main/a.md#L${s.line}`));
    expect(root.querySelector('[data-relation="leads"] details summary')!.textContent).toBe('+2');
  });
});

describe('Filters', () => {
  it('reports hidden counts and calls back on changes', () => {
    const onToggleKind = vi.fn();
    const onFocus = vi.fn();
    const totals = model.countByKind();
    const root = render((target) => mount(Filters, { target, props: {
      view: defaultViewState(),
      kinds: model.kinds,
      totals,
      hiddenCounts: new Map<NodeKind, number>([['document', 1]]),
      hasSelection: true,
      onToggleKind,
      onToggleEdge: vi.fn(),
      onFilter: vi.fn(),
      onFocus,
    } }));
    expect(root.querySelector('legend')!.textContent).toContain('(1 hidden)');
    (root.querySelector('input[data-kind="person"]') as HTMLInputElement).click();
    expect(onToggleKind).toHaveBeenCalledWith('person');
    const depth = root.querySelector('[data-testid="focus-depth"]') as HTMLSelectElement;
    depth.value = '3';
    depth.dispatchEvent(new Event('change', { bubbles: true }));
    expect(onFocus).toHaveBeenCalledWith(true, 3);
  });
});

describe('ReportView', () => {
  const findings: Finding[] = [
    { rule: 'missing-file', severity: 'error', path: 'governance/process.md', line: 111, message: 'link to charter.md: file not found', suggestion: 'x.md' },
    { rule: 'missing-anchor', severity: 'error', path: 'governance/process.md', line: 120, message: 'link to #nope: no heading or anchor #nope' },
    { rule: 'near-duplicate-person', severity: 'warning', path: 'README.md', line: 16, message: '“Zoë Adler” and “Zoe Adlr” may be one person', nodes: ['person:zoe', 'person:gone'] },
    { rule: 'unreferenced-file', severity: 'info', path: 'img/x.png', line: 1, message: 'img/x.png is not linked from any document' },
  ];
  const report: BuildReport = {
    schemaVersion: 2,
    findings,
    brokenLinks: [],
    possibleDuplicates: [],
    warnings: [],
    stats: { filesRead: 1, documents: 1, excluded: [], nodesByKind: {}, edgesByKind: {} },
  };
  const mountReport = (props: { filter?: string; grouping?: 'file' | 'rule'; severity?: 'all' | 'error' | 'warning' | 'info' }, onSelect = vi.fn(), onChange = vi.fn()) =>
    render((target) =>
      mount(ReportView, {
        target,
        props: { report, repo: graph.repo, filter: props.filter ?? '', grouping: props.grouping ?? 'file', severity: props.severity ?? 'all', hasNode: (id: string) => model.node(id) !== undefined, onSelect, onChange },
      }),
    );

  it('groups findings by file with counts, links each to its line, and opens suggestions and people', () => {
    const onSelect = vi.fn();
    const root = mountReport({}, onSelect);
    expect(root.querySelector('[data-testid="report-counts"]')!.textContent).toContain('2 errors, 1 warning');
    const groups = [...root.querySelectorAll('[data-testid="report-group-item"]')].map((group) => [group.getAttribute('data-key'), group.querySelector('.counts')!.textContent]);
    expect(groups).toEqual([['governance/process.md', '2 errors'], ['README.md', '1 warning'], ['img/x.png', '1 note']]);
    const first = root.querySelector('[data-testid="finding"]')!;
    expect(first.querySelector('a')!.getAttribute('href')).toBe('https://github.com/o/r/blob/main/governance/process.md#L111');
    (first.querySelector('button') as HTMLButtonElement).click();
    expect(onSelect).toHaveBeenCalledWith('doc:x.md');
    const person = root.querySelector('[data-rule="near-duplicate-person"]')!;
    expect([...person.querySelectorAll('button')].map((button) => button.textContent)).toEqual(['show person:zoe']);
  });

  it('filters by text and severity, groups by rule, and reports changes for the URL', () => {
    const onChange = vi.fn();
    const byRule = mountReport({ grouping: 'rule', severity: 'error', filter: 'anchor' }, vi.fn(), onChange);
    expect([...byRule.querySelectorAll('[data-testid="report-group-item"]')].map((group) => group.getAttribute('data-key'))).toEqual(['missing-anchor']);
    const select = byRule.querySelector('[data-testid="report-group"]') as HTMLSelectElement;
    select.value = 'file';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(onChange).toHaveBeenCalledWith({ reportGroup: 'file' });
  });
});

describe('SearchBox', () => {
  it('groups hits by kind, entities first, and opens the active one on Enter', async () => {
    const hits: SearchHit[] = [
      { nodeId: 'doc:x.md', kind: 'document', title: 'About Zoë', heading: 'Zoë', anchor: 'zoe', score: 9, terms: ['zoë'] },
      { nodeId: 'person:zoe', kind: 'person', title: 'Zoë Adler', heading: '', anchor: '', score: 5, terms: ['zoë'] },
    ];
    let completeShards = (): void => undefined;
    const complete = new Promise<void>((resolve) => (completeShards = resolve));
    let loaded = false;
    // The entities' shard answers first with the person; the document comes once every shard is in.
    const search = vi.fn(async () => (loaded ? { hits, complete: true } : { hits: hits.slice(1), complete: false }));
    const loadText = vi.fn();
    const client = { ready: Promise.resolve(), complete, search, loadText } as unknown as SearchClient;
    const onChoose = vi.fn();
    let query = 'zoë';
    const root = render((target) => mount(SearchBox, { target, props: { kinds: model.kinds, client, query, onQuery: (next: string) => (query = next), onChoose } }));
    const input = root.querySelector('[data-testid="search-input"]') as HTMLInputElement;
    input.dispatchEvent(new FocusEvent('focus'));
    await vi.waitFor(() => expect(root.querySelectorAll('[data-testid="search-result"]')).toHaveLength(1));
    expect(root.querySelector('#search-results')?.getAttribute('data-answered')).not.toBe('zoë');
    // A query (here from the URL) asks for the text shards.
    expect(loadText).toHaveBeenCalled();
    loaded = true;
    completeShards();
    await vi.waitFor(() => expect(root.querySelectorAll('[data-testid="search-result"]')).toHaveLength(2));
    expect(root.querySelector('#search-results')?.getAttribute('data-answered')).toBe('zoë');
    expect(search).toHaveBeenCalledTimes(2);
    const results = [...root.querySelectorAll('[data-testid="search-result"]')];
    expect(results.map((r) => r.getAttribute('data-node-id'))).toEqual(['person:zoe', 'doc:x.md']);
    expect(results[0]!.querySelector('mark')!.textContent).toBe('Zoë');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    flushSync();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(onChoose).toHaveBeenCalledWith(hits[0]);
  });
});

describe('a kind the app was never told of', () => {
  const toy = { kind: 'talk', label: 'Talk', color: '#123456', shape: 'star' as const, searchBoost: 2, searchedAttributes: [], attributes: {} };
  const withToy: GraphDocument = {
    ...graph,
    kinds: { nodes: [toy, ...graph.kinds.nodes], edges: graph.kinds.edges },
    nodes: [...graph.nodes, { id: 'talk:t', kind: 'talk', label: 'Supply chains at scale', attrs: { lang: 'ko' }, sources: [{ path: 'talks.md', line: 3 }] }],
    edges: [...graph.edges, { source: 'person:zoe', target: 'talk:t', kind: 'role', role: 'speaker', sources: [{ path: 'talks.md', line: 3 }] }],
  };
  const toyModel = new GraphModel(withToy);

  it('shows it in the legend, the filters and the detail panel from the graph’s catalogue', () => {
    const legend = render((target) => mount(Legend, { target, props: { kinds: toyModel.kinds } }));
    expect(legend.querySelector('[data-kind="talk"]')!.textContent).toBe('Talk');
    expect((legend.querySelector('[data-kind="talk"] .swatch') as HTMLElement).style.background).toMatch(/#123456|rgb\(18, 52, 86\)/);
    const onToggleKind = vi.fn();
    const filters = render((target) => mount(Filters, { target, props: {
      view: defaultViewState(), kinds: toyModel.kinds, totals: toyModel.countByKind(), hiddenCounts: new Map<NodeKind, number>(), hasSelection: false,
      onToggleKind, onToggleEdge: vi.fn(), onFilter: vi.fn(), onFocus: vi.fn(),
    } }));
    (filters.querySelector('input[data-kind="talk"]') as HTMLInputElement).click();
    expect(onToggleKind).toHaveBeenCalledWith('talk');
    const panel = render((target) => mount(DetailPanel, { target, props: { model: toyModel, repo: graph.repo, node: withToy.nodes.at(-1)!, pathFrom: undefined, onSelect: vi.fn(), onPathFrom: vi.fn(), onPathTo: vi.fn() } }));
    expect(panel.querySelector('.kind')!.textContent).toBe('Talk');
    expect(panel.querySelector('[data-testid="language"]')!.textContent).toBe('Korean (ko)');
    expect(panel.querySelector('[data-relation="speakers"] button')!.textContent).toBe('Zoë Adler');
  });
});
