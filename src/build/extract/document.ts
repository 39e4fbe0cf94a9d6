import GithubSlugger from 'github-slugger';
import type { Paragraph, Root } from 'mdast';
import type { DocumentFacts, Heading, Section } from '../facts.ts';
import type { FrontMatter } from '../parse.ts';
import { parseLooseDate } from '../text/dates.ts';
import { squash } from '../text/fold.ts';
import { lineOf, rawTextOf, textOf, type FlatNode } from './mdast.ts';

export type DocumentOutline = Pick<DocumentFacts, 'title' | 'headings' | 'words' | 'summary' | 'date' | 'sections' | 'warnings'>;

const SUMMARY_LENGTH = 280;

/** A title from the file name, for documents without one (`threat-model.md` → `threat model`). */
export function fileTitle(path: string): string {
  const name = path.split('/').pop() ?? path;
  return name.replace(/\.(md|markdown)$/i, '').replace(/[-_]+/g, ' ').trim() || name;
}

export function frontMatterString(data: Record<string, unknown>, key: string): string | undefined {
  const value = data[key];
  if (typeof value === 'string' && value.trim()) return squash(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return undefined;
}

/** A paragraph that holds nothing but images (a logo, a badge row): no summary material. */
function isOnlyImages(paragraph: Paragraph): boolean {
  return paragraph.children.every(
    (child) =>
      child.type === 'image' ||
      child.type === 'imageReference' ||
      (child.type === 'text' && !child.value.trim()) ||
      (child.type === 'link' && child.children.every((inner) => inner.type === 'image')),
  );
}

function truncate(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const lastSpace = cut.lastIndexOf(' ');
  return `${cut.slice(0, lastSpace > length / 2 ? lastSpace : length)}…`;
}

/** Title, headings, sections, word count and summary of a parsed document. */
export function extractOutline(path: string, tree: Root, nodes: readonly FlatNode[], frontMatter: FrontMatter): DocumentOutline {
  const warnings: DocumentFacts['warnings'] = [];
  if (frontMatter.error) warnings.push({ path, line: frontMatter.error.line, message: frontMatter.error.message });

  // All headings, in document order, so duplicate anchors get GitHub's `-1`, `-2` suffixes.
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  const headingAtLine = new Map<number, Heading>();
  for (const { node } of nodes) {
    if (node.type !== 'heading') continue;
    const text = textOf(node);
    // The slug is made from the text as written, as GitHub makes it: a TAB or two spaces
    // inside a heading count (`A\tB` → `ab`, `A  B` → `a--b`).
    const heading = { text, depth: node.depth, anchor: slugger.slug(rawTextOf(node).trim()), line: lineOf(node) };
    headings.push(heading);
    headingAtLine.set(heading.line, heading);
  }

  // Top-level blocks in order: each top-level heading opens a section; the rest is its text.
  const sections: Section[] = [{ heading: '', anchor: '', line: 1, text: '' }];
  let summary = '';
  let words = 0;
  for (const block of tree.children) {
    if (block.type === 'yaml' || block.type === 'html' || block.type === 'definition' || (block.type as string) === 'toml') continue;
    const heading = block.type === 'heading' ? headingAtLine.get(lineOf(block)) : undefined;
    if (heading) {
      sections.push({ heading: heading.text, anchor: heading.anchor, line: heading.line, text: '' });
      continue;
    }
    const text = textOf(block);
    if (!text) continue;
    const section = sections[sections.length - 1]!;
    section.text = section.text ? `${section.text} ${text}` : text;
    words += text.split(' ').length;
    if (!summary && block.type === 'paragraph' && text.length > 20 && !isOnlyImages(block)) summary = truncate(text, SUMMARY_LENGTH);
  }
  if (!sections[0]!.text) sections.shift();

  const firstH1 = headings.find((heading) => heading.depth === 1);
  const title =
    frontMatterString(frontMatter.data, 'title') ?? firstH1?.text ?? headings[0]?.text ?? fileTitle(path);
  const dateText = frontMatterString(frontMatter.data, 'date');
  const date = dateText ? parseLooseDate(dateText) : undefined;
  return { title: title || fileTitle(path), headings, words, summary, ...(date ? { date } : {}), sections, warnings };
}
