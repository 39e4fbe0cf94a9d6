import type { Profile } from '../../profiles/profile.ts';
import { mentionKey, type EntityMention, type RoleFact } from '../facts.ts';
import { parsePeople } from '../text/people.ts';
import { isNameHeader } from './columns.ts';
import type { TableRows } from './mdast.ts';

export interface TableFacts {
  entities: EntityMention[];
  roles: RoleFact[];
}

/** Columns (after the first) whose header names a role, with that role. */
function roleColumns(headers: readonly string[], profile: Profile): Array<{ index: number; role: string }> {
  const columns: Array<{ index: number; role: string }> = [];
  headers.forEach((header, index) => {
    if (index === 0) return;
    const role = profile.normaliseRole(header);
    if (role && role !== 'author') columns.push({ index, role });
  });
  return columns;
}

/**
 * A table whose headers name roles (`Project | Leads | STAG Rep`): each row's first cell is a
 * group (linked or named) and each role cell lists people holding that role in it.
 * `firstIndex` is where this table's entities will sit in the document's entity list.
 * Undefined when the table is not of this shape, or when too few rows name people in their
 * role cells (the profile's `evidence.roleTablePeople`): a threat table with a `Maintainer`
 * column or a feature table with an `Owner` column is not a table of groups and their people.
 */
export function extractRoleTable(path: string, table: TableRows, profile: Profile): TableFacts | undefined {
  if (isNameHeader(table.headers[0] ?? '')) return undefined;
  const columns = roleColumns(table.headers, profile);
  if (columns.length === 0) return undefined;
  const rows = table.rows.flatMap((row) => {
    const entityCell = row[0];
    if (!entityCell?.text) return [];
    const people = columns.flatMap(({ index: column, role }) => {
      const cell = row[column];
      return cell ? cell.parts.flatMap((part) => parsePeople(part, profile)).map(({ roleNote: _note, ...person }) => ({ person: { ...person, source: { path, line: cell.line } }, role })) : [];
    });
    return [{ entityCell, people }];
  });
  const withPeople = rows.filter((row) => row.people.length > 0).length;
  if (withPeople === 0 || withPeople < rows.length * profile.data.evidence.roleTablePeople) return undefined;
  const entities: EntityMention[] = [];
  const roles: RoleFact[] = [];
  for (const { entityCell, people } of rows) {
    const link = entityCell.links[0];
    const group: EntityMention = { kind: 'group', label: link?.text || entityCell.text, ...(link ? { link } : {}), attrs: {}, source: { path, line: entityCell.line } };
    entities.push(group);
    for (const { person, role } of people) roles.push({ person, role, subject: { type: 'mention', key: mentionKey(group) } });
  }
  return { entities, roles };
}
