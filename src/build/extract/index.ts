import type { EntityMention, PersonMention, RoleFact, DocumentFacts } from '../facts.ts';
import { parseMarkdown } from '../parse.ts';
import { extractCompromiseTable, isCompromiseTable } from './compromise-table.ts';
import { extractOutline } from './document.ts';
import { extractFrontMatterAuthors } from './front-matter-authors.ts';
import { extractLabelledLines } from './labelled-lines.ts';
import { extractLinks } from './links.ts';
import { flatten, nearestHeadingBefore, readTable } from './mdast.ts';
import { extractPeopleTable, isPeopleTable } from './people-table.ts';
import { extractPublicationTable, isPublicationTable } from './publication-table.ts';
import { extractRoleTable, isRoleTable } from './role-table.ts';

/** Every fact one markdown document states on its own. Pure: text in, facts out. */
export function extractDocument(path: string, text: string): DocumentFacts {
  const { tree, frontMatter } = parseMarkdown(text);
  const nodes = flatten(tree);
  const outline = extractOutline(path, tree, nodes, frontMatter);
  const entities: EntityMention[] = [];
  const roles: RoleFact[] = [];
  const people: PersonMention[] = [];

  for (const { node } of nodes) {
    if (node.type !== 'table') continue;
    const table = readTable(node);
    if (isCompromiseTable(table)) entities.push(...extractCompromiseTable(path, table));
    else if (isPublicationTable(table)) entities.push(...extractPublicationTable(path, table));
    else if (isPeopleTable(table)) {
      const context = nearestHeadingBefore(outline.headings, table.line) ?? outline.title;
      const facts = extractPeopleTable(path, table, context);
      roles.push(...facts.roles);
      people.push(...facts.people);
    } else if (isRoleTable(table)) {
      const facts = extractRoleTable(path, table, entities.length);
      entities.push(...facts.entities);
      roles.push(...facts.roles);
    }
  }

  const labelled = extractLabelledLines(path, nodes);
  return {
    path,
    title: outline.title,
    headings: outline.headings,
    words: outline.words,
    summary: outline.summary,
    ...(outline.date ? { date: outline.date } : {}),
    sections: outline.sections,
    links: extractLinks(nodes),
    entities,
    roles: [...roles, ...labelled.roles],
    authors: [...extractFrontMatterAuthors(path, frontMatter), ...labelled.authors],
    people,
    warnings: outline.warnings,
  };
}
