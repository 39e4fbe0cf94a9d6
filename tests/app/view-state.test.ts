import { describe, expect, it } from 'vitest';
import { defaultViewState, parseViewState, serialiseViewState, type ViewState } from '../../src/app/lib/view-state.ts';
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
});
