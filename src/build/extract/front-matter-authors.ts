import type { PersonMention } from '../facts.ts';
import type { FrontMatter } from '../parse.ts';
import { parsePeople } from '../text/people.ts';

function authorTexts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(authorTexts);
  if (value && typeof value === 'object' && 'name' in value) return authorTexts((value as { name: unknown }).name);
  return [];
}

/** `author:` / `authors:` in front matter (a string, a list, or objects with a `name`). */
export function extractFrontMatterAuthors(path: string, frontMatter: FrontMatter): PersonMention[] {
  const texts = [...authorTexts(frontMatter.data['author']), ...authorTexts(frontMatter.data['authors'])];
  return texts.flatMap((text) => parsePeople(text)).map((person) => ({ ...person, source: { path, line: 1 } }));
}
