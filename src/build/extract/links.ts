import type { RawLink } from '../facts.ts';
import { lineOf, textOf, type FlatNode } from './mdast.ts';

const HTML_URL = /\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
/** A bare web address in text, as GitHub autolinks it; trailing punctuation is not part of it. */
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/gi;

function trimUrl(url: string): string {
  let trimmed = url.replace(/[.,:;!?*_~]+$/, '');
  // A closing parenthesis belongs to the URL only when it closes one opened inside it.
  while (trimmed.endsWith(')') && (trimmed.match(/\(/g)?.length ?? 0) < (trimmed.match(/\)/g)?.length ?? 0)) {
    trimmed = trimmed.slice(0, -1).replace(/[.,:;!?*_~]+$/, '');
  }
  return trimmed.startsWith('www.') ? `https://${trimmed}` : trimmed;
}

/**
 * Every link target written in a document: markdown links and images, reference definitions,
 * bare web addresses in text, and `href`/`src` attributes of inline HTML. In document order.
 */
export function extractLinks(nodes: readonly FlatNode[]): RawLink[] {
  const links: RawLink[] = [];
  for (const { node, parent } of nodes) {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      if (!node.url.trim()) continue;
      const text = node.type === 'link' ? textOf(node) : node.type === 'image' ? node.alt ?? '' : node.label ?? '';
      links.push({ href: node.url.trim(), text, line: lineOf(node) });
    } else if (node.type === 'text' && parent?.type !== 'link') {
      const startLine = lineOf(node);
      for (const match of node.value.matchAll(BARE_URL)) {
        const lineOffset = node.value.slice(0, match.index).split('\n').length - 1;
        links.push({ href: trimUrl(match[0]), text: '', line: startLine + lineOffset });
      }
    } else if (node.type === 'html') {
      const startLine = lineOf(node);
      for (const match of node.value.matchAll(HTML_URL)) {
        const href = (match[1] ?? match[2] ?? '').trim();
        if (!href) continue;
        const lineOffset = node.value.slice(0, match.index).split('\n').length - 1;
        links.push({ href, text: '', line: startLine + lineOffset });
      }
    }
  }
  return links;
}
