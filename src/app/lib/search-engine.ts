import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import { entryTarget, SEARCH_INDEX_OPTIONS, SEARCH_QUERY_OPTIONS, type SearchEntry, type StoredSearchFields } from '../../schema/search.ts';
import type { GraphDocument, NodeKind } from '../../schema/graph.ts';

export interface SearchHit {
  nodeId: string;
  kind: NodeKind;
  title: string;
  /** The best-matching section of a document, if the match was in one. */
  heading: string;
  anchor: string;
  score: number;
  /** Words of the query as found in the text (for highlighting). */
  terms: string[];
}

/** What search needs of the graph: each node's kind and title, and each kind's boost. Plain data, for the worker. */
export interface SearchCatalog {
  nodes: Record<string, [kind: NodeKind, title: string]>;
  boosts: Record<string, number>;
}

export function searchCatalogOf(graph: GraphDocument): SearchCatalog {
  return {
    nodes: Object.fromEntries(graph.nodes.map((node) => [node.id, [node.kind, node.label]])),
    boosts: Object.fromEntries(graph.kinds.nodes.map((info) => [info.kind, info.searchBoost])),
  };
}

export function loadIndex(json: string): MiniSearch<SearchEntry> {
  return MiniSearch.loadJSON<SearchEntry>(json, { ...SEARCH_INDEX_OPTIONS, fields: [...SEARCH_INDEX_OPTIONS.fields], storeFields: [...SEARCH_INDEX_OPTIONS.storeFields] });
}

/**
 * Search-as-you-type over the index's shards: prefix and typo tolerant, one hit per node (its
 * best section in any shard), entities boosted above the documents that merely mention them
 * (each kind's boost comes from the graph's catalogue).
 */
export function runSearch(indexes: readonly MiniSearch<SearchEntry>[], query: string, catalog: SearchCatalog, limit = 40): SearchHit[] {
  const steps = searchSteps(indexes, query, catalog, limit);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `runSearch` one shard at a time: the search stops after each shard, so that a caller can
 * leave a query that a newer one has made pointless (the search worker, while someone types).
 */
export function* searchSteps(indexes: readonly MiniSearch<SearchEntry>[], query: string, catalog: SearchCatalog, limit = 40): Generator<void, SearchHit[]> {
  const text = query.trim();
  if (!text) return [];
  const kindOf = (nodeId: unknown): string | undefined => catalog.nodes[String(nodeId)]?.[0];
  const boost = (id: unknown): number => catalog.boosts[kindOf(entryTarget(String(id)).nodeId) ?? ''] ?? 1;
  const options = { ...SEARCH_QUERY_OPTIONS, boost: { ...SEARCH_QUERY_OPTIONS.boost }, boostDocument: boost };
  const results: SearchResult[] = [];
  for (const combineWith of ['AND', 'OR'] as const) {
    for (const index of indexes) {
      results.push(...index.search(withTranspositions(text, combineWith), { ...options, combineWith }));
      yield;
    }
    // A query of several words that matches nothing together still finds each word.
    if (results.length > 0 || !/\s/.test(text)) break;
  }
  const best = new Map<string, SearchHit>();
  for (const result of results) {
    const stored = result as unknown as StoredSearchFields & SearchResult;
    const { nodeId, anchor } = entryTarget(String(result.id));
    const node = catalog.nodes[nodeId];
    // An index newer or older than the graph may name nodes the graph does not have.
    if (!node) continue;
    const existing = best.get(nodeId);
    if (existing && (existing.score > result.score || (existing.score === result.score && existing.anchor <= anchor))) continue;
    best.set(nodeId, {
      nodeId,
      kind: node[0],
      title: node[1],
      heading: stored.heading,
      anchor,
      score: result.score,
      terms: result.terms,
    });
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.nodeId.localeCompare(b.nodeId)).slice(0, limit);
}

/** Words of at least this length also match with two neighbouring letters swapped. */
const TRANSPOSED_MIN_LENGTH = 5;
/** A swapped spelling counts for less than the word as typed. */
const TRANSPOSED_BOOST = { title: 2, aliases: 1.5, heading: 1, text: 0.5 };

/**
 * The query as MiniSearch reads it, each longer word also matching its spellings with two
 * neighbouring letters swapped (`kyvreno` finds Kyverno): edit-distance fuzziness counts a swap
 * as two edits, more than a short word is allowed.
 */
function withTranspositions(text: string, combineWith: 'AND' | 'OR'): Query {
  const words = text.split(/[\s\p{P}]+/u).filter(Boolean);
  return {
    combineWith,
    queries: words.map((word): Query => {
      const letters = [...word];
      if (letters.length < TRANSPOSED_MIN_LENGTH) return word;
      const swapped = new Set<string>();
      for (let at = 0; at + 1 < letters.length; at += 1) {
        if (letters[at] === letters[at + 1]) continue;
        const copy = [...letters];
        [copy[at], copy[at + 1]] = [copy[at + 1]!, copy[at]!];
        swapped.add(copy.join(''));
      }
      return { combineWith: 'OR', queries: [word, { queries: [...swapped], combineWith: 'OR', prefix: false, fuzzy: false, boost: TRANSPOSED_BOOST }] };
    }),
  };
}

export interface TextPart {
  text: string;
  match: boolean;
}

/** Splits text into matching and other parts for highlighting, without producing any markup. */
export function highlightParts(text: string, terms: readonly string[]): TextPart[] {
  const words = [...new Set(terms.filter((term) => term.length > 0))].sort((a, b) => b.length - a.length);
  if (words.length === 0) return [{ text, match: false }];
  const escaped = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(${escaped.join('|')})`, 'giu');
  return text
    .split(pattern)
    .filter((part) => part.length > 0)
    .map((part) => ({ text: part, match: words.some((word) => word.toLowerCase() === part.toLowerCase()) }));
}
