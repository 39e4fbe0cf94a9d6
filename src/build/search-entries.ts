import { documentNodeId, type GraphDocument } from '../schema/graph.ts';
import { entryId, type SearchEntry } from '../schema/search.ts';
import type { KindRegistry } from '../kinds/registry.ts';
import type { DocumentFacts } from './facts.ts';
import { byCodePoint } from './text/order.ts';
import { append } from './multimap.ts';

/** A document's searchable units: one per section, or the whole document when it has none. */
export function documentEntries(doc: DocumentFacts): SearchEntry[] {
  const nodeId = documentNodeId(doc.path);
  if (doc.sections.length === 0) {
    return [{ id: entryId(nodeId, ''), nodeId, title: doc.title, aliases: doc.path, heading: '', anchor: '', text: doc.summary }];
  }
  return doc.sections.map((section) => ({
    id: entryId(nodeId, section.anchor),
    nodeId,
    title: doc.title,
    aliases: section.anchor ? '' : doc.path,
    heading: section.heading,
    anchor: section.anchor,
    text: section.text,
  }));
}

/** Every node but documents, by its label, aliases and the attributes its kind says are searched; sorted by id. */
export function entityEntries(graph: Pick<GraphDocument, 'nodes' | 'edges'>, registry: KindRegistry): SearchEntry[] {
  // An entity is also found by what its home pages say of it: the catalog entry
  // `SUNBURST/SUNSPOT/Solarigate` by the `SolarWinds` of its write-up's title (searched as
  // another name) and summary (as text).
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const homeTitles = new Map<string, string[]>();
  const homeText = new Map<string, string[]>();
  for (const edge of graph.edges) {
    if (edge.kind !== 'describes') continue;
    const home = byId.get(edge.source);
    if (!home) continue;
    append(homeTitles, edge.target, home.label);
    if (typeof home.attrs?.['summary'] === 'string') append(homeText, edge.target, home.attrs['summary']);
  }
  return graph.nodes
    .filter((node) => node.kind !== 'document')
    .map((node) => {
      const attrs = node.attrs ?? {};
      const aliases = Array.isArray(attrs['aliases']) ? attrs['aliases'].join(' ') : '';
      const text = [
        ...registry.info(node.kind).searchedAttributes.flatMap((key) => {
          const value = attrs[key];
          if (value === undefined) return [];
          return Array.isArray(value) ? value : [String(value)];
        }),
        ...(homeText.get(node.id) ?? []),
      ]
        .filter(Boolean)
        .join(' ');
      return { id: entryId(node.id, ''), nodeId: node.id, title: node.label, aliases: [aliases, node.path ?? '', ...(homeTitles.get(node.id) ?? [])].join(' ').trim(), heading: '', anchor: '', text };
    })
    .sort((a, b) => byCodePoint(a.id, b.id));
}
