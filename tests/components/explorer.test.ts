import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { GraphModel } from '../../src/view/graph-model.ts';
import { Explorer } from '../../src/app/state/explorer.svelte.ts';
import type { BuildReport, GraphDocument, GraphNode } from '../../src/schema/graph.ts';
import { fullCatalog } from '../helpers/graph.ts';

const node = (id: string, kind: GraphNode['kind']): GraphNode => ({ id, kind, label: id, sources: [{ path: 'a.md', line: 1 }] });
// a(person) - g(group) - d(document) - x(external) ; d - e(document)
const graph: GraphDocument = {
  schemaVersion: 2,
  repo: { name: 't' },
  kinds: fullCatalog(),
  nodes: [node('a', 'person'), node('g', 'group'), node('d', 'document'), node('e', 'document'), node('x', 'external')],
  edges: [
    { source: 'a', target: 'g', kind: 'role', role: 'lead', sources: [] },
    { source: 'd', target: 'g', kind: 'describes', sources: [] },
    { source: 'd', target: 'x', kind: 'links_to', sources: [] },
    { source: 'd', target: 'e', kind: 'links_to', sources: [] },
  ],
};
const report: BuildReport = { schemaVersion: 2, findings: [], brokenLinks: [], possibleDuplicates: [], warnings: [], stats: { filesRead: 0, documents: 0, excluded: [], nodesByKind: {}, edgesByKind: {} } };
const sorted = (ids: ReadonlySet<string>): string[] => [...ids].sort();

describe('Explorer state', () => {
  it('derives what is shown from kinds, focus, edge kinds and the path', () => {
    const explorer = new Explorer(new GraphModel(graph), report, '');
    expect(sorted(explorer.visibleIds)).toEqual(['a', 'd', 'e', 'g']);
    explorer.update({ selected: 'a', focus: true, depth: 2 }, 'none');
    expect(sorted(explorer.visibleIds)).toEqual(['a', 'd', 'g']);
    explorer.update({ depth: 3, hiddenEdges: ['links_to'] }, 'none');
    expect(sorted(explorer.visibleIds)).toEqual(['a', 'd', 'g']);
    explorer.update({ hiddenEdges: [], hiddenKinds: ['document', 'external'] }, 'none');
    expect(sorted(explorer.visibleIds)).toEqual(['a', 'g']);
    expect(explorer.hiddenCounts.get('document')).toBe(2);
    explorer.update({ focus: false, pathFrom: 'a', pathTo: 'e' }, 'none');
    expect(explorer.path).toEqual(['a', 'g', 'd', 'e']);
    // No path keeps to the filters here: the one shown says which hidden kind it crosses.
    expect(explorer.pathUsesHidden).toEqual(['document']);
    expect(sorted(explorer.visibleIds)).toEqual(['a', 'd', 'e', 'g']);
  });

  it('keeps the path to shown kinds when there is one, even if it is longer', () => {
    const detour: GraphDocument = {
      ...graph,
      nodes: [node('p1', 'person'), node('p2', 'person'), node('x', 'external'), node('g1', 'group'), node('g2', 'group')],
      edges: [
        { source: 'p1', target: 'x', kind: 'links_to', sources: [] },
        { source: 'x', target: 'p2', kind: 'links_to', sources: [] },
        { source: 'p1', target: 'g1', kind: 'role', role: 'lead', sources: [] },
        { source: 'g1', target: 'g2', kind: 'links_to', sources: [] },
        { source: 'p2', target: 'g2', kind: 'role', role: 'lead', sources: [] },
      ],
    };
    const explorer = new Explorer(new GraphModel(detour), report, '?from=p1&to=p2');
    expect(explorer.path).toEqual(['p1', 'g1', 'g2', 'p2']);
    expect(explorer.pathUsesHidden).toEqual([]);
    explorer.update({ hiddenKinds: [] }, 'none');
    expect(explorer.path).toEqual(['p1', 'x', 'p2']);
  });

  it('recomputes nothing the graph shows when only the search query changes', () => {
    const explorer = new Explorer(new GraphModel(graph), report, '?node=d&from=a&to=e');
    const before = { visibleIds: explorer.visibleIds, edgeAllowed: explorer.edgeAllowed, path: explorer.path, hiddenCounts: explorer.hiddenCounts, selectedNode: explorer.selectedNode };
    expect(before.path).toEqual(['a', 'g', 'd', 'e']);
    for (const query of ['s', 'su', 'sup']) {
      explorer.update({ query }, 'none');
      expect(explorer.view.query).toBe(query);
      expect(explorer.visibleIds).toBe(before.visibleIds);
      expect(explorer.edgeAllowed).toBe(before.edgeAllowed);
      expect(explorer.path).toBe(before.path);
      expect(explorer.hiddenCounts).toBe(before.hiddenCounts);
      expect(explorer.selectedNode).toBe(before.selectedNode);
    }
    // A part that does decide what is shown still does.
    explorer.update({ hiddenKinds: ['person'] }, 'none');
    expect(explorer.visibleIds).not.toBe(before.visibleIds);
    // People are hidden, the external site shown; the path's end stays shown.
    expect(sorted(explorer.visibleIds)).toEqual(['a', 'd', 'e', 'g', 'x']);
    explorer.update({ pathFrom: undefined }, 'none');
    expect(sorted(explorer.visibleIds)).toEqual(['d', 'e', 'g', 'x']);
  });

  it('records views in the history and restores them', () => {
    window.history.replaceState(null, '', '/');
    const explorer = new Explorer(new GraphModel(graph), report, '');
    explorer.select('g');
    flushSync();
    expect(window.location.search).toBe('?node=g');
    explorer.update({ filter: 'lead' }, 'replace');
    expect(window.location.search).toBe('?node=g&filter=lead');
    explorer.restore('?node=a&depth=3&view=list');
    expect(explorer.selectedNode?.id).toBe('a');
    expect(explorer.view.mode).toBe('list');
    expect(explorer.view.depth).toBe(3);
  });
});
