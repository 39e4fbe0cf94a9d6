import { posix } from 'node:path';
import { documentNodeId, type Source } from '../../schema/graph.ts';
import type { KindRegistry } from '../../kinds/registry.ts';
import type { Profile } from '../../profiles/profile.ts';
import type { GraphBuilder } from '../graph-builder.ts';
import type { ResolvedRef } from '../resolve/entities.ts';
import type { LinkTarget } from '../resolve/links.ts';

/** Document ids follow the shared contract; assets and external sites are the build's own. */
export const documentId = documentNodeId;
const assetId = (path: string): string => `asset:${path}`;
const externalId = (key: string): string => `external:${key}`;

/** What every assembly step shares: the graph being built and the repository's files. */
export interface AssemblyContext {
  builder: GraphBuilder;
  /** Every kept file. */
  files: ReadonlySet<string>;
  /** The markdown documents among them. */
  documents: ReadonlySet<string>;
  profile: Profile;
  registry: KindRegistry;
  /** A translated document's original. */
  originalOf: ReadonlyMap<string, string>;
  /** Link resolution, memoised. */
  resolve(fromPath: string, href: string): LinkTarget;
}

/** The node a resolved reference stands for: a document, or an asset or external site created on first use. */
export function nodeFor(context: AssemblyContext, ref: ResolvedRef, source: Source): string {
  if (ref.type === 'external') {
    // The addresses linked are on the edges that reach the site: the app gathers them from there.
    return context.builder.addNode({ id: externalId(ref.key), kind: 'external', label: ref.key, sources: [source] });
  }
  if (context.documents.has(ref.path)) return documentId(ref.path);
  return context.builder.addNode({ id: assetId(ref.path), kind: 'asset', label: posix.basename(ref.path), path: ref.path, sources: [source] });
}
