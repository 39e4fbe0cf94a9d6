import { posix } from 'node:path';
import type { BrokenLink, GraphDocument, PossibleDuplicate, RepoInfo, Source, Warning } from '../schema/graph.ts';
import { SCHEMA_VERSION } from '../schema/graph.ts';
import type { DocumentFacts, EntityMention, PersonMention, Subject } from './facts.ts';
import { GraphBuilder } from './graph-builder.ts';
import { mergeEntities, type Entity, type MentionRef, type ResolvedRef } from './resolve/entities.ts';
import { assignIds, resolveIdentities } from './resolve/identity.ts';
import { folderIndex, LinkResolver, type LinkTarget } from './resolve/links.ts';
import { findAssessedProjects } from './resolve/projects.ts';
import { slugify } from './text/fold.ts';
import { GOVERNANCE_ROLES } from './text/roles.ts';

export interface AssembleInput {
  repo: RepoInfo;
  /** `owner/name` of the repository on GitHub, to read its own URLs as paths. */
  remoteSlug?: string;
  /** Every kept file, repo-relative. */
  files: readonly string[];
  aliases: ReadonlyMap<string, string>;
  /** Paths the build left out. */
  excluded?: readonly string[];
  documents: readonly DocumentFacts[];
}

export interface Assembled {
  graph: GraphDocument;
  brokenLinks: BrokenLink[];
  possibleDuplicates: PossibleDuplicate[];
  warnings: Warning[];
}

export const documentId = (path: string): string => `doc:${path}`;
const assetId = (path: string): string => `asset:${path}`;
const externalId = (key: string): string => `external:${key}`;

/**
 * Turns per-document facts into the graph: resolves links, merges entities and people, decides
 * what each document is about, and emits nodes and edges with their sources. Pure.
 */
export function assemble(input: AssembleInput): Assembled {
  const builder = new GraphBuilder();
  const fileSet = new Set(input.files);
  const documentPaths = new Set(input.documents.map((doc) => doc.path));
  const anchors = new Map(input.documents.map((doc) => [doc.path, new Set(doc.headings.map((h) => h.anchor.toLowerCase()))]));
  const resolver = new LinkResolver({ files: fileSet, anchors, aliases: input.aliases, excluded: input.excluded ?? [] }, input.remoteSlug ? { slug: input.remoteSlug } : {});
  const resolveCache = new Map<string, LinkTarget>();
  const resolve = (fromPath: string, href: string): LinkTarget => {
    const key = `${fromPath}\u0000${href}`;
    let target = resolveCache.get(key);
    if (!target) {
      target = resolver.resolve(fromPath, href);
      resolveCache.set(key, target);
    }
    return target;
  };
  const brokenLinks: BrokenLink[] = [];
  const warnings: Warning[] = input.documents.flatMap((doc) => doc.warnings);

  // Documents.
  for (const doc of input.documents) {
    builder.addNode({
      id: documentId(doc.path),
      kind: 'document',
      label: doc.title,
      path: doc.path,
      attrs: {
        title: doc.title,
        headings: doc.headings.map((h) => h.text),
        words: doc.words,
        ...(doc.summary ? { summary: doc.summary } : {}),
        ...(doc.date ? { date: doc.date } : {}),
      },
      sources: [{ path: doc.path, line: 1 }],
    });
  }

  /** The node a resolved reference stands for, created on first use. */
  const nodeFor = (ref: ResolvedRef, source: Source): string => {
    if (ref.type === 'external') {
      return builder.addNode({ id: externalId(ref.key), kind: 'external', label: ref.key, attrs: { urls: [ref.url] }, sources: [source] });
    }
    if (documentPaths.has(ref.path)) return documentId(ref.path);
    return builder.addNode({ id: assetId(ref.path), kind: 'asset', label: posix.basename(ref.path), path: ref.path, sources: [source] });
  };

  // Links.
  for (const doc of input.documents) {
    for (const link of doc.links) {
      const source = { path: doc.path, line: link.line };
      const target = resolve(doc.path, link.href);
      if (target.type === 'broken') {
        brokenLinks.push({ source: doc.path, line: link.line, target: target.target, reason: target.reason, ...(target.suggestion ? { suggestion: target.suggestion } : {}) });
      }
      if (target.type === 'broken' && target.path && target.path !== doc.path) {
        // The file is there; only the anchor is missing. It is still a link to that file.
        builder.addEdge({ source: documentId(doc.path), target: nodeFor({ type: 'file', path: target.path }, source), kind: 'links_to', sources: [source] });
      } else if (target.type === 'file') {
        const to = nodeFor({ type: 'file', path: target.path }, source);
        if (to !== documentId(doc.path)) builder.addEdge({ source: documentId(doc.path), target: to, kind: 'links_to', ...(target.anchor ? { anchor: target.anchor } : {}), sources: [source] });
      } else if (target.type === 'external') {
        const to = nodeFor({ type: 'external', url: target.url, key: target.key }, source);
        builder.addEdge({ source: documentId(doc.path), target: to, kind: 'links_to', attrs: { urls: [target.url] }, sources: [source] });
      }
    }
  }

  // Folder structure: each document is part of the nearest index document above it.
  for (const path of [...documentPaths].sort()) {
    const parent = nearestIndexAbove(fileSet, path);
    if (parent && documentPaths.has(parent)) builder.addEdge({ source: documentId(path), target: documentId(parent), kind: 'part_of', sources: [{ path, line: 1 }] });
  }

  // Entities named in tables.
  const mentions: MentionRef[] = input.documents.flatMap((doc) => doc.entities.map((mention) => ({ path: doc.path, mention })));
  const titles = new Map(input.documents.map((doc) => [doc.path, doc.title]));
  const projects = findAssessedProjects([...documentPaths].sort(), titles);
  const projectIds = assignIds(projects, 'project', (p) => p.label, (p) => p.folder);
  const projectHome = new Map(projects.flatMap((project) => (project.home ? [[project.folder, project.home] as const] : [])));
  // A table that links a project's folder (which has no index page) means the project's home page.
  const resolveForEntity = (fromPath: string, href: string): LinkTarget => {
    const target = resolve(fromPath, href);
    const home = target.type === 'folder' ? projectHome.get(target.path) : undefined;
    return home ? { type: 'file', path: home } : target;
  };
  const { entities, entityOf } = mergeEntities(mentions, resolveForEntity);
  /** Which entity each document is the home of, most specific kind first. */
  const described = new Map<string, string>();
  const formatOf = new Map<string, string>();
  const describe = (path: string, id: string, source: Source): void => {
    builder.addEdge({ source: documentId(path), target: id, kind: 'describes', sources: [source] });
    if (!described.has(path)) described.set(path, id);
  };
  for (const entity of entities) addEntity(builder, entity);
  const categoryLabels = mostFrequentByKey(entities.flatMap((entity) => entity.categories), slugify);
  for (const entity of entities.filter((e) => e.kind !== 'publication')) {
    if (entity.home?.type === 'file' && documentPaths.has(entity.home.path)) describe(entity.home.path, entity.id, entity.sources[0]!);
    for (const category of entity.categories) {
      const id = `category:${slugify(category)}`;
      builder.addNode({ id, kind: 'category', label: categoryLabels.get(slugify(category))!, attrs: {}, sources: entity.sources });
      builder.addEdge({ source: entity.id, target: id, kind: 'in_category', sources: entity.sources });
    }
  }

  // Assessed projects, by folder convention.
  const projectOfFolder = new Map<string, string>();
  for (const project of projects) {
    const id = projectIds.get(project)!;
    projectOfFolder.set(project.folder, id);
    const source = { path: project.home ?? project.folder, line: 1 };
    builder.addNode({ id, kind: 'project', label: project.label, attrs: { folder: project.folder, assessments: [...new Set(project.documents.map((d) => d.kind))].sort() }, sources: [source] });
    if (project.home) describe(project.home, id, source);
    for (const doc of project.documents) builder.addEdge({ source: documentId(doc.path), target: id, kind: 'assesses', role: doc.kind, sources: [{ path: doc.path, line: 1 }] });
  }

  // Publications come after groups, projects and compromises: a document that is both a
  // publication's format and a group's home is about the group.
  for (const entity of entities.filter((e) => e.kind === 'publication')) {
    const formats = entity.formats.length > 0 ? entity.formats : entity.home ? [{ format: formatFromPath(entity.home), label: '', translation: false, target: entity.home, source: entity.sources[0]! }] : [];
    for (const format of formats) {
      const target = nodeFor(format.target, format.source);
      const attrs = { ...(format.label ? { label: format.label } : {}), ...(format.target.type === 'external' ? { url: format.target.url } : {}), translation: format.translation };
      builder.addEdge({ source: entity.id, target, kind: 'has_format', role: format.format, attrs, sources: [format.source] });
      if (format.target.type === 'file' && documentPaths.has(format.target.path) && !formatOf.has(format.target.path)) formatOf.set(format.target.path, entity.id);
    }
    const home = formats.find((f) => f.target.type === 'file' && documentPaths.has(f.target.path) && !f.translation);
    if (home?.target.type === 'file' && !described.has(home.target.path)) describe(home.target.path, entity.id, home.source);
  }

  // The repository's own group: its root index document is about it.
  const rootIndex = folderIndex(fileSet, '');
  let rootGroup: string | undefined;
  if (rootIndex && documentPaths.has(rootIndex) && !described.has(rootIndex)) {
    const label = titles.get(rootIndex) ?? input.repo.name;
    rootGroup = builder.addNode({ id: `group:${slugify(label)}`, kind: 'group', label, attrs: { root: true }, sources: [{ path: rootIndex, line: 1 }] });
    describe(rootIndex, rootGroup, { path: rootIndex, line: 1 });
  }

  const projectOf = (path: string): string | undefined => {
    for (let folder = posix.dirname(path); folder !== '.'; folder = posix.dirname(folder)) {
      const project = projectOfFolder.get(folder);
      if (project) return project;
    }
    return undefined;
  };
  const ownSubject = (path: string): string | undefined => described.get(path) ?? formatOf.get(path) ?? projectOf(path);

  // A folder's index that names its own leads but is about nothing yet is the home of a group
  // (an archived working group that no table lists, say).
  for (const doc of input.documents) {
    if (doc.path === rootIndex || ownSubject(doc.path) || !isFolderIndex(fileSet, doc.path)) continue;
    const governance = doc.roles.find((role) => role.subject.type === 'document' && GOVERNANCE_ROLES.has(role.role));
    if (!governance) continue;
    let id = `group:${slugify(doc.title)}`;
    for (let n = 2; builder.hasNode(id); n += 1) id = `group:${slugify(doc.title)}-${n}`;
    builder.addNode({ id, kind: 'group', label: doc.title, attrs: {}, sources: [governance.person.source] });
    describe(doc.path, id, governance.person.source);
  }

  /**
   * What a role stated in a document is held in: what the document is the home or a format of,
   * or its project; else, for governance roles, the nearest group above it (the repository's
   * own group at the top), and for contribution roles the document itself.
   */
  const subjectOf = (path: string, role: string): string => {
    const own = ownSubject(path);
    if (own) return own;
    if (!GOVERNANCE_ROLES.has(role)) return documentId(path);
    for (let folder = posix.dirname(path); folder !== '.'; folder = posix.dirname(folder)) {
      const index = folderIndex(fileSet, folder);
      const about = index && index !== path ? described.get(index) : undefined;
      if (about?.startsWith('group:')) return about;
    }
    return rootGroup ?? documentId(path);
  };

  // People: roles, authorship, affiliations.
  const personMentions: PersonMention[] = input.documents.flatMap((doc) => [...doc.roles.map((r) => r.person), ...doc.authors, ...doc.people]);
  const identities = resolveIdentities(personMentions);
  for (const person of identities.people) {
    builder.addNode({
      id: person.id,
      kind: 'person',
      label: person.label,
      attrs: {
        ...(person.handle ? { handle: person.handle } : {}),
        ...(person.organizations[0] ? { organization: person.organizations.map((o) => o.label).join(', ') } : {}),
        ...(person.aliases.length > 0 ? { aliases: person.aliases } : {}),
      },
      sources: person.sources,
    });
  }
  for (const organization of identities.organizations) {
    builder.addNode({ id: organization.id, kind: 'organization', label: organization.label, attrs: organization.aliases.length > 0 ? { aliases: organization.aliases } : {}, sources: organization.sources });
  }
  for (const person of identities.people) {
    for (const organization of person.organizations) {
      const id = identities.organizationOf(organization.label);
      if (id) builder.addEdge({ source: person.id, target: id, kind: 'affiliated_with', sources: organization.sources });
    }
  }
  for (const doc of input.documents) {
    const subjectId = (subject: Subject, role: string): string | undefined => {
      if (subject.type === 'document') return subjectOf(doc.path, role);
      const mention: EntityMention | undefined = doc.entities[subject.index];
      return mention ? entityOf.get(mention) : undefined;
    };
    for (const role of doc.roles) {
      const person = identities.personOf(role.person);
      const target = subjectId(role.subject, role.role);
      if (!person || !target) continue;
      builder.addEdge({ source: person, target, kind: 'role', role: role.role, ...(role.attrs ? { attrs: role.attrs } : {}), sources: [role.person.source] });
    }
    for (const author of doc.authors) {
      const person = identities.personOf(author);
      if (person) builder.addEdge({ source: person, target: documentId(doc.path), kind: 'author', sources: [author.source] });
    }
  }

  const { nodes, edges } = builder.build();
  brokenLinks.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.line - b.line || (a.target < b.target ? -1 : 1)));
  return {
    graph: { schemaVersion: SCHEMA_VERSION, repo: input.repo, nodes, edges },
    brokenLinks,
    possibleDuplicates: identities.possibleDuplicates,
    warnings,
  };
}

function addEntity(builder: GraphBuilder, entity: Entity): void {
  builder.addNode({
    id: entity.id,
    kind: entity.kind,
    label: entity.label,
    attrs: { ...entity.attrs, ...(entity.aliases.length > 0 ? { aliases: entity.aliases } : {}), ...(entity.formats.length > 0 ? { formats: [...new Set(entity.formats.map((f) => f.format))].sort() } : {}) },
    sources: entity.sources,
  });
}

/** For each key, the label written most often under it (ties: code-point order). */
function mostFrequentByKey(labels: readonly string[], keyOf: (label: string) => string): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const label of labels) {
    const perKey = counts.get(keyOf(label)) ?? new Map<string, number>();
    perKey.set(label, (perKey.get(label) ?? 0) + 1);
    counts.set(keyOf(label), perKey);
  }
  const result = new Map<string, string>();
  for (const [key, perKey] of counts) {
    result.set(key, [...perKey.entries()].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0]![0]);
  }
  return result;
}

function formatFromPath(ref: ResolvedRef): string {
  if (ref.type === 'external') return 'web';
  const extension = posix.extname(ref.path).slice(1).toLowerCase();
  return extension === 'md' || extension === 'markdown' ? 'markdown' : extension || 'file';
}

function isFolderIndex(files: ReadonlySet<string>, path: string): boolean {
  const folder = posix.dirname(path);
  return folderIndex(files, folder === '.' ? '' : folder) === path;
}

/** The index document of the nearest folder above `path` (for an index, above its own folder). */
function nearestIndexAbove(files: ReadonlySet<string>, path: string): string | undefined {
  let folder = posix.dirname(path);
  const ownIndex = folderIndex(files, folder === '.' ? '' : folder);
  if (ownIndex && ownIndex !== path) return ownIndex;
  while (folder !== '.' && folder !== '') {
    folder = posix.dirname(folder);
    const index = folderIndex(files, folder === '.' ? '' : folder);
    if (index && index !== path) return index;
  }
  return undefined;
}
