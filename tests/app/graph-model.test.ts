import { describe, expect, it } from 'vitest';
import { GraphModel } from '../../src/view/graph-model.ts';
import { Kinds } from '../../src/view/kind-style.ts';
import { relationsOf } from '../../src/app/lib/relations.ts';
import type { EdgeKind, GraphDocument, GraphEdge, GraphNode } from '../../src/schema/graph.ts';
import { fullCatalog } from '../helpers/graph.ts';

const node = (id: string, kind: GraphNode['kind'] = 'document'): GraphNode => ({ id, kind, label: id.toUpperCase(), sources: [{ path: 'x.md', line: 1 }] });
const kinds = new Kinds(fullCatalog());
const relationName = (e: GraphEdge, outgoing: boolean): string => kinds.relation(e.kind, e.role, outgoing);
const edge = (source: string, target: string, kind: EdgeKind = 'links_to', role?: string): GraphEdge => ({ source, target, kind, ...(role ? { role } : {}), sources: [{ path: 'x.md', line: 1 }] });

function graphOf(nodes: GraphNode[], edges: GraphEdge[]): GraphDocument {
  return { schemaVersion: 2, repo: { name: 't' }, kinds: fullCatalog(), nodes, edges };
}

/** Seeded random graphs, to compare BFS answers with a brute-force reference. */
function randomGraph(seed: number, size: number, edgeCount: number): GraphDocument {
  let state = seed;
  const random = (): number => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const nodes = Array.from({ length: size }, (_, i) => node(`n${i}`));
  const kinds: EdgeKind[] = ['links_to', 'role', 'part_of'];
  const edges = Array.from({ length: edgeCount }, () => edge(`n${Math.floor(random() * size)}`, `n${Math.floor(random() * size)}`, kinds[Math.floor(random() * kinds.length)]));
  return graphOf(nodes, edges);
}

/** Reference: distances by repeated relaxation over the undirected edge list. */
function distances(graph: GraphDocument, from: string, allowed: (kind: EdgeKind) => boolean): Map<string, number> {
  const dist = new Map<string, number>([[from, 0]]);
  for (let round = 0; round < graph.nodes.length; round += 1) {
    for (const e of graph.edges) {
      if (!allowed(e.kind)) continue;
      for (const [a, b] of [[e.source, e.target], [e.target, e.source]] as const) {
        const da = dist.get(a);
        if (da !== undefined && (dist.get(b) ?? Infinity) > da + 1) dist.set(b, da + 1);
      }
    }
  }
  return dist;
}

describe('GraphModel', () => {
  it('finds neighbourhoods and shortest paths that agree with a brute-force reference', () => {
    for (let seed = 1; seed <= 25; seed += 1) {
      const graph = randomGraph(seed, 30, 40);
      const model = new GraphModel(graph);
      const allowed = (kind: EdgeKind): boolean => kind !== 'part_of';
      const dist = distances(graph, 'n0', allowed);
      for (const depth of [1, 2, 3]) {
        const expected = [...dist.entries()].filter(([, d]) => d <= depth).map(([id]) => id).sort();
        expect([...model.neighbourhood('n0', depth, allowed)].sort()).toEqual(expected);
      }
      for (const target of ['n5', 'n17', 'n29']) {
        const path = model.shortestPath('n0', target, allowed);
        if (!dist.has(target)) {
          expect(path).toBeUndefined();
          continue;
        }
        expect(path?.length).toBe(dist.get(target)! + 1);
        expect(path?.[0]).toBe('n0');
        expect(path?.at(-1)).toBe(target);
        for (let i = 0; i + 1 < path!.length; i += 1) {
          const [a, b] = [path![i], path![i + 1]];
          expect(graph.edges.some((e) => allowed(e.kind) && ((e.source === a && e.target === b) || (e.source === b && e.target === a)))).toBe(true);
        }
      }
    }
  });

  it('gathers a node\'s addresses from the edges into it: links\' urls and formats\' url, once each, sorted', () => {
    const site = node('external:example.org', 'external');
    const graph = graphOf(
      [node('a'), node('b'), node('pub:p', 'publication'), site],
      [
        { ...edge('a', site.id), attrs: { urls: ['https://example.org/z', 'https://example.org/a'] } },
        { ...edge('b', site.id), attrs: { urls: ['https://example.org/a'] } },
        { ...edge('pub:p', site.id, 'has_format', 'web'), attrs: { url: 'https://example.org/m' } },
        { ...edge(site.id, 'a'), attrs: { urls: ['https://example.org/outgoing'] } },
      ],
    );
    const model = new GraphModel(graph);
    expect(model.addressesOf(site.id)).toEqual(['https://example.org/a', 'https://example.org/m', 'https://example.org/z']);
    expect(model.addressesOf('a')).toEqual(['https://example.org/outgoing']);
    expect(model.addressesOf('unknown')).toEqual([]);
  });

  it('counts degree in both directions and ignores unknown ids', () => {
    const model = new GraphModel(graphOf([node('a'), node('b')], [edge('a', 'b'), edge('b', 'a', 'part_of')]));
    expect(model.degree('a')).toBe(2);
    expect(model.shortestPath('a', 'zzz')).toBeUndefined();
    expect([...model.neighbourhood('a', 0)]).toEqual(['a']);
  });
});

describe('relations', () => {
  it('names a relation from each end', () => {
    expect(relationName(edge('p', 'g', 'role', 'lead'), true)).toBe('lead of');
    expect(relationName(edge('p', 'g', 'role', 'lead'), false)).toBe('leads');
    expect(relationName(edge('p', 'g', 'role', 'security-reviewer'), true)).toBe('security reviewer of');
    expect(relationName(edge('p', 'g', 'role', 'chair-emeritus'), false)).toBe('chairs emeritus');
    expect(relationName(edge('a', 'b'), false)).toBe('linked from');
    expect(relationName(edge('c', 'k', 'in_category'), false)).toBe('in this category');
  });

  it('groups neighbours by relation, links last', () => {
    const graph = graphOf(
      [node('g', 'group'), node('p1', 'person'), node('p2', 'person'), node('d')],
      [edge('p2', 'g', 'role', 'lead'), edge('p1', 'g', 'role', 'lead'), edge('d', 'g', 'describes'), edge('d', 'g')],
    );
    const groups = relationsOf(new GraphModel(graph), 'g');
    expect(groups.map((g) => [g.name, g.items.map((i) => i.node.id)])).toEqual([
      ['home page', ['d']],
      ['leads', ['p1', 'p2']],
      ['linked from', ['d']],
    ]);
  });
});

describe('publication relations', () => {
  it('collects what links to any of its formats', () => {
    const graph = graphOf(
      [node('pub', 'publication'), node('md'), node('pdf', 'asset'), node('a'), node('b')],
      [edge('pub', 'md', 'has_format', 'markdown'), edge('pub', 'pdf', 'has_format', 'pdf'), edge('a', 'md'), edge('b', 'pdf'), edge('a', 'pdf')],
    );
    const group = relationsOf(new GraphModel(graph), 'pub').find((g) => g.name === 'linked from (any format)');
    expect(group?.items.map((i) => i.node.id)).toEqual(['a', 'b']);
  });
});

describe('legend shapes', () => {
  it('has a clip-path for every shape the graph draws', async () => {
    const { SHAPE_CLIP } = await import('../../src/view/kind-style.ts');
    const { NODE_SHAPES } = await import('../../src/schema/kinds.ts');
    for (const shape of NODE_SHAPES) expect(SHAPE_CLIP[shape], shape).toMatch(/^(inset|circle|polygon)\(/);
    for (const info of fullCatalog().nodes) expect(NODE_SHAPES).toContain(info.shape);
  });
});
