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

/** A document's facts without its `TEXT_FACTS`, as text: equal for two versions that differ only in those. */
function withoutText(doc: DocumentFacts): string {
  const rest: Partial<DocumentFacts> = { ...doc };
  for (const key of TEXT_FACTS) delete rest[key];
  return JSON.stringify(rest);
}

/**
 * The assembly of `documents` made from `previous` without assembling again, when they differ
 * from its documents only in text (`TEXT_FACTS`) and everything else it read (`key`) is the
 * same: the edited documents' nodes get their new text attributes and the rest is as it was.
 * That is the common edit, a word changed within a line; one that moves a heading, link or
 * person to another line, or changes one, returns undefined and is assembled again. A document
 * whose facts are the same object as before (the cache's) is not compared.
 */
export function patchTextEdits(previous: Assembly, documents: readonly DocumentFacts[], key: string): Assembled | undefined {
  if (previous.key !== key || previous.documents.length !== documents.length) return undefined;
  const edited = new Map<string, DocumentFacts>();
  for (const [index, doc] of documents.entries()) {
    const before = previous.documents[index]!;
    if (before === doc) continue;
    if (before.path !== doc.path || withoutText(before) !== withoutText(doc)) return undefined;
    edited.set(documentId(doc.path), doc);
  }
  const { graph } = previous.assembled;
  const nodes = [];
  for (const node of graph.nodes) {
    const doc = edited.get(node.id);
    if (!doc) {
      nodes.push(node);
      continue;
    }
    const kept = Object.entries(node.attrs ?? {}).filter(([name]) => !(TEXT_ATTRS as readonly string[]).includes(name));
    const attrs = sortedAttrs({ ...Object.fromEntries(kept), ...textAttrs(doc) });
    // In place of the old attributes, so the node is written with its keys in the same order.
    if (!attrs || !node.attrs) return undefined;
    nodes.push({ ...node, attrs });
  }
  return { ...previous.assembled, graph: { ...graph, nodes } };
}
