import MiniSearch from 'minisearch';
import type { DocumentFacts } from './facts.ts';
import type { GraphNode } from '../schema/graph.ts';
import { SEARCH_INDEX_OPTIONS, type SearchEntry } from '../schema/search.ts';

/** Entity attributes worth finding by text. */
const SEARCHED_ATTRS = ['handle', 'organization', 'description', 'summary', 'types', 'year', 'date', 'series', 'release', 'folder'];

/** What the index holds: every document section, and every other node by its label, aliases and attributes. */
export function searchEntries(nodes: readonly GraphNode[], documents: readonly DocumentFacts[]): SearchEntry[] {
  const entries: SearchEntry[] = [];
  for (const doc of documents) {
    const nodeId = `doc:${doc.path}`;
    if (doc.sections.length === 0) {
      entries.push({ id: nodeId, nodeId, kind: 'document', title: doc.title, aliases: doc.path, heading: '', anchor: '', text: doc.summary });
    }
    for (const section of doc.sections) {
      entries.push({
        id: `${nodeId}#${section.anchor}`,
        nodeId,
        kind: 'document',
        title: doc.title,
        aliases: section.anchor ? '' : doc.path,
        heading: section.heading,
        anchor: section.anchor,
        text: section.text,
      });
    }
  }
  for (const node of nodes) {
    if (node.kind === 'document') continue;
    const attrs = node.attrs ?? {};
    const aliases = Array.isArray(attrs['aliases']) ? attrs['aliases'].join(' ') : '';
    const text = SEARCHED_ATTRS.flatMap((key) => {
      const value = attrs[key];
      if (value === undefined) return [];
      return Array.isArray(value) ? value : [String(value)];
    }).join(' ');
    entries.push({ id: node.id, nodeId: node.id, kind: node.kind, title: node.label, aliases: [aliases, node.path ?? ''].join(' ').trim(), heading: '', anchor: '', text });
  }
  return entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The serialised MiniSearch index; entries are added in id order so the output is deterministic. */
export function buildSearchIndex(entries: readonly SearchEntry[]): string {
  const index = new MiniSearch<SearchEntry>({ ...SEARCH_INDEX_OPTIONS, fields: [...SEARCH_INDEX_OPTIONS.fields], storeFields: [...SEARCH_INDEX_OPTIONS.storeFields] });
  index.addAll(entries);
  return JSON.stringify(index);
}
