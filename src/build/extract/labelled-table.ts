import type { Profile } from '../../profiles/profile.ts';
import type { PersonMention, RoleFact } from '../facts.ts';
import { ownRoles, parsePeople } from '../text/people.ts';
import type { TableRows } from './mdast.ts';

export interface LabelledTableFacts {
  roles: RoleFact[];
  authors: PersonMention[];
}

/** A label cell: bold or ending with a colon, a few words (`**Security reviewer(s)**:`). */
function labelOf(text: string, strong: boolean): string | undefined {
  const trimmed = text.trim();
  if (!strong && !trimmed.endsWith(':')) return undefined;
  const label = trimmed.replace(/:$/, '').trim();
  return label && label.split(/\s+/).length <= 4 ? label : undefined;
}

/**
 * A two-column table of labels and values, as at the top of a self-assessment
 * (`| **Security reviewer(s)**: | John Kinsella, Wesley Steehouwer (@dutchshark) |`): each row
 * whose label names a role lists people holding it in what the document is about. The header
 * row counts as a row, since such tables often have no real header. Undefined when no label
 * names a role or no value names a person.
 */
export function extractLabelledTable(path: string, table: TableRows, profile: Profile): LabelledTableFacts | undefined {
  if (table.headers.length !== 2) return undefined;
  const rows = [
    { label: labelOf(table.headers[0] ?? '', false), value: table.headers[1] ?? '', line: table.line },
    ...table.rows.map((row) => ({ label: labelOf(row[0]?.text ?? '', row[0]?.strong ?? false), value: row[1]?.text ?? '', line: row[1]?.line ?? table.line })),
  ];
  const labelled = rows.filter((row) => row.label !== undefined);
  // Most rows are labels: a table of data with one bold cell is not a form.
  if (labelled.length * 2 < rows.length) return undefined;
  const roles: RoleFact[] = [];
  const authors: PersonMention[] = [];
  for (const row of labelled) {
    const names = profile.normaliseRoles(row.label!);
    if (names.length === 0) continue;
    for (const { roleNote, ...person } of parsePeople(row.value, profile)) {
      const mention: PersonMention = { ...person, source: { path, line: row.line } };
      for (const role of ownRoles(names, roleNote, profile)) {
        if (role === 'author') authors.push(mention);
        else roles.push({ person: mention, role, subject: { type: 'document' } });
      }
    }
  }
  return roles.length + authors.length > 0 ? { roles, authors } : undefined;
}
