import GithubSlugger from 'github-slugger';
import type { DocumentFacts, Heading, Section } from '../facts.ts';
import { squash } from '../text/fold.ts';
import { fileTitle } from './document.ts';

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * What a file that is not parsed as markdown still tells: its ATX headings (outside fenced
 * code) with their anchors, and its text by section, for search. No links, tables or people.
 */
export function plainTextFacts(path: string, text: string, warning: string): DocumentFacts {
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  const sections: Section[] = [{ heading: '', anchor: '', line: 1, text: '' }];
  let fence: string | undefined;
  let words = 0;
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, index) => {
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch && (!fence || fenceMatch[1]!.startsWith(fence))) {
      fence = fence ? undefined : fenceMatch[1]![0]!.repeat(3);
      return;
    }
    const heading = fence ? null : ATX_HEADING.exec(line);
    if (heading) {
      const raw = (heading[2] ?? '').trim();
      const entry = { text: squash(raw), depth: heading[1]!.length, anchor: slugger.slug(raw), line: index + 1 };
      headings.push(entry);
      sections.push({ heading: entry.text, anchor: entry.anchor, line: entry.line, text: '' });
      return;
    }
    const content = squash(line.replace(/^[\s>*+\-\d.)#]+/, ''));
    if (!content) return;
    const section = sections[sections.length - 1]!;
    section.text = section.text ? `${section.text} ${content}` : content;
    words += content.split(' ').length;
  });
  if (!sections[0]!.text) sections.shift();
  const title = headings.find((heading) => heading.depth === 1)?.text ?? headings[0]?.text ?? fileTitle(path);
  return {
    path,
    title: title || fileTitle(path),
    headings,
    anchors: [],
    words,
    summary: '',
    sections,
    links: [],
    entities: [],
    roles: [],
    authors: [],
    people: [],
    warnings: [{ path, message: `not parsed as markdown: ${warning}; kept with its headings and text` }],
  };
}
