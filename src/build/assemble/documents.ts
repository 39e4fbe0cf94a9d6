import { posix } from 'node:path';
import type { Attrs, BrokenLink } from '../../schema/graph.ts';
import type { DocumentFacts } from '../facts.ts';
import { folderIndex } from '../resolve/links.ts';
import { byCodePoint } from '../text/order.ts';
import { documentId, nodeFor, type AssemblyContext } from './context.ts';

/**
 * The facts of a document that only its own node's attributes show (`textAttrs`): nothing else
 * the assembly makes reads them, so an edit that changes only these changes only those
 * attributes (see `patch.ts`).
 */
export const TEXT_FACTS = ['words', 'summary', 'sections'] as const;

/** The attributes `textAttrs` makes. */
export const TEXT_ATTRS = ['words', 'summary'] as const;

/** A document node's attributes made from its `TEXT_FACTS`. */
export function textAttrs(doc: Pick<DocumentFacts, 'words' | 'summary'>): Attrs {
  return { words: doc.words, ...(doc.summary ? { summary: doc.summary } : {}) };
}

/** Document nodes, their links (to documents, files and external sites) and the broken ones. */
export function addDocuments(context: AssemblyContext, documents: readonly DocumentFacts[], languages: ReadonlyMap<string, string>): BrokenLink[] {
  const { builder } = context;
  for (const doc of documents) {
    builder.addNode({
      id: documentId(doc.path),
      kind: 'document',
      label: doc.title,
      path: doc.path,
      attrs: {
        title: doc.title,
        headings: doc.headings.map((h) => h.text),
        ...textAttrs(doc),
        ...(doc.date ? { date: doc.date } : {}),
        ...(languages.get(doc.path) ? { lang: languages.get(doc.path)! } : {}),
      },
      sources: [{ path: doc.path, line: 1 }],
    });
  }
  for (const [path, original] of context.originalOf) {
    builder.addEdge({ source: documentId(path), target: documentId(original), kind: 'translation_of', sources: [{ path, line: 1 }] });
  }

  const brokenLinks: BrokenLink[] = [];
  for (const doc of documents) {
    const from = documentId(doc.path);
    for (const link of doc.links) {
      const source = { path: doc.path, line: link.line };
      const target = context.resolve(doc.path, link.href);
      if (target.type === 'broken') {
        brokenLinks.push({ source: doc.path, line: link.line, target: target.target, missing: target.path ? 'anchor' : 'file', reason: target.reason, ...(target.suggestion ? { suggestion: target.suggestion } : {}) });
        // The file is there and only the anchor is missing: still a link to that file.
        if (target.path && target.path !== doc.path) {
          builder.addEdge({ source: from, target: nodeFor(context, { type: 'file', path: target.path }, source), kind: 'links_to', sources: [source] });
        }
      } else if (target.type === 'file') {
        const to = nodeFor(context, { type: 'file', path: target.path }, source);
        if (to !== from) builder.addEdge({ source: from, target: to, kind: 'links_to', ...(target.anchor ? { anchor: target.anchor } : {}), sources: [source] });
      } else if (target.type === 'external') {
        const to = nodeFor(context, { type: 'external', url: target.url, key: target.key }, source);
        builder.addEdge({ source: from, target: to, kind: 'links_to', attrs: { urls: [target.url] }, sources: [source] });
      }
    }
  }

  // Folder structure: each document is part of the nearest index document above it.
  for (const path of [...context.documents].sort()) {
    const parent = nearestIndexAbove(context.files, path);
    if (parent && context.documents.has(parent)) builder.addEdge({ source: documentId(path), target: documentId(parent), kind: 'part_of', sources: [{ path, line: 1 }] });
  }

  return brokenLinks.sort((a, b) => byCodePoint(a.source, b.source) || a.line - b.line || byCodePoint(a.target, b.target));
}

export function isFolderIndex(files: ReadonlySet<string>, path: string): boolean {
  const folder = posix.dirname(path);
  return folderIndex(files, folder === '.' ? '' : folder) === path;
}

/** The index document of the nearest folder above `path` (for an index, above its own folder). */
function nearestIndexAbove(files: ReadonlySet<string>, path: string): string | undefined {
  let folder = posix.dirname(path);
  const ownIndex = folderIndex(files, folder === '.' ? '' : folder);
  if (ownIndex && ownIndex !== path) return ownIndex;
  while (folder !== '.' && folder !== '') {
    folder = posix.dirname(folder);
    const index = folderIndex(files, folder === '.' ? '' : folder);
    if (index && index !== path) return index;
  }
  return undefined;
}
