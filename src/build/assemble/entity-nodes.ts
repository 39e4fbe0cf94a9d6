import { posix } from 'node:path';
import type { Attrs, Source } from '../../schema/graph.ts';
import type { DocumentFacts } from '../facts.ts';
import { mergeEntities, type Entity, type MentionRef, type ResolvedRef } from '../resolve/entities.ts';
import { assignIds, entityId, freeId } from '../ids.ts';
import { folderIndex } from '../resolve/links.ts';
import type { FolderProject } from '../resolve/projects.ts';
import { slugify } from '../text/fold.ts';
import { byCodePoint, mostFrequent } from '../text/order.ts';
import { documentId, nodeFor, type AssemblyContext } from './context.ts';
import { isFolderIndex } from './documents.ts';
import type { Subjects } from './subjects.ts';
import { append } from '../multimap.ts';

/**
 * Entities mentioned in tables (groups, compromises and their categories, publications, and
 * any registered kind merged by link or label), projects by folder convention, each with its
 * home page; then the repository's own group, groups known only from their own page, and the
 * pages that translate a home page. Returns which entity each table mention became, by mention key.
 */
export function addEntities(
  context: AssemblyContext,
  documents: readonly DocumentFacts[],
  projects: readonly FolderProject[],
  subjects: Subjects,
  repoName: string,
): Map<string, string> {
  const { builder, profile } = context;
  const projectIds = assignIds([...projects], 'project', (p) => p.label, (p) => p.folder);
  const mentions: MentionRef[] = documents.flatMap((doc) => doc.entities.map((mention) => ({ path: doc.path, mention })));
  const { entities, entityOf } = mergeEntities(mentions, context.resolve, context.registry.kindsWithIdentity('link-or-label'));
  for (const entity of entities) addEntityNode(context, entity);

  // Groups and compromises first: their home pages are theirs before any publication's.
  const categoryLabels = mostFrequentByKey(entities.flatMap((entity) => entity.categories), slugify);
  for (const entity of entities.filter((e) => e.kind !== 'publication')) {
    if (entity.home?.type === 'file' && context.documents.has(entity.home.path)) subjects.describe(entity.home.path, entity.id, entity.sources[0]!);
    for (const category of entity.categories) {
      const id = entityId('category', category);
      builder.addNode({ id, kind: 'category', label: categoryLabels.get(slugify(category))!, attrs: {}, sources: entity.sources });
      builder.addEdge({ source: entity.id, target: id, kind: 'in_category', sources: entity.sources });
    }
  }

  for (const project of projects) {
    const id = projectIds.get(project)!;
    subjects.addProject(project.folder, id);
    const source = { path: project.home ?? project.folder, line: 1 };
    const kindsOf = (assesses: boolean): string[] => [...new Set(project.documents.filter((d) => d.assesses === assesses).map((d) => d.kind))].sort();
    const assessments = kindsOf(true);
    const others = kindsOf(false);
    builder.addNode({
      id,
      kind: 'project',
      label: project.label,
      attrs: { folder: project.folder, ...(assessments.length > 0 || others.length === 0 ? { assessments } : {}), ...(others.length > 0 ? { documents: others } : {}) },
      sources: [source],
    });
    if (project.home) subjects.describe(project.home, id, source);
    for (const doc of project.documents) {
      builder.addEdge({ source: documentId(doc.path), target: id, kind: doc.assesses ? 'assesses' : 'about', role: doc.kind, sources: [{ path: doc.path, line: 1 }] });
    }
  }

  for (const entity of entities.filter((e) => e.kind === 'publication')) addPublicationFormats(context, entity, subjects);

  // Groups known from pages rather than tables merge by name, abbreviations folded
  // (`Platforms WG` on the README, `Platforms Working Group` on the website).
  const pageGroups = new Map<string, string>();
  const pageGroup = (label: string, source: Source, attrs: Attrs = {}): string => {
    const key = profile.groupKey(label);
    const known = pageGroups.get(key);
    if (known) {
      builder.addAliases(known, [label], [source]);
      return known;
    }
    const id = freeId('group', label, (taken) => builder.hasNode(taken));
    builder.addNode({ id, kind: 'group', label, attrs, sources: [source] });
    pageGroups.set(key, id);
    return id;
  };
  const titleOf = new Map(documents.map((doc) => [doc.path, doc.title]));

  const rootIndex = folderIndex(context.files, '');
  if (profile.recognises('group-pages') && rootIndex && context.documents.has(rootIndex) && !subjects.isDescribed(rootIndex)) {
    const id = pageGroup(titleOf.get(rootIndex) ?? repoName, { path: rootIndex, line: 1 }, { root: true });
    subjects.setRootGroup(id);
    subjects.describe(rootIndex, id, { path: rootIndex, line: 1 });
  }

  // A folder's index that names its own leads but is about nothing yet is the home of a group
  // (an archived working group that no table lists, say). A charter that names leads is about
  // the group whose folder holds it.
  if (profile.recognises('group-pages')) {
    for (const doc of documents) {
      if (doc.path === rootIndex || subjects.ownSubject(doc.path) || context.originalOf.has(doc.path)) continue;
      const governance = doc.roles.find((role) => role.subject.type === 'document' && profile.isGovernanceRole(role.role));
      if (!governance) continue;
      const source = governance.person.source;
      if (profile.charterPath.test(doc.path.toLowerCase())) {
        const home = charterOwner(context, doc.path);
        if (!home || home === rootIndex || context.originalOf.has(home)) continue;
        const id = subjects.ownSubject(home) ?? pageGroup(titleOf.get(home) ?? doc.title, source);
        if (!subjects.ownSubject(home)) subjects.describe(home, id, source);
        subjects.attach(doc.path, id, 'charter', source);
        continue;
      }
      if (!isFolderIndex(context.files, doc.path)) continue;
      subjects.describe(doc.path, pageGroup(doc.title, source), source);
    }
  }

  // A page that translates an entity's home page is a home page too, in its language, and its
  // title is one of the entity's names; one that translates a charter is about the same group.
  for (const [path, original] of [...context.originalOf].sort(([a], [b]) => byCodePoint(a, b))) {
    const id = subjects.ownSubject(original);
    if (!id || subjects.isDescribed(path)) continue;
    const source = { path, line: 1 };
    const attachment = subjects.attachment(original);
    if (attachment) subjects.attach(path, attachment.id, attachment.role, source);
    if (!subjects.isDescribed(original)) continue;
    subjects.describe(path, id, source);
    const title = titleOf.get(path);
    if (title) builder.addAliases(id, [title], [source]);
  }
  return entityOf;
}

/**
 * The index page of the folder a charter belongs to: `x/charter.md` and `x/charter/README.md`
 * both belong to `x/`. A folder is a charter's own by the profile's `charterPath`, as the file is.
 */
function charterOwner(context: AssemblyContext, path: string): string | undefined {
  let folder = posix.dirname(path);
  if (isFolderIndex(context.files, path) || context.profile.charterPath.test(`${posix.basename(folder).toLowerCase()}/`)) folder = posix.dirname(folder);
  const index = folderIndex(context.files, folder === '.' ? '' : folder);
  return index && context.documents.has(index) ? index : undefined;
}

function addEntityNode(context: AssemblyContext, entity: Entity): void {
  const formats = [...new Set(entity.formats.map((f) => f.format))].sort();
  context.builder.addNode({
    id: entity.id,
    kind: entity.kind,
    label: entity.label,
    attrs: { ...entity.attrs, ...(entity.aliases.length > 0 ? { aliases: entity.aliases } : {}), ...(formats.length > 0 ? { formats } : {}) },
    sources: entity.sources,
  });
}

/** `has_format` edges to every format; the first markdown format (not a translation) is the home page. */
function addPublicationFormats(context: AssemblyContext, entity: Entity, subjects: Subjects): void {
  const formats =
    entity.formats.length > 0
      ? entity.formats
      : entity.home
        ? [{ format: formatFromPath(entity.home), label: '', translation: false, target: entity.home, source: entity.sources[0]! }]
        : [];
  for (const format of formats) {
    const target = nodeFor(context, format.target, format.source);
    const attrs = { ...(format.label ? { label: format.label } : {}), ...(format.target.type === 'external' ? { url: format.target.url } : {}), translation: format.translation };
    context.builder.addEdge({ source: entity.id, target, kind: 'has_format', role: format.format, attrs, sources: [format.source] });
    if (format.target.type === 'file' && context.documents.has(format.target.path)) subjects.addFormat(format.target.path, entity.id);
  }
  const home = formats.find((f) => f.target.type === 'file' && context.documents.has(f.target.path) && !f.translation);
  if (home?.target.type === 'file' && !subjects.isDescribed(home.target.path)) subjects.describe(home.target.path, entity.id, home.source);
}

function formatFromPath(ref: ResolvedRef): string {
  if (ref.type === 'external') return 'web';
  const extension = posix.extname(ref.path).slice(1).toLowerCase();
  return extension === 'md' || extension === 'markdown' ? 'markdown' : extension || 'file';
}

/** For each key, the label written most often under it. */
function mostFrequentByKey(labels: readonly string[], keyOf: (label: string) => string): Map<string, string> {
  const byKey = new Map<string, string[]>();
  for (const label of labels) append(byKey, keyOf(label), label);
  return new Map([...byKey].map(([key, written]) => [key, mostFrequent(written)!]));
}
