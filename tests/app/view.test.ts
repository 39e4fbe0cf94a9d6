import { describe, expect, it } from 'vitest';
import { defaultViewState, parseViewState, readView, serialiseViewState, viewProblems, type ViewState } from '../../src/view/view.ts';
import { DEFAULT_REGISTRY } from '../../src/kinds/registry.ts';

const NODE_KINDS = DEFAULT_REGISTRY.modules.map((m) => m.info.kind).sort();
const EDGE_KINDS = DEFAULT_REGISTRY.edges.map((e) => e.kind).sort();

describe('view state in the URL', () => {
  it('round-trips any view', () => {
    let seed = 7;
    const random = (): number => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const pick = <T,>(items: readonly T[]): T[] => items.filter(() => random() < 0.3);
    for (let i = 0; i < 200; i += 1) {
      const view: ViewState = {
        ...(random() < 0.7 ? { selected: `doc:a b/${i}&x=#?.md` } : {}),
        focus: random() < 0.5,
        depth: ([1, 2, 3] as const)[i % 3]!,
        hiddenKinds: pick(NODE_KINDS),
        hiddenEdges: pick(EDGE_KINDS),
        filter: random() < 0.5 ? 'supply & chain' : '',
        query: random() < 0.5 ? 'xz backdoor' : '',
        mode: (['graph', 'list', 'report'] as const)[i % 3]!,
        ...(random() < 0.3 ? { pathFrom: 'person:ann', pathTo: 'group:b' } : {}),
        reportFilter: random() < 0.5 ? 'README & #anchor' : '',
        reportGroup: random() < 0.5 ? 'rule' : 'file',
        reportSeverity: (['all', 'error', 'warning', 'info'] as const)[i % 4]!,
        theme: (['auto', 'light', 'dark'] as const)[i % 3]!,
        labels: (['all', 'hubs', 'none'] as const)[(i >> 1) % 3]!,
        interactive: random() < 0.5,
      };
      expect(parseViewState(serialiseViewState(view, ['external']), ['external'])).toEqual(view);
    }
  });

  it('leaves defaults out of the URL and ignores nonsense', () => {
    expect(serialiseViewState(defaultViewState(['external']), ['external'])).toBe('');
    expect(serialiseViewState(defaultViewState([]), ['external'])).toBe('?hide=');
    expect(parseViewState('?depth=9&view=evil&hide=external,Bogus!&hideEdges=no%20pe', ['external'])).toEqual({ ...defaultViewState(), hiddenKinds: ['external'] });
    expect(parseViewState('?hide=', ['external'])).toEqual({ ...defaultViewState(), hiddenKinds: [] });
  });

  it('names every value it cannot read, and falls back to the default for it', () => {
    const { view, problems } = readView('?node=group%3Ax&depth=4&theme=purple&labels=some&interactive=no&colour=red&hide=bad%20kind', ['external']);
    expect(view).toEqual({ ...defaultViewState(), selected: 'group:x', hiddenKinds: [] });
    expect(problems).toEqual([
      'unknown parameter "colour" (known: node, focus, depth, hide, hideEdges, filter, q, view, from, to, rq, rgroup, rsev, theme, labels, interactive)',
      '"depth" must be one of 1, 2, 3, not "4"',
      '"hide" names "bad kind", which is not a kind name',
      '"theme" must be one of auto, light, dark, not "purple"',
      '"labels" must be one of all, hubs, none, not "some"',
      '"interactive" must be one of 0, 1, not "no"',
    ]);
    expect(readView('?node=a&theme=dark&labels=hubs&interactive=0').problems).toEqual([]);
  });

  it('names the nodes and kinds a view asks for that the graph does not have', () => {
    const graph = { hasNode: (id: string) => id === 'group:x', nodeKinds: ['group', 'person'], edgeKinds: ['links_to'] };
    const view = { ...defaultViewState(['external']), selected: 'group:y', pathFrom: 'group:x', pathTo: 'person:z', hiddenEdges: ['member_of'] };
    expect(viewProblems(view, graph)).toEqual([
      'this graph has no node "group:y" (node)',
      'this graph has no node "person:z" (to)',
      'this graph has no kind "external" (hide)',
      'this graph has no relation "member_of" (hideEdges)',
    ]);
    expect(viewProblems({ ...defaultViewState(), selected: 'group:x' }, graph)).toEqual([]);
  });
});
