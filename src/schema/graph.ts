import type { Finding } from './findings.ts';
import type { KindCatalog } from './kinds.ts';

/**
 * The graph document shared by the build and the app. Isomorphic: no Node or DOM imports.
 * Bump SCHEMA_VERSION whenever a consumer would misread an older document.
 */
export const SCHEMA_VERSION = 2;

/**
 * Node and edge kinds are open: the build's registry of kinds decides them, and the graph
 * document carries their catalogue (`kinds`), which the app reads instead of a list of its own.
 */
export type NodeKind = string;
export type EdgeKind = string;

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
  /** The kinds of node and edge in this graph, in display order. */
  kinds: KindCatalog;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface BrokenLink {
  source: string;
  line: number;
  target: string;
  /** What is missing: the file, or only the anchor in a file that exists. */
  missing: 'file' | 'anchor';
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
}

export interface BuildReport {
  schemaVersion: number;
  /** Every finding of every check rule, sorted by path and line; see `findings.ts`. */
  findings: Finding[];
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

const KIND_NAME = /^[a-z][a-z0-9_-]*$/;

/** Whether a value can name a kind (lower-case letters, digits, `-`, `_`); which kinds exist is the catalogue's to say. */
export function isKindName(value: unknown): value is string {
  return typeof value === 'string' && KIND_NAME.test(value);
}
