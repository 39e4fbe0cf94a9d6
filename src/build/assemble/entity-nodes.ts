import { posix } from 'node:path';
import type { DocumentFacts, EntityMention } from '../facts.ts';
import { mergeEntities, type Entity, type MentionRef, type ResolvedRef } from '../resolve/entities.ts';
import { assignIds } from '../resolve/identity.ts';
import { folderIndex } from '../resolve/links.ts';
import type { AssessedProject } from '../resolve/projects.ts';
import { slugify } from '../text/fold.ts';
import { mostFrequent } from '../text/order.ts';
import { GOVERNANCE_ROLES } from '../text/roles.ts';
import { documentId, nodeFor, type AssemblyContext } from './context.ts';
import { isFolderIndex } from './documents.ts';
import type { Subjects } from './subjects.ts';

/**
 * Groups, compromises and their categories, assessed projects and publications, each with its
 * home page; then the repository's own group and groups known only from their own page.
 * Returns which entity each table mention became.
 */
export function addEntities(
  context: AssemblyContext,
  documents: readonly DocumentFacts[],
  projects: readonly AssessedProject[],
  subjects: Subjects,
  repoName: string,
): Map<EntityMention, string> {
  const { builder } = context;
  const projectIds = assignIds([...projects], 'project', (p) => p.label, (p) => p.folder);
  const mentions: MentionRef[] = documents.flatMap((doc) => doc.entities.map((mention) => ({ path: doc.path, mention })));
  const { entities, entityOf } = mergeEntities(mentions, context.resolve);
  for (const entity of entities) addEntityNode(context, entity);

  // Groups and compromises first: their home pages are theirs before any publication's.
  const categoryLabels = mostFrequentByKey(entities.flatMap((entity) => entity.categories), slugify);
  for (const entity of entities.filter((e) => e.kind !== 'publication')) {
    if (entity.home?.type === 'file' && context.documents.has(entity.home.path)) subjects.describe(entity.home.path, entity.id, entity.sources[0]!);
    for (const category of entity.categories) {
      const id = `category:${slugify(category)}`;
      builder.addNode({ id, kind: 'category', label: categoryLabels.get(slugify(category))!, attrs: {}, sources: entity.sources });
      builder.addEdge({ source: entity.id, target: id, kind: 'in_category', sources: entity.sources });
    }
  }

  for (const project of projects) {
    const id = projectIds.get(project)!;
    subjects.addProject(project.folder, id);
    const source = { path: project.home ?? project.folder, line: 1 };
    builder.addNode({ id, kind: 'project', label: project.label, attrs: { folder: project.folder, assessments: [...new Set(project.documents.map((d) => d.kind))].sort() }, sources: [source] });
    if (project.home) subjects.describe(project.home, id, source);
    for (const doc of project.documents) builder.addEdge({ source: documentId(doc.path), target: id, kind: 'assesses', role: doc.kind, sources: [{ path: doc.path, line: 1 }] });
  }

  for (const entity of entities.filter((e) => e.kind === 'publication')) addPublicationFormats(context, entity, subjects);

  const rootIndex = folderIndex(context.files, '');
  if (rootIndex && context.documents.has(rootIndex) && !subjects.isDescribed(rootIndex)) {
    const label = documents.find((doc) => doc.path === rootIndex)?.title ?? repoName;
    const id = builder.addNode({ id: `group:${slugify(label)}`, kind: 'group', label, attrs: { root: true }, sources: [{ path: rootIndex, line: 1 }] });
    subjects.setRootGroup(id);
    subjects.describe(rootIndex, id, { path: rootIndex, line: 1 });
  }

  // A folder's index that names its own leads but is about nothing yet is the home of a group
  // (an archived working group that no table lists, say).
  for (const doc of documents) {
    if (doc.path === rootIndex || subjects.ownSubject(doc.path) || !isFolderIndex(context.files, doc.path)) continue;
    const governance = doc.roles.find((role) => role.subject.type === 'document' && GOVERNANCE_ROLES.has(role.role));
    if (!governance) continue;
    let id = `group:${slugify(doc.title)}`;
    for (let n = 2; builder.hasNode(id); n += 1) id = `group:${slugify(doc.title)}-${n}`;
    builder.addNode({ id, kind: 'group', label: doc.title, attrs: {}, sources: [governance.person.source] });
    subjects.describe(doc.path, id, governance.person.source);
  }
  return entityOf;
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
  for (const label of labels) byKey.set(keyOf(label), [...(byKey.get(keyOf(label)) ?? []), label]);
  return new Map([...byKey].map(([key, written]) => [key, mostFrequent(written)!]));
}
