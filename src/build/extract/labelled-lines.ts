import type { List } from 'mdast';
import type { Profile } from '../../profiles/profile.ts';
import type { PersonMention, RoleFact } from '../facts.ts';
import { squash } from '../text/fold.ts';
import { ownRoles, parsePeople } from '../text/people.ts';
import { lineOf, personTextOf, rawTextOf, textOf, type FlatNode } from './mdast.ts';

export interface LabelledFacts {
  roles: RoleFact[];
  authors: PersonMention[];
}

/** `Label: value` where the label is a short capitalised phrase (`Version 1.0.0 reviewers`); emphasis is already gone from the text. */
const LABELLED_LINE = /^\s*(\p{Lu}[\p{L}\p{N}. /&-]{1,40}?)\s*:\s*(.*)$/u;

function listItemLines(list: List): Array<{ text: string; line: number }> {
  return list.children.map((item) => ({ text: personTextOf(item), line: lineOf(item) }));
}

/**
 * People named after a role label: `**Lead:** A, B`, `Security reviewers: A @a, B @b`,
 * `Project security lead: X`, a label alone followed by a list, or a short heading that names a
 * role (`## Maintainers`) followed by a list. `Author(s):` lines become authors of the document;
 * every other role is held in what the document is about, resolved later.
 */
export function extractLabelledLines(path: string, nodes: readonly FlatNode[], profile: Profile): LabelledFacts {
  const roles: RoleFact[] = [];
  const authors: PersonMention[] = [];

  /** People in `values`, each sourced at the value line that names them. */
  const record = (labels: string[], text: string, lines: Array<{ text: string; line: number }>): void => {
    for (const { roleNote, ...person } of parsePeople(text, profile)) {
      const needle = person.handle ?? person.name ?? '';
      const line = lines.find((value) => value.text.includes(needle))?.line ?? lines[0]!.line;
      const mention: PersonMention = { ...person, source: { path, line } };
      for (const role of ownRoles(labels, roleNote, profile)) {
        if (role === 'author') authors.push(mention);
        else roles.push({ person: mention, role, subject: { type: 'document' } });
      }
    }
  };
  const recordEach = (labels: string[], values: Array<{ text: string; line: number }>): void => {
    for (const value of values) record(labels, value.text, [value]);
  };

  for (const { node, next: following } of nodes) {
    if (node.type === 'heading') {
      if (!profile.recognises('role-headings')) continue;
      const text = textOf(node);
      if (text.split(' ').length <= 3 && following?.type === 'list') {
        const labels = profile.normaliseRoles(text);
        if (labels.length > 0) recordEach(labels, listItemLines(following));
      }
      continue;
    }
    if (node.type !== 'paragraph' || !profile.recognises('labelled-lines')) continue;
    const raw = rawTextOf(node, true);
    // Most paragraphs have no colon at all: skip them before splitting and matching line by line.
    if (!raw.includes(':')) continue;
    const startLine = lineOf(node);
    const lines = raw.split('\n');
    for (let index = 0; index < lines.length; index += 1) {
      if (!lines[index]!.includes(':')) continue;
      const match = LABELLED_LINE.exec(lines[index]!);
      if (!match) continue;
      const labels = profile.normaliseRoles(match[1]!);
      if (labels.length === 0 || match[1]!.split(' ').length > 4) continue;
      const values = [{ text: match[2]!, line: startLine + index }];
      // A value that ends with a comma, or is empty, goes on over the following lines.
      while (index + 1 < lines.length && (/,\s*$/.test(values[values.length - 1]!.text) || !squash(values[0]!.text))) {
        index += 1;
        if (LABELLED_LINE.test(lines[index]!) && profile.normaliseRoles(LABELLED_LINE.exec(lines[index]!)![1]!).length > 0) {
          index -= 1;
          break;
        }
        values.push({ text: lines[index]!, line: startLine + index });
      }
      // A value broken over lines may split a parenthesis: the lines are read as one text.
      record(labels, values.map((value) => value.text).join(' '), values);
      if (!squash(match[2]!) && index === lines.length - 1 && following?.type === 'list' && values.length === 1) {
        recordEach(labels, listItemLines(following));
      }
    }
  }
  return { roles, authors };
}
