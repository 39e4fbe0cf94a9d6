import type { AttrValue, Attrs, EdgeKind, GraphEdge, GraphNode, NodeKind, Source } from '../schema/graph.ts';
import { byCodePoint, bySource } from './text/order.ts';

const compare = byCodePoint;

function sortSources(sources: Iterable<Source>): Source[] {
  const unique = new Map<string, Source>();
  for (const source of sources) unique.set(`${source.path}\u0000${source.line}`, source);
  return [...unique.values()].sort(bySource);
}

function mergeAttr(existing: AttrValue | undefined, value: AttrValue): AttrValue {
  if (Array.isArray(existing) && Array.isArray(value)) return [...new Set([...existing, ...value])].sort(compare);
  return existing ?? value;
}

/** Attributes with their keys in the order the graph is written in; none when there are none. */
export function sortedAttrs(attrs: Attrs): Attrs | undefined {
  const keys = Object.keys(attrs).sort(compare);
  if (keys.length === 0) return undefined;
  const sorted: Attrs = {};
  for (const key of keys) sorted[key] = attrs[key]!;
  return sorted;
}

interface NodeDraft {
  id: string;
  kind: NodeKind;
  label: string;
  path?: string;
  attrs: Attrs;
  sources: Source[];
}

interface EdgeDraft {
  source: string;
  target: string;
  kind: EdgeKind;
  role?: string;
  anchor?: string;
  attrs: Attrs;
  sources: Source[];
}

/**
 * Collects nodes and edges, merging repeats (same id; same ends, kind, role and anchor) by
 * uniting their sources and attributes, and emits them sorted so output is deterministic.
 */
export class GraphBuilder {
  private readonly nodes = new Map<string, NodeDraft>();
  private readonly edges = new Map<string, EdgeDraft>();

  hasNode(id: string): boolean {
    return this.nodes.has(id);
  }

  /** Adds other names to a node, leaving out its own label. */
  addAliases(id: string, aliases: readonly string[], sources: readonly Source[]): void {
    const node = this.nodes.get(id);
    if (!node) throw new Error(`no node ${id} to add aliases to`);
    const fresh = aliases.filter((alias) => alias !== node.label);
    node.sources.push(...sources);
    if (fresh.length > 0) node.attrs['aliases'] = mergeAttr(node.attrs['aliases'] ?? [], fresh);
  }

  addNode(node: { id: string; kind: NodeKind; label: string; path?: string; attrs?: Attrs; sources: Source[] }): string {
    const existing = this.nodes.get(node.id);
    if (!existing) {
      this.nodes.set(node.id, { ...node, attrs: { ...(node.attrs ?? {}) }, sources: [...node.sources] });
      return node.id;
    }
    existing.sources.push(...node.sources);
    for (const [key, value] of Object.entries(node.attrs ?? {})) existing.attrs[key] = mergeAttr(existing.attrs[key], value);
    return node.id;
  }

  addEdge(edge: { source: string; target: string; kind: EdgeKind; role?: string; anchor?: string; attrs?: Attrs; sources: Source[] }): void {
    const key = [edge.source, edge.target, edge.kind, edge.role ?? '', edge.anchor ?? ''].join('\u0000');
    const existing = this.edges.get(key);
    if (!existing) {
      this.edges.set(key, { ...edge, attrs: { ...(edge.attrs ?? {}) }, sources: [...edge.sources] });
      return;
    }
    existing.sources.push(...edge.sources);
    for (const [name, value] of Object.entries(edge.attrs ?? {})) existing.attrs[name] = mergeAttr(existing.attrs[name], value);
  }

  build(): { nodes: GraphNode[]; edges: GraphEdge[] } {
    const nodes = [...this.nodes.values()]
      .sort((a, b) => compare(a.id, b.id))
      .map((draft): GraphNode => {
        const attrs = sortedAttrs(draft.attrs);
        return {
          id: draft.id,
          kind: draft.kind,
          label: draft.label,
          ...(draft.path !== undefined ? { path: draft.path } : {}),
          ...(attrs ? { attrs } : {}),
          sources: sortSources(draft.sources),
        };
      });
    const missing = [...this.edges.values()].find((edge) => !this.nodes.has(edge.source) || !this.nodes.has(edge.target));
    if (missing) throw new Error(`edge ${missing.kind} ${missing.source} -> ${missing.target} has an end that is not a node`);
    const edges = [...this.edges.values()]
      .sort(
        (a, b) =>
          compare(a.source, b.source) ||
          compare(a.target, b.target) ||
          compare(a.kind, b.kind) ||
          compare(a.role ?? '', b.role ?? '') ||
          compare(a.anchor ?? '', b.anchor ?? ''),
      )
      .map((draft): GraphEdge => {
        const attrs = sortedAttrs(draft.attrs);
        return {
          source: draft.source,
          target: draft.target,
          kind: draft.kind,
          ...(draft.role ? { role: draft.role } : {}),
          ...(draft.anchor ? { anchor: draft.anchor } : {}),
          ...(attrs ? { attrs } : {}),
          sources: sortSources(draft.sources),
        };
      });
    return { nodes, edges };
  }
}
