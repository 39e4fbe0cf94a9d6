/**
 * The full-text index shared by the build (which fills and serialises it) and the app (which
 * only loads it). Both must use these exact options, or the loaded index reads wrongly.
 */

/**
 * `search-index.json`: where the index's shards are, relative to it. The entities' shard (every
 * node but documents: small) answers first; the text shards (documents' sections) follow.
 */
export interface SearchManifest {
  entities: string;
  text: string[];
}

/** The folder beside the manifest that holds the shards, named by their content's key. */
export const SEARCH_SHARD_FOLDER = 'search';

/** The manifest's shape checked; names the first thing wrong. */
export function readSearchManifest(value: unknown, url: string): SearchManifest {
  const isShard = (file: unknown): file is string => typeof file === 'string' && /^[\w-][\w./-]*\.json$/.test(file) && !file.includes('..');
  if (typeof value !== 'object' || value === null) throw new Error(`${url}: not a search index manifest`);
  const { entities, text } = value as Record<string, unknown>;
  if (!isShard(entities)) throw new Error(`${url}: no entities shard`);
  if (!Array.isArray(text) || !text.every(isShard)) throw new Error(`${url}: malformed list of text shards`);
  return { entities, text };
}

/** One searchable unit: a section of a document, or an entity. */
export interface SearchEntry {
  /** Unique: `nodeId#anchor` (`nodeId#` for an entity or a document without sections); see `entryId`. */
  id: string;
  nodeId: string;
  title: string;
  aliases: string;
  heading: string;
  anchor: string;
  text: string;
}

/**
 * What the index stores of an entry: only what neither the graph nor the entry's id holds. A
 * node's kind and title come from the graph (the app has it), its node and anchor from the id.
 */
export type StoredSearchFields = Pick<SearchEntry, 'heading'>;

/** An entry's id: its node and the anchor of its section, which never holds a `#` (GitHub's slugs drop it). */
export function entryId(nodeId: string, anchor: string): string {
  return `${nodeId}#${anchor}`;
}

/** The node and section anchor an entry's id names. */
export function entryTarget(id: string): { nodeId: string; anchor: string } {
  const cut = id.lastIndexOf('#');
  return { nodeId: id.slice(0, cut), anchor: id.slice(cut + 1) };
}

/**
 * Words too common to tell anything apart. Leaving them out of the index makes it smaller and
 * faster to build and load, and a query made only of them finds nothing rather than everything.
 */
const STOP_WORDS = new Set(
  'a an and are as at be by for from has have in is it its of on or that the this to was were will with'.split(' '),
);

/**
 * Lower-cased terms, with stop words and terms nobody types dropped: single characters, numbers
 * of more than four digits (years stay), and tokens over 25 characters (hashes, run-together
 * addresses). Used when indexing and when querying alike. Measured on the corpus: about 5% of
 * the index's terms, 120 KB of it.
 */
export function processTerm(term: string): string | null {
  const lower = term.toLowerCase();
  if (STOP_WORDS.has(lower) || [...lower].length < 2 || lower.length > 25 || /^\d{5,}$/.test(lower)) return null;
  return lower;
}

export const SEARCH_INDEX_OPTIONS = {
  idField: 'id',
  fields: ['title', 'aliases', 'heading', 'text'],
  storeFields: ['heading'],
  processTerm,
} as const;

export const SEARCH_QUERY_OPTIONS = {
  boost: { title: 4, aliases: 3, heading: 2, text: 1 },
  prefix: true,
  fuzzy: 0.2,
  combineWith: 'AND',
} as const;
