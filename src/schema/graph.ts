/**
 * The graph document shared by the build and the app. Isomorphic: no Node or DOM imports.
 * Bump SCHEMA_VERSION whenever a consumer would misread an older document.
 */
export const SCHEMA_VERSION = 1;

export const NODE_KINDS = [
  'document',
  'publication',
  'group',
  'person',
  'organization',
  'project',
  'compromise',
  'category',
  'asset',
  'external',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const EDGE_KINDS = [
  'links_to',
  'role',
  'author',
  'affiliated_with',
  'describes',
  'has_format',
  'assesses',
  'in_category',
  'part_of',
] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

/** Where a fact was read: a repo-relative path and a 1-based line. */
export interface Source {
  path: string;
  line: number;
}

export type AttrValue = string | number | boolean | string[];
export type Attrs = Record<string, AttrValue>;

export interface GraphNode {
  id: string;
  kind: NodeKind;
  label: string;
  /** Repo-relative path, for documents and assets. */
  path?: string;
  attrs?: Attrs;
  sources: Source[];
  /** Layout position computed at build time, so the first paint needs no layout. */
  position?: { x: number; y: number };
}

export interface GraphEdge {
  source: string;
  target: string;
  kind: EdgeKind;
  /** Normalised role for `role` edges; assessment type for `assesses` edges. */
  role?: string;
  /** Heading anchor for `links_to` edges that point into a document. */
  anchor?: string;
  attrs?: Attrs;
  sources: Source[];
}

export interface RepoInfo {
  name: string;
  url?: string;
  ref?: string;
  commit?: string;
}

export interface GraphDocument {
  schemaVersion: number;
  repo: RepoInfo;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface BrokenLink {
  source: string;
  line: number;
  target: string;
  reason: string;
  suggestion?: string;
}

export interface Warning {
  path: string;
  line?: number;
  message: string;
}

export interface PossibleDuplicate {
  a: string;
  b: string;
  labels: [string, string];
  reason: string;
}

export interface BuildStats {
  filesRead: number;
  documents: number;
  excluded: string[];
  nodesByKind: Record<string, number>;
  edgesByKind: Record<string, number>;
  /** Wall time per stage. The only part of the output that differs between identical builds. */
  timeByStageMs: Record<string, number>;
}

export interface BuildReport {
  schemaVersion: number;
  brokenLinks: BrokenLink[];
  possibleDuplicates: PossibleDuplicate[];
  warnings: Warning[];
  stats: BuildStats;
}

/** File names the build writes into its output folder. */
export const OUTPUT_FILES = {
  graph: 'graph.json',
  searchIndex: 'search-index.json',
  report: 'report.json',
} as const;

/** The id of the document node for a repo-relative path: part of the contract, since links and reports name documents by path. */
export function documentNodeId(path: string): string {
  return `doc:${path}`;
}

export function isNodeKind(value: unknown): value is NodeKind {
  return typeof value === 'string' && (NODE_KINDS as readonly string[]).includes(value);
}

export function isEdgeKind(value: unknown): value is EdgeKind {
  return typeof value === 'string' && (EDGE_KINDS as readonly string[]).includes(value);
}
