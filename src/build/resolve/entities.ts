import type { Attrs, Source } from '../../schema/graph.ts';
import { mentionKey, type EntityMention, type PublicationFormat } from '../facts.ts';
import { foldKey } from '../text/fold.ts';
import { assignIds } from '../ids.ts';
import type { LinkTarget } from './links.ts';
import { byCodePoint } from '../text/order.ts';
import { append } from '../multimap.ts';

/** Where a link of an entity leads, as a graph-level key: a file path or an external URL. */
export type ResolvedRef = { type: 'file'; path: string } | { type: 'external'; url: string; key: string };

export interface ResolvedFormat {
  format: string;
  label: string;
  translation: boolean;
  target: ResolvedRef;
  source: Source;
}

export interface Entity {
  id: string;
  kind: string;
  label: string;
  aliases: string[];
  attrs: Attrs;
  /** Where the entity's own link leads (its home document, file or page). */
  home?: ResolvedRef;
  formats: ResolvedFormat[];
  categories: string[];
  sources: Source[];
}

export interface MentionRef {
  path: string;
  mention: EntityMention;
}

function toRef(target: LinkTarget): ResolvedRef | undefined {
  if (target.type === 'file') return { type: 'file', path: target.path };
  if (target.type === 'external') return { type: 'external', url: target.url, key: target.key };
  return undefined;
}

const refKey = (ref: ResolvedRef): string => (ref.type === 'file' ? `file:${ref.path}` : `url:${ref.url}`);

/**
 * Merges entity mentions across documents. Mentions with links are the same entity when they
 * share a link target (`Cloud Native Security Whitepaper` in the README and in the publications
 * list both point at its PDF); mentions without links are the same entity when their labels fold
 * alike. Returns the entities and, for each mention, the id of its entity.
 */
export function mergeEntities(
  mentions: readonly MentionRef[],
  resolve: (fromPath: string, href: string) => LinkTarget,
  kinds: readonly string[],
): { entities: Entity[]; entityOf: Map<string, string> } {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while ((parent.get(root) ?? root) !== root) root = parent.get(root)!;
    parent.set(key, root);
    return root;
  };
  const union = (a: string, b: string): void => {
    const [rootA, rootB] = [find(a), find(b)];
    if (rootA !== rootB) parent.set(rootA < rootB ? rootB : rootA, rootA < rootB ? rootA : rootB);
  };

  const known = new Set(kinds);
  const unknown = mentions.find(({ mention }) => !known.has(mention.kind));
  if (unknown) throw new Error(`${unknown.path}:${unknown.mention.source.line}: a mention of kind "${unknown.mention.kind}", which no registered kind merges by link or label`);
  const resolved = mentions.map(({ path, mention }) => {
    const home = mention.link ? toRef(resolve(path, mention.link.href)) : undefined;
    const formats = (mention.formats ?? []).flatMap((format: PublicationFormat): ResolvedFormat[] => {
      const target = toRef(resolve(path, format.link.href));
      return target ? [{ format: format.format, label: format.label, translation: format.translation, target, source: { path, line: format.link.line } }] : [];
    });
    const refs = [home, ...formats.filter((f) => !f.translation).map((f) => f.target)].filter((ref): ref is ResolvedRef => ref !== undefined);
    const keys = refs.length > 0 ? refs.map((ref) => `${mention.kind}|${refKey(ref)}`) : [`${mention.kind}|label:${foldKey(mention.label)}`];
    for (const key of keys) find(key);
    for (const key of keys.slice(1)) union(keys[0]!, key);
    return { path, mention, home, formats, key: keys[0]! };
  });

  const groups = new Map<string, typeof resolved>();
  for (const item of resolved) {
    const root = find(item.key);
    append(groups, root, item);
  }

  const drafts = [...groups.entries()].map(([root, items]) => {
    const labels = items.map((item) => item.mention.label);
    // The longest label is the most specific (`Software Supply Chain Best Practices v2`).
    const label = [...labels].sort((a, b) => b.length - a.length || byCodePoint(a, b))[0]!;
    const attrs: Attrs = {};
    for (const item of items) for (const [key, value] of Object.entries(item.mention.attrs)) if (!(key in attrs)) attrs[key] = value;
    const formats = new Map<string, ResolvedFormat>();
    for (const item of items) for (const format of item.formats) if (!formats.has(refKey(format.target))) formats.set(refKey(format.target), format);
    const home = items.find((item) => item.home)?.home;
    return {
      root,
      kind: items[0]!.mention.kind,
      label,
      aliases: [...new Set(labels)].filter((l) => l !== label).sort(),
      attrs,
      ...(home ? { home } : {}),
      formats: [...formats.values()],
      categories: [...new Set(items.flatMap((item) => item.mention.categories ?? []))],
      sources: items.map((item) => item.mention.source),
      mentions: items.map((item) => item.mention),
    };
  });

  const entities: Entity[] = [];
  const entityOf = new Map<string, string>();
  for (const kind of kinds) {
    const ofKind = drafts.filter((draft) => draft.kind === kind);
    const ids = assignIds(ofKind, kind, (d) => d.label, (d) => d.root);
    for (const draft of ofKind) {
      const id = ids.get(draft)!;
      const { root: _root, mentions: draftMentions, ...entity } = draft;
      entities.push({ id, ...entity });
      for (const mention of draftMentions) entityOf.set(mentionKey(mention), id);
    }
  }
  entities.sort((a, b) => byCodePoint(a.id, b.id));
  return { entities, entityOf };
}
