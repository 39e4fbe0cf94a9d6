import type { Nodes, Parents, Root, Table, TableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { squash } from '../text/fold.ts';
import type { RawLink } from '../facts.ts';
import { githubProfileHandle } from '../text/people.ts';

/** 1-based start line of a node (1 when the parser gave no position). */
export function lineOf(node: Nodes): number {
  return node.position?.start.line ?? 1;
}

/** Text an HTML fragment shows: comments and tags dropped (`<!-- x -->Ann Lee` reads `Ann Lee`). */
export function htmlText(html: string): string {
  return html.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ').replace(/<[^>]*>/g, ' ');
}

/** ` (@handle)` after a link to a GitHub profile whose text does not name the handle already. */
function profileSuffix(link: { url: string; children: Nodes[] }): string {
  const handle = githubProfileHandle(link.url);
  if (!handle) return '';
  const text = toString(link);
  return text.toLowerCase().includes(handle.toLowerCase()) ? '' : ` (@${handle})`;
}

/**
 * Plain text of a node. HTML shows only its text, so a line that starts with a comment (which
 * CommonMark reads as an HTML block) keeps its words. With `profiles`, a link to a GitHub
 * profile is followed by its handle (`[Ann Lee](https://github.com/annlee)` reads
 * `Ann Lee (@annlee)`), for text that names people.
 */
export function rawTextOf(node: Nodes, profiles = false): string {
  if (node.type === 'html') return htmlText(node.value);
  if (!('children' in node)) return toString(node, { includeHtml: false });
  let text = '';
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'html') text += htmlText(current.value);
    else if ('children' in current) {
      const suffix = profiles && current.type === 'link' ? profileSuffix(current) : '';
      if (suffix) stack.push({ type: 'text', value: suffix });
      for (let i = current.children.length - 1; i >= 0; i -= 1) stack.push(current.children[i]!);
      if (current.type === 'paragraph' || current.type === 'heading' || current.type === 'tableCell') text += ' ';
    } else text += toString(current, { includeHtml: false });
  }
  return text;
}

export function textOf(node: Nodes): string {
  return squash(rawTextOf(node));
}

/** Text of a node that names people: GitHub profile links give their handles. */
export function personTextOf(node: Nodes): string {
  return squash(rawTextOf(node, true));
}

/** A node with its parent and the sibling after it. */
export interface FlatNode {
  node: Nodes;
  parent: Parents | undefined;
  next: Nodes | undefined;
}

/**
 * Every node of the tree in document order (depth-first, pre-order), walked once with an
 * explicit stack so that thousands of nested quotes or lists cannot overflow the call stack.
 * The extractors each read this list instead of walking the tree again.
 */
export function flatten(tree: Root): FlatNode[] {
  const nodes: FlatNode[] = [];
  const stack: FlatNode[] = [{ node: tree, parent: undefined, next: undefined }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    nodes.push(entry);
    const { node } = entry;
    if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push({ node: node.children[i]!, parent: node, next: node.children[i + 1] });
    }
  }
  return nodes;
}

const LINE_BREAK_HTML = /^<\/?br\s*\/?>$/i;

export interface Cell {
  /** Cell text split at `<br>` tags, each part squashed. */
  parts: string[];
  text: string;
  links: RawLink[];
  /** The whole cell is strong (bold) text. */
  strong: boolean;
  line: number;
}

export interface TableRows {
  headers: string[];
  rows: Cell[][];
  line: number;
}

function readCell(cell: TableCell): Cell {
  const parts: string[] = [''];
  const links: RawLink[] = [];
  const stack: Nodes[] = [...cell.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'html') {
      if (LINE_BREAK_HTML.test(node.value.trim())) parts.push('');
      continue;
    }
    if (node.type === 'link') {
      links.push({ href: node.url, text: textOf(node), line: lineOf(node) });
      const suffix = profileSuffix(node);
      if (suffix) stack.push({ type: 'text', value: suffix });
    }
    if ('value' in node) parts[parts.length - 1] += node.value;
    if ('children' in node) stack.push(...[...node.children].reverse());
  }
  const cleanParts = parts.map(squash).filter(Boolean);
  const meaningful = cell.children.filter((child) => !(child.type === 'text' && !child.value.trim()));
  return {
    parts: cleanParts,
    text: cleanParts.join(' '),
    links,
    strong: meaningful.length === 1 && meaningful[0]!.type === 'strong',
    line: lineOf(cell),
  };
}

/** A GFM table as header texts and rows of cells; short rows are padded with empty cells. */
export function readTable(table: Table): TableRows {
  const [head, ...body] = table.children;
  const headers = head ? head.children.map((cell) => textOf(cell)) : [];
  const rows = body.map((row) => {
    const cells = row.children.map(readCell);
    while (cells.length < headers.length) {
      cells.push({ parts: [], text: '', links: [], strong: false, line: lineOf(row) });
    }
    return cells;
  });
  return { headers, rows, line: lineOf(table) };
}

/** Headings above each node position: the text of the nearest heading before a given line. */
export function nearestHeadingBefore(headings: ReadonlyArray<{ text: string; line: number }>, line: number): string | undefined {
  let found: string | undefined;
  for (const heading of headings) {
    if (heading.line > line) break;
    found = heading.text;
  }
  return found;
}
