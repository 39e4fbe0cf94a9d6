/**
 * The full-text index shared by the build (which fills and serialises it) and the app (which
 * only loads it). Both must use these exact options, or the loaded index reads wrongly.
 */

/** One searchable unit: a section of a document, or an entity. */
export interface SearchEntry {
  /** Unique: the node id, plus `#anchor` for a document section. */
  id: string;
  nodeId: string;
  kind: string;
  title: string;
  aliases: string;
  heading: string;
  anchor: string;
  text: string;
}

export type StoredSearchFields = Pick<SearchEntry, 'nodeId' | 'kind' | 'title' | 'heading' | 'anchor'>;

/**
 * Words too common to tell anything apart. Leaving them out of the index makes it smaller and
 * faster to build and load, and a query made only of them finds nothing rather than everything.
 */
const STOP_WORDS = new Set(
  'a an and are as at be by for from has have in is it its of on or that the this to was were will with'.split(' '),
);

/** Lower-cased terms, stop words dropped; used when indexing and when querying alike. */
export function processTerm(term: string): string | null {
  const lower = term.toLowerCase();
  return STOP_WORDS.has(lower) ? null : lower;
}

export const SEARCH_INDEX_OPTIONS = {
  idField: 'id',
  fields: ['title', 'aliases', 'heading', 'text'],
  storeFields: ['nodeId', 'kind', 'title', 'heading', 'anchor'],
  processTerm,
} as const;

export const SEARCH_QUERY_OPTIONS = {
  boost: { title: 4, aliases: 3, heading: 2, text: 1 },
  prefix: true,
  fuzzy: 0.2,
  combineWith: 'AND',
} as const;
