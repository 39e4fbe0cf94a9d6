import { distance } from 'fastest-levenshtein';
import type { PossibleDuplicate, Source } from '../../schema/graph.ts';
import type { Profile } from '../../profiles/profile.ts';
import type { PersonMention } from '../facts.ts';
import { isOrganizationLabel } from '../text/people.ts';
import { assignIds } from '../ids.ts';
import { foldKey } from '../text/fold.ts';
import { byCodePoint, mostFrequent } from '../text/order.ts';
import { append } from '../multimap.ts';

export interface Person {
  id: string;
  label: string;
  handle?: string;
  aliases: string[];
  organizations: Array<{ label: string; sources: Source[] }>;
  sources: Source[];
}

export interface Organization {
  id: string;
  label: string;
  aliases: string[];
  sources: Source[];
}

export interface Identities {
  people: Person[];
  organizations: Organization[];
  /** The person id for a mention, by the mention's identity; undefined for dropped mentions. */
  personOf(mention: PersonMention): string | undefined;
  organizationOf(label: string): string | undefined;
  possibleDuplicates: PossibleDuplicate[];
  /** `same` and `different` decisions that matched no one, as written. */
  staleDecisions: Array<{ kind: 'same' | 'different'; names: [string, string] }>;
}

/** People a maintainer has confirmed as one, or as different (names as written anywhere). */
export interface IdentityDecisions {
  same?: ReadonlyArray<readonly [string, string]>;
  different?: ReadonlyArray<readonly [string, string]>;
}

/** Values in an affiliation column that name no organisation. */
const NO_ORGANIZATION = /^(independent|self|self-employed|none|n\/a|na|freelance|individual|personal|-|tbd|unknown)$/i;

/** `Tetrate.io`, `Tetrate IO` and `tetrate` fold alike; legal suffixes do not tell organisations apart. */
function organizationKey(label: string): string {
  return foldKey(label).replace(/[.,]|\b(inc|llc|ltd|corp|gmbh|io)\b/g, ' ').replace(/\s+/g, ' ').trim();
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(key: string): string {
    let root = key;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    let node = key;
    while (node !== root) {
      const next = this.parent.get(node) ?? root;
      this.parent.set(node, root);
      node = next;
    }
    if (!this.parent.has(root)) this.parent.set(root, root);
    return root;
  }
  union(a: string, b: string): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    // Deterministic: the smaller key becomes the root, whatever the order of calls.
    if (rootA < rootB) this.parent.set(rootB, rootA);
    else if (rootB < rootA) this.parent.set(rootA, rootB);
  }
}

/** Hyphens fold to spaces: `Torres-Arias` and `Torres Arias` are written for the same name. */
const nameKey = (name: string): string => `n:${foldKey(name).replace(/[-\u2010]/g, ' ')}`;
const handleKey = (handle: string): string => `h:${handle.toLowerCase()}`;

function keysOf(mention: PersonMention): string[] {
  const keys: string[] = [];
  if (mention.name) keys.push(nameKey(mention.name));
  if (mention.handle) keys.push(handleKey(mention.handle));
  return keys;
}

/** The organisations a mention names: `(SparkFabrik, Cartografos)` is two; `Independent` none. */
function organizationsOf(mention: PersonMention, profile: Profile): string[] {
  return (mention.organization ?? '')
    .split(/\s*[,;]\s*/)
    .map((label) => label.trim())
    .filter((label) => label && !NO_ORGANIZATION.test(label) && isOrganizationLabel(label, profile));
}

function mergeOrganizations(mentions: readonly PersonMention[], profile: Profile): { organizations: Organization[]; byKey: Map<string, Organization> } {
  const groups = new Map<string, { labels: string[]; sources: Source[] }>();
  for (const mention of mentions) {
    for (const label of organizationsOf(mention, profile)) {
      const key = organizationKey(label);
      if (!key) continue;
      const group = groups.get(key) ?? { labels: [], sources: [] };
      group.labels.push(label);
      group.sources.push(mention.source);
      groups.set(key, group);
    }
  }
  const entries = [...groups.entries()].map(([key, group]) => {
    const label = mostFrequent(group.labels)!;
    return { key, label, aliases: [...new Set(group.labels)].filter((l) => l !== label).sort(), sources: group.sources };
  });
  const ids = assignIds(entries, 'organization', (e) => e.label, (e) => e.key);
  const byKey = new Map<string, Organization>();
  const organizations = entries.map((entry) => {
    const organization: Organization = { id: ids.get(entry)!, label: entry.label, aliases: entry.aliases, sources: entry.sources };
    byKey.set(entry.key, organization);
    for (const alias of [entry.label, ...entry.aliases]) byKey.set(organizationKey(alias), organization);
    return organization;
  });
  return { organizations, byKey };
}

/**
 * Merges person mentions into people: by folded name (`Andrés Vega` = `andres vega`), by GitHub
 * handle, and through mentions that give both. A name that is also an organisation's name is
 * not a person. Near-misses are reported, never merged.
 */
export function resolveIdentities(mentions: readonly PersonMention[], profile: Profile, decisions: IdentityDecisions = {}): Identities {
  const { organizations, byKey: organizationByKey } = mergeOrganizations(mentions, profile);
  const isOrganizationName = (name: string): boolean => organizationByKey.has(organizationKey(name));
  const kept = mentions.filter((mention) => !(mention.name && !mention.handle && isOrganizationName(mention.name)));

  const unionFind = new UnionFind();
  for (const mention of kept) {
    const [first, ...rest] = keysOf(mention);
    if (!first) continue;
    unionFind.find(first);
    for (const key of rest) unionFind.union(first, key);
  }
  // Confirmed merges join whatever the two names are joined to; a name nobody wrote is stale.
  const written = new Set(kept.flatMap((mention) => keysOf(mention)));
  const staleDecisions: Identities['staleDecisions'] = [];
  for (const [a, b] of decisions.same ?? []) {
    if (written.has(nameKey(a)) && written.has(nameKey(b))) unionFind.union(nameKey(a), nameKey(b));
    else staleDecisions.push({ kind: 'same', names: [a, b] });
  }

  const groups = new Map<string, PersonMention[]>();
  for (const mention of kept) {
    const [first] = keysOf(mention);
    if (!first) continue;
    const root = unionFind.find(first);
    const group = groups.get(root) ?? [];
    group.push(mention);
    groups.set(root, group);
  }

  const drafts = [...groups.entries()].map(([root, group]) => {
    const names = group.flatMap((m) => (m.name ? [m.name] : []));
    const handles = group.flatMap((m) => (m.handle ? [m.handle] : []));
    const handle = mostFrequent(handles);
    const label = mostFrequent(names) ?? `@${handle}`;
    // Handles are case-insensitive on GitHub: one spelling of each is enough.
    const handleAliases = [...new Map(handles.map((h) => [h.toLowerCase(), `@${handle && h.toLowerCase() === handle.toLowerCase() ? handle : h}`])).values()];
    const aliases = [...new Set([...names, ...handleAliases])].filter((a) => a !== label).sort();
    const organizationSources = new Map<string, Source[]>();
    for (const mention of group) {
      for (const label of organizationsOf(mention, profile)) {
        const organization = organizationByKey.get(organizationKey(label));
        if (organization) append(organizationSources, organization.label, mention.source);
      }
    }
    return {
      root,
      label,
      handle,
      aliases,
      organizations: [...organizationSources.entries()]
        .map(([label, sources]) => ({ label, sources }))
        .sort((a, b) => byCodePoint(a.label, b.label)),
      sources: group.map((m) => m.source),
    };
  });
  const ids = assignIds(drafts, 'person', (d) => d.label, (d) => d.root);
  const people: Person[] = drafts.map((draft) => ({
    id: ids.get(draft)!,
    label: draft.label,
    ...(draft.handle ? { handle: draft.handle } : {}),
    aliases: draft.aliases,
    organizations: draft.organizations,
    sources: draft.sources,
  }));
  const personByRoot = new Map(drafts.map((draft) => [draft.root, ids.get(draft)!]));
  // Pairs confirmed as different people are not reported again.
  const differentKeys = (decisions.different ?? []).map(([a, b]) => [foldKey(a), foldKey(b)].sort().join('\u0000'));
  const found = findPossibleDuplicates(people);
  const pairKey = (duplicate: PossibleDuplicate): string => [foldKey(duplicate.labels[0]), foldKey(duplicate.labels[1])].sort().join('\u0000');
  const duplicates = found.filter((duplicate) => !differentKeys.includes(pairKey(duplicate)));
  (decisions.different ?? []).forEach((names, index) => {
    if (!found.some((duplicate) => pairKey(duplicate) === differentKeys[index])) staleDecisions.push({ kind: 'different', names: [names[0], names[1]] });
  });

  return {
    people: people.sort((a, b) => byCodePoint(a.id, b.id)),
    organizations: organizations.sort((a, b) => byCodePoint(a.id, b.id)),
    personOf(mention) {
      const [first] = keysOf(mention);
      if (!first) return undefined;
      if (mention.name && !mention.handle && isOrganizationName(mention.name)) return undefined;
      return personByRoot.get(unionFind.find(first));
    },
    organizationOf(label) {
      const key = organizationKey(label);
      return organizationByKey.get(key)?.id;
    },
    possibleDuplicates: duplicates,
    staleDecisions,
  };
}

/** Pairs of people whose names are probably the same person's: one or two letters apart, or the same words in another order. */
function findPossibleDuplicates(people: readonly Person[]): PossibleDuplicate[] {
  const named = people
    .filter((person) => !person.label.startsWith('@'))
    .map((person) => ({ person, folded: foldKey(person.label), sortedWords: foldKey(person.label).split(' ').sort().join(' ') }));
  const duplicates: PossibleDuplicate[] = [];
  for (let i = 0; i < named.length; i += 1) {
    for (let j = i + 1; j < named.length; j += 1) {
      const a = named[i]!;
      const b = named[j]!;
      let reason: string | undefined;
      if (a.sortedWords === b.sortedWords && a.folded.includes(' ')) reason = 'same words in another order';
      else if (Math.min(a.folded.length, b.folded.length) >= 8 && Math.abs(a.folded.length - b.folded.length) <= 2) {
        const edits = distance(a.folded, b.folded);
        if (edits > 0 && edits <= (Math.min(a.folded.length, b.folded.length) >= 12 ? 2 : 1)) {
          reason = `names ${edits} letter${edits === 1 ? '' : 's'} apart`;
        }
      }
      if (!reason) continue;
      const [first, second] = a.person.id < b.person.id ? [a.person, b.person] : [b.person, a.person];
      duplicates.push({ a: first.id, b: second.id, labels: [first.label, second.label], reason });
    }
  }
  return duplicates.sort((x, y) => byCodePoint(x.a, y.a) || byCodePoint(x.b, y.b));
}
