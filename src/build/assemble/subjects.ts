import { posix } from 'node:path';
import type { Source } from '../../schema/graph.ts';
import { folderIndex } from '../resolve/links.ts';
import { GOVERNANCE_ROLES } from '../text/roles.ts';
import { documentId, type AssemblyContext } from './context.ts';

/**
 * What each document is about. Filled as entities are placed (`describe`, `addFormat`,
 * `addProject`), then asked where a role stated in a document is held (`subjectOf`).
 */
export class Subjects {
  private readonly described = new Map<string, string>();
  private readonly formatOf = new Map<string, string>();
  private readonly projectOfFolder = new Map<string, string>();
  private rootGroup: string | undefined;

  constructor(private readonly context: AssemblyContext) {}

  /** `path` is the home page of entity `id`; the first entity to claim a page keeps it. */
  describe(path: string, id: string, source: Source): void {
    this.context.builder.addEdge({ source: documentId(path), target: id, kind: 'describes', sources: [source] });
    if (!this.described.has(path)) this.described.set(path, id);
  }

  isDescribed(path: string): boolean {
    return this.described.has(path);
  }

  /** `path` holds a format of publication `id`. */
  addFormat(path: string, id: string): void {
    if (!this.formatOf.has(path)) this.formatOf.set(path, id);
  }

  /** Everything under `folder` belongs to project `id`. */
  addProject(folder: string, id: string): void {
    this.projectOfFolder.set(folder, id);
  }

  /** The repository's own group, whose home is the root index. */
  setRootGroup(id: string): void {
    this.rootGroup = id;
  }

  /** What the document itself is the home or a format of, or the project it lies in. */
  ownSubject(path: string): string | undefined {
    const own = this.described.get(path) ?? this.formatOf.get(path);
    if (own) return own;
    for (let folder = posix.dirname(path); folder !== '.'; folder = posix.dirname(folder)) {
      const project = this.projectOfFolder.get(folder);
      if (project) return project;
    }
    return undefined;
  }

  /**
   * Where a role stated in a document is held: the document's own subject; else, for
   * governance roles, the nearest group above it (the repository's own group at the top), and
   * for contribution roles the document itself.
   */
  subjectOf(path: string, role: string): string {
    const own = this.ownSubject(path);
    if (own) return own;
    if (!GOVERNANCE_ROLES.has(role)) return documentId(path);
    for (let folder = posix.dirname(path); folder !== '.'; folder = posix.dirname(folder)) {
      const index = folderIndex(this.context.files, folder);
      const about = index && index !== path ? this.described.get(index) : undefined;
      if (about?.startsWith('group:')) return about;
    }
    return this.rootGroup ?? documentId(path);
  }
}
