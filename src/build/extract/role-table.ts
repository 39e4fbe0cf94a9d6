import type { EntityMention, RoleFact } from '../facts.ts';
import { parsePeople } from '../text/people.ts';
import { normaliseRole } from '../text/roles.ts';
import { isNameHeader } from './columns.ts';
import type { TableRows } from './mdast.ts';

export interface TableFacts {
  entities: EntityMention[];
  roles: RoleFact[];
}

/** Columns (after the first) whose header names a role, with that role. */
function roleColumns(headers: readonly string[]): Array<{ index: number; role: string }> {
  const columns: Array<{ index: number; role: string }> = [];
  headers.forEach((header, index) => {
    if (index === 0) return;
    const role = normaliseRole(header);
    if (role && role !== 'author') columns.push({ index, role });
  });
  return columns;
}

export function isRoleTable(table: TableRows): boolean {
  const first = table.headers[0] ?? '';
  return !isNameHeader(first) && roleColumns(table.headers).length > 0;
}

/**
 * A table whose headers name roles (`Project | Leads | STAG Rep`): each row's first cell is a
 * group (linked or named) and each role cell lists people holding that role in it.
 * `firstIndex` is where this table's entities will sit in the document's entity list.
 */
export function extractRoleTable(path: string, table: TableRows, firstIndex: number): TableFacts {
  const columns = roleColumns(table.headers);
  const rows = table.rows.flatMap((row) => {
    const entityCell = row[0];
    if (!entityCell?.text) return [];
    const people = columns.flatMap(({ index: column, role }) => {
      const cell = row[column];
      return cell ? cell.parts.flatMap(parsePeople).map((person) => ({ person: { ...person, source: { path, line: cell.line } }, role })) : [];
    });
    return [{ entityCell, people }];
  });
  // A table whose role columns name nobody (a threat table with a `Maintainer` column, say)
  // is not a table of groups and their people.
  if (rows.filter((row) => row.people.length > 0).length * 2 < rows.length) return { entities: [], roles: [] };
  const entities: EntityMention[] = [];
  const roles: RoleFact[] = [];
  for (const { entityCell, people } of rows) {
    const link = entityCell.links[0];
    const index = firstIndex + entities.length;
    entities.push({ kind: 'group', label: link?.text || entityCell.text, ...(link ? { link } : {}), attrs: {}, source: { path, line: entityCell.line } });
    for (const { person, role } of people) roles.push({ person, role, subject: { type: 'mention', index } });
  }
  return { entities, roles };
}
