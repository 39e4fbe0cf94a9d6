import type { EdgeKindInfo, KindCatalog, NodeKindInfo } from '../schema/kinds.ts';
import { assetKind } from './asset/index.ts';
import { categoryKind } from './category/index.ts';
import { compromiseKind } from './compromise/index.ts';
import { documentKind } from './document/index.ts';
import { EDGE_KIND_INFOS } from './edges.ts';
import { externalKind } from './external/index.ts';
import { groupKind } from './group/index.ts';
import type { IdentityRule, KindModule, TableRecogniser } from './kind.ts';
import { organizationKind } from './organization/index.ts';
import { personKind } from './person/index.ts';
import { projectKind } from './project/index.ts';
import { publicationKind } from './publication/index.ts';

export class RegistryError extends Error {}

const KIND_NAME = /^[a-z][a-z0-9_-]*$/;

/**
 * The kinds a build knows. The pipeline, the assembler and the search index ask it; the app
 * reads the catalogue it writes into the graph. Order is display and search order.
 */
export class KindRegistry {
  private readonly byKind: ReadonlyMap<string, KindModule>;
  private readonly edgeByKind: ReadonlyMap<string, EdgeKindInfo>;
  readonly tables: readonly TableRecogniser[];

  constructor(
    readonly modules: readonly KindModule[],
    readonly edges: readonly EdgeKindInfo[],
  ) {
    const byKind = new Map<string, KindModule>();
    for (const module of modules) {
      if (!KIND_NAME.test(module.info.kind)) throw new RegistryError(`kind name "${module.info.kind}" must be lower-case letters, digits, - or _`);
      if (byKind.has(module.info.kind)) throw new RegistryError(`kind "${module.info.kind}" is registered twice`);
      byKind.set(module.info.kind, module);
    }
    const edgeByKind = new Map<string, EdgeKindInfo>();
    for (const edge of edges) {
      if (edgeByKind.has(edge.kind)) throw new RegistryError(`edge kind "${edge.kind}" is registered twice`);
      edgeByKind.set(edge.kind, edge);
    }
    this.byKind = byKind;
    this.edgeByKind = edgeByKind;
    const names = new Set<string>();
    for (const table of modules.flatMap((m) => m.tables ?? [])) {
      if (names.has(table.name)) throw new RegistryError(`table recogniser "${table.name}" is registered twice`);
      names.add(table.name);
    }
    this.tables = modules.flatMap((m) => m.tables ?? []).sort((a, b) => a.priority - b.priority);
  }

  /** A registry with one more kind, placed before documents in display order. */
  with(module: KindModule): KindRegistry {
    const at = this.modules.findIndex((m) => m.info.kind === 'document');
    const modules = [...this.modules];
    modules.splice(at < 0 ? modules.length : at, 0, module);
    return new KindRegistry(modules, this.edges);
  }

  has(kind: string): boolean {
    return this.byKind.has(kind);
  }

  info(kind: string): NodeKindInfo {
    const module = this.byKind.get(kind);
    if (!module) throw new RegistryError(`unknown node kind "${kind}"`);
    return module.info;
  }

  hasEdge(kind: string): boolean {
    return this.edgeByKind.has(kind);
  }

  /** Kinds whose identity follows `rule`, in registry order. */
  kindsWithIdentity(rule: IdentityRule): string[] {
    return this.modules.filter((m) => m.identity === rule).map((m) => m.info.kind);
  }

  /** The catalogue of the kinds a graph uses, for its document; in registry order. */
  catalog(nodeKinds: ReadonlySet<string>, edgeKinds: ReadonlySet<string>): KindCatalog {
    return {
      nodes: this.modules.filter((m) => nodeKinds.has(m.info.kind)).map((m) => m.info),
      edges: this.edges.filter((e) => edgeKinds.has(e.kind)),
    };
  }
}

/** The kinds that ship with the build, entities first (the order search results and the legend use). */
export const DEFAULT_REGISTRY = new KindRegistry(
  [personKind, groupKind, publicationKind, projectKind, compromiseKind, categoryKind, organizationKind, documentKind, assetKind, externalKind],
  EDGE_KIND_INFOS,
);
