import type { BrokenLink, GraphDocument, PossibleDuplicate, RepoInfo, Warning } from '../../schema/graph.ts';
import { SCHEMA_VERSION } from '../../schema/graph.ts';
import type { KindRegistry } from '../../kinds/registry.ts';
import type { Profile } from '../../profiles/profile.ts';
import type { DocumentFacts } from '../facts.ts';
import { GraphBuilder } from '../graph-builder.ts';
import { LinkResolver, type LinkTarget } from '../resolve/links.ts';
import type { Identities, IdentityDecisions } from '../resolve/identity.ts';
import { findFolderProjects } from '../resolve/projects.ts';
import { findTranslations } from '../resolve/translations.ts';
import type { AssemblyContext } from './context.ts';
import { addDocuments } from './documents.ts';
import { addEntities } from './entity-nodes.ts';
import { addPeople } from './people.ts';
import { Subjects } from './subjects.ts';

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
  profile: Profile;
  registry: KindRegistry;
  /** People confirmed as one or as different. */
  identityDecisions?: IdentityDecisions;
}

export interface Assembled {
  graph: GraphDocument;
  brokenLinks: BrokenLink[];
  possibleDuplicates: PossibleDuplicate[];
  staleIdentityDecisions: Identities['staleDecisions'];
  warnings: Warning[];
}

/**
 * Turns per-document facts into the graph, in steps that each add one part: documents and
 * links; entities with their home pages (which decides what each document is about); people
 * with their roles. Pure.
 */
export function assemble(input: AssembleInput): Assembled {
  const files = new Set(input.files);
  const anchors = new Map(input.documents.map((doc) => [doc.path, new Set([...doc.headings.map((h) => h.anchor.toLowerCase()), ...doc.anchors])]));
  const resolver = new LinkResolver({ files, anchors, aliases: input.aliases, excluded: input.excluded ?? [] }, { ...(input.remoteSlug ? { slug: input.remoteSlug } : {}), ...((input.repo.commit ?? input.repo.ref) ? { ref: input.repo.ref ?? input.repo.commit } : {}) });
  const titles = new Map(input.documents.map((doc) => [doc.path, doc.title]));
  const projects = input.profile.recognises('project-folders') ? findFolderProjects(input.documents.map((doc) => doc.path).sort(), titles, input.profile) : [];
  const translations = input.profile.recognises('translations') ? findTranslations(input.documents) : { languageOf: new Map<string, string>(), originalOf: new Map<string, string>() };
  // A project's folder has no index page; a link to it means the project's home page.
  const projectHome = new Map(projects.flatMap((project) => (project.home ? [[project.folder, project.home] as const] : [])));
  const resolved = new Map<string, LinkTarget>();
  const context: AssemblyContext = {
    builder: new GraphBuilder(),
    files,
    documents: new Set(input.documents.map((doc) => doc.path)),
    profile: input.profile,
    registry: input.registry,
    originalOf: translations.originalOf,
    resolve(fromPath, href) {
      const key = `${fromPath}\u0000${href}`;
      let target = resolved.get(key);
      if (!target) {
        target = resolver.resolve(fromPath, href);
        const home = target.type === 'folder' ? projectHome.get(target.path) : undefined;
        if (home) target = { type: 'file', path: home };
        resolved.set(key, target);
      }
      return target;
    },
  };
  const subjects = new Subjects(context);
  const brokenLinks = addDocuments(context, input.documents, translations.languageOf);
  const entityOf = addEntities(context, input.documents, projects, subjects, input.repo.name);
  const { possibleDuplicates, staleDecisions } = addPeople(context, input.documents, subjects, entityOf, input.identityDecisions ?? {});
  const { nodes, edges } = context.builder.build();
  const unknownKind = nodes.find((node) => !input.registry.has(node.kind));
  if (unknownKind) throw new Error(`node ${unknownKind.id} is of kind "${unknownKind.kind}", which is not registered`);
  const unknownEdge = edges.find((edge) => !input.registry.hasEdge(edge.kind));
  if (unknownEdge) throw new Error(`edge ${unknownEdge.source} -> ${unknownEdge.target} is of kind "${unknownEdge.kind}", which is not registered`);
  const kinds = input.registry.catalog(new Set(nodes.map((node) => node.kind)), new Set(edges.map((edge) => edge.kind)));
  return {
    graph: { schemaVersion: SCHEMA_VERSION, repo: input.repo, kinds, nodes, edges },
    brokenLinks,
    possibleDuplicates,
    staleIdentityDecisions: staleDecisions,
    warnings: input.documents.flatMap((doc) => doc.warnings),
  };
}
