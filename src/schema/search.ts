import type { NodeKind } from './graph.ts';

/**
 * The full-text index shared by the build (which fills and serialises it) and the app (which
 * only loads it). Both must use these exact options, or the loaded index reads wrongly.
 */

/** One searchable unit: a section of a document, or an entity. */
export interface SearchEntry {
  /** Unique: the node id, plus `#anchor` for a document section. */
  id: string;
  nodeId: string;
  kind: NodeKind;
  title: string;
  aliases: string;
  heading: string;
  anchor: string;
  text: string;
}

export type StoredSearchFields = Pick<SearchEntry, 'nodeId' | 'kind' | 'title' | 'heading' | 'anchor'>;

export const SEARCH_INDEX_OPTIONS = {
  idField: 'id',
  fields: ['title', 'aliases', 'heading', 'text'],
  storeFields: ['nodeId', 'kind', 'title', 'heading', 'anchor'],
} as const;

export const SEARCH_QUERY_OPTIONS = {
  boost: { title: 4, aliases: 3, heading: 2, text: 1 },
  prefix: true,
  fuzzy: 0.2,
  combineWith: 'AND',
} as const;

/** Entities rank above the documents that merely mention them. */
export const KIND_BOOST: Readonly<Record<NodeKind, number>> = {
  person: 3,
  group: 3,
  publication: 3,
  project: 3,
  compromise: 3,
  category: 2.5,
  organization: 2,
  document: 1,
  asset: 0.6,
  external: 0.5,
};
