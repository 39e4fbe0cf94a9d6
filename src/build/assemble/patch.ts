import type { GraphEdge, GraphNode, Source } from '../../schema/graph.ts';
import type { DocumentFacts } from '../facts.ts';
import { sortedAttrs } from '../graph-builder.ts';
import { documentId } from './context.ts';
import { TEXT_ATTRS, TEXT_FACTS, textAttrs } from './documents.ts';
import type { Assembled } from './index.ts';

/** An assembly and what it was made from, kept by a process for its next build (watch mode). */
export interface Assembly {
  /** Everything the assembly read besides the documents (`assemblyKey`). */
  key: string;
  documents: readonly DocumentFacts[];
  assembled: Assembled;
}

/** Old line to new line, of one document. */
type LineMap = Map<number, number>;

/**
 * Walks two versions of a document's facts, `TEXT_FACTS` left out, side by side: true when they
 * are the same but for line numbers (`line` fields, and the line inside a mention's key,
 * `path:line:kind:label`), each old line recorded in `lines` with the one new line it became.
 */
function sameButLines(before: unknown, after: unknown, path: string, lines: LineMap): boolean {
  if (Array.isArray(before) || Array.isArray(after)) {
    return Array.isArray(before) && Array.isArray(after) && before.length === after.length && before.every((item, index) => sameButLines(item, after[index], path, lines));
  }
  if (typeof before !== 'object' || before === null || typeof after !== 'object' || after === null) return before === after;
  const keys = Object.keys(before);
  if (keys.join('\u0000') !== Object.keys(after).join('\u0000')) return false;
  return keys.every((key) => {
    const a: unknown = (before as Record<string, unknown>)[key];
    const b: unknown = (after as Record<string, unknown>)[key];
    if (key === 'line' && typeof a === 'number' && typeof b === 'number') return pair(lines, a, b);
    if (key === 'key' && typeof a === 'string' && typeof b === 'string') {
      const keyA = splitMentionKey(a, path);
      const keyB = splitMentionKey(b, path);
      if (keyA && keyB) return keyA.rest === keyB.rest && pair(lines, keyA.line, keyB.line);
    }
    return sameButLines(a, b, path, lines);
  });
}

function pair(lines: LineMap, before: number, after: number): boolean {
  const known = lines.get(before);
  if (known === undefined) lines.set(before, after);
  return (known ?? after) === after;
}

/** A mention key of `path` (see `mentionKey`): its line and what follows. */
function splitMentionKey(key: string, path: string): { line: number; rest: string } | undefined {
  const match = key.startsWith(`${path}:`) ? /^(\d+):/.exec(key.slice(path.length + 1)) : null;
  return match ? { line: Number(match[1]), rest: key.slice(path.length + 1 + match[0].length) } : undefined;
}

/**
 * Whether moving each source of the document by `lines` keeps every order and distinction the
 * assembly made: strictly increasing, so sources stay sorted and apart; and the first line
 * left alone, since the assembly also cites documents at line 1 on its own account.
 */
function keepsOrder(lines: LineMap): boolean {
  const pairs = [...lines].sort(([a], [b]) => a - b);
  const increasing = pairs.every(([, after], index) => index === 0 || after > pairs[index - 1]![1]);
  return increasing && pairs.every(([before, after]) => (before === 1) === (after === 1));
}

/**
 * The assembly of `documents` made from `previous` without assembling again, when they differ
 * from its documents only in text (`TEXT_FACTS`) and in the lines things stand on, and
 * everything else it read (`key`) is the same. Nothing the assembly makes reads the text but
 * the document node's own attributes, and lines reach it only as sources, which sort by path,
 * then line: the edited documents' nodes get their new text attributes and every source and
 * broken link in an edited document moves to its new line. That covers the common edits, a
 * sentence changed, added or removed; one that adds, removes or changes a heading, link,
 * entity or person, or splits one line's things over two, returns undefined and is assembled
 * again. A document whose facts are the same object as before (the cache's) is not compared.
 */
export function patchEdits(previous: Assembly, documents: readonly DocumentFacts[], key: string): Assembled | undefined {
  if (previous.key !== key || previous.documents.length !== documents.length) return undefined;
  const edited = new Map<string, { doc: DocumentFacts; lines: LineMap }>();
  for (const [index, doc] of documents.entries()) {
    const before = previous.documents[index]!;
    if (before === doc) continue;
    const lines: LineMap = new Map();
    if (before.path !== doc.path || !sameButLines(withoutText(before), withoutText(doc), doc.path, lines) || !keepsOrder(lines)) return undefined;
    edited.set(doc.path, { doc, lines });
  }
  // Every source in an edited document stands on a line its facts name, or on line 1.
  const moved = (sources: Source[]): Source[] | undefined => {
    if (!sources.some((source) => edited.has(source.path))) return sources;
    const result: Source[] = [];
    for (const source of sources) {
      const lines = edited.get(source.path)?.lines;
      const line = lines ? (lines.get(source.line) ?? (source.line === 1 ? 1 : undefined)) : source.line;
      if (line === undefined) return undefined;
      result.push(line === source.line ? source : { ...source, line });
    }
    return result;
  };
  const nodes: GraphNode[] = [];
  for (const node of previous.assembled.graph.nodes) {
    const sources = moved(node.sources);
    const doc = node.path !== undefined && node.id === documentId(node.path) ? edited.get(node.path)?.doc : undefined;
    const attrs = doc ? sortedAttrs({ ...Object.fromEntries(Object.entries(node.attrs ?? {}).filter(([name]) => !(TEXT_ATTRS as readonly string[]).includes(name))), ...textAttrs(doc) }) : node.attrs;
    // Attributes in place of the old ones, so the node is written with its keys in the same order.
    if (!sources || (doc && (!attrs || !node.attrs))) return undefined;
    nodes.push(sources === node.sources && attrs === node.attrs ? node : { ...node, ...(attrs ? { attrs } : {}), sources });
  }
  const edges: GraphEdge[] = [];
  for (const edge of previous.assembled.graph.edges) {
    const sources = moved(edge.sources);
    if (!sources) return undefined;
    edges.push(sources === edge.sources ? edge : { ...edge, sources });
  }
  const brokenLinks = [];
  for (const link of previous.assembled.brokenLinks) {
    const lines = edited.get(link.source)?.lines;
    const line = lines ? lines.get(link.line) : link.line;
    if (line === undefined) return undefined;
    brokenLinks.push(line === link.line ? link : { ...link, line });
  }
  return {
    ...previous.assembled,
    graph: { ...previous.assembled.graph, nodes, edges },
    brokenLinks,
    warnings: documents.flatMap((doc) => doc.warnings),
  };
}

/**
 * A document's facts without its `TEXT_FACTS`, and its headings without their lines: the
 * assembly reads a heading's text and anchor only, and cites a document at line 1 itself.
 */
function withoutText(doc: DocumentFacts): object {
  const rest: Partial<DocumentFacts> = { ...doc };
  for (const key of TEXT_FACTS) delete rest[key];
  return { ...rest, headings: doc.headings.map(({ text, depth, anchor }) => ({ text, depth, anchor })) };
}
