import { posix } from 'node:path';
import type { Source } from '../../schema/graph.ts';
import { folderIndex } from '../resolve/links.ts';
import { documentId, type AssemblyContext } from './context.ts';

/**
 * What each document is about. Filled as entities are placed (`describe`, `addFormat`,
 * `addProject`), then asked where a role stated in a document is held (`subjectOf`).
 */
export class Subjects {
  private readonly described = new Map<string, string>();
  private readonly formatOf = new Map<string, string>();
  private readonly attached = new Map<string, { id: string; role: string }>();
  private readonly projectOfFolder = new Map<string, string>();
  private rootGroup: string | undefined;

  constructor(private readonly context: AssemblyContext) {}

  /** `path` is the home page of entity `id`; the first entity to claim a page keeps it. */
  describe(path: string, id: string, source: Source): void {
    this.context.builder.addEdge({ source: documentId(path), target: id, kind: 'describes', sources: [source] });
    if (!this.described.has(path)) this.described.set(path, id);
  }

  /** `path` is about entity `id` without being its home (a charter): its roles are held there. */
  attach(path: string, id: string, role: string, source: Source): void {
    this.context.builder.addEdge({ source: documentId(path), target: id, kind: 'about', role, sources: [source] });
    if (!this.attached.has(path)) this.attached.set(path, { id, role });
  }

  /** What `attach` said `path` is about, and as what. */
  attachment(path: string): { id: string; role: string } | undefined {
    return this.attached.get(path);
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

  /** What the document itself is the home or a format of, what its original is about, or the project it lies in. */
  ownSubject(path: string): string | undefined {
    const own = this.described.get(path) ?? this.formatOf.get(path) ?? this.attached.get(path)?.id;
    if (own) return own;
    const original = this.context.originalOf.get(path);
    if (original) return this.ownSubject(original);
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
    if (!this.context.profile.isGovernanceRole(role)) return documentId(path);
    const original = this.context.originalOf.get(path);
    if (original) return this.subjectOf(original, role);
    for (let folder = posix.dirname(path); folder !== '.'; folder = posix.dirname(folder)) {
      const index = folderIndex(this.context.files, folder);
      const about = index && index !== path ? this.described.get(index) : undefined;
      if (about?.startsWith('group:')) return about;
    }
    return this.rootGroup ?? documentId(path);
  }
}
