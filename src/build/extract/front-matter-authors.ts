import type { Profile } from '../../profiles/profile.ts';
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
export function extractFrontMatterAuthors(path: string, frontMatter: FrontMatter, profile: Profile): PersonMention[] {
  return ['author', 'authors'].flatMap((key) => {
    const line = frontMatter.keyLines[key] ?? 1;
    return authorTexts(frontMatter.data[key])
      .flatMap((text) => parsePeople(text, profile))
      .map(({ roleNote: _note, ...person }) => ({ ...person, source: { path, line } }));
  });
}
