import type { Profile } from '../../profiles/profile.ts';
import type { KindRegistry } from '../../kinds/registry.ts';
import type { EntityMention, PersonMention, RoleFact, DocumentFacts } from '../facts.ts';
import { parseMarkdown } from '../parse.ts';
import { extractOutline, frontMatterString } from './document.ts';
import { extractAnchors } from './anchors.ts';
import { extractFrontMatterAuthors } from './front-matter-authors.ts';
import { extractLabelledLines } from './labelled-lines.ts';
import { extractLinks } from './links.ts';
import { flatten, nearestHeadingBefore, readTable } from './mdast.ts';

/**
 * Every fact one markdown document states on its own. Pure: text in, facts out. Tables go to
 * the registry's table recognisers that the profile switches on, in priority order; the first
 * that finds facts has the table.
 */
export function extractDocument(path: string, text: string, profile: Profile, registry: KindRegistry): DocumentFacts {
  const { tree, frontMatter } = parseMarkdown(text);
  const nodes = flatten(tree);
  const outline = extractOutline(path, tree, nodes, frontMatter);
  const entities: EntityMention[] = [];
  const roles: RoleFact[] = [];
  const people: PersonMention[] = [];
  const authors: PersonMention[] = [];
  const recognisers = registry.tables.filter((recogniser) => profile.recognises(recogniser.name));

  for (const { node } of nodes) {
    if (node.type !== 'table' || recognisers.length === 0) continue;
    const table = readTable(node);
    const context = { path, profile, heading: nearestHeadingBefore(outline.headings, table.line) ?? outline.title };
    for (const recogniser of recognisers) {
      const facts = recogniser.read(table, context);
      if (!facts) continue;
      entities.push(...(facts.entities ?? []));
      roles.push(...(facts.roles ?? []));
      people.push(...(facts.people ?? []));
      authors.push(...(facts.authors ?? []));
      break;
    }
  }

  const labelled = extractLabelledLines(path, nodes, profile);
  const translationKey = frontMatterString(frontMatter.data, 'translationKey');
  const lang = frontMatterString(frontMatter.data, 'lang') ?? frontMatterString(frontMatter.data, 'language');
  return {
    path,
    title: outline.title,
    headings: outline.headings,
    anchors: extractAnchors(nodes),
    words: outline.words,
    summary: outline.summary,
    ...(outline.date ? { date: outline.date } : {}),
    ...(translationKey ? { translationKey } : {}),
    ...(lang && /^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/.test(lang) ? { lang } : {}),
    sections: outline.sections,
    links: extractLinks(nodes),
    entities,
    roles: [...roles, ...labelled.roles],
    authors: [...(profile.recognises('front-matter-authors') ? extractFrontMatterAuthors(path, frontMatter, profile) : []), ...authors, ...labelled.authors],
    people,
    warnings: outline.warnings,
  };
}
