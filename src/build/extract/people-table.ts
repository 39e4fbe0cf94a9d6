import type { Profile } from '../../profiles/profile.ts';
import type { Attrs } from '../../schema/graph.ts';
import type { PersonMention, RoleFact } from '../facts.ts';
import { isOrganizationLabel, looksLikePersonName, parsePeople } from '../text/people.ts';
import { findColumn, isHandleHeader, isNameHeader, isOrganizationHeader, isRoleColumnHeader, isTermHeader } from './columns.ts';
import type { TableRows } from './mdast.ts';

export interface PeopleTableFacts {
  roles: RoleFact[];
  people: PersonMention[];
}

/**
 * A first column of names and at least one column that only people have (organisation,
 * handle, term, role): `Name | Comments` lists components, not people.
 */
export function isPeopleTable(table: TableRows): boolean {
  const [first, ...others] = table.headers;
  return isNameHeader(first ?? '') && others.some((header) => isOrganizationHeader(header) || isHandleHeader(header) || isTermHeader(header) || isRoleColumnHeader(header));
}

/**
 * A table of people (`Name | Organization | Term | Handle`). Each row is one person. The role is
 * the row's role column, or else what the heading above the table calls them (`Chair
 * Emeriti`; the title when no heading precedes it); with neither, the rows are people and affiliations only.
 */
export function extractPeopleTable(path: string, table: TableRows, context: string, profile: Profile): PeopleTableFacts {
  const { headers } = table;
  const handleColumn = findColumn(headers, isHandleHeader);
  const organizationColumn = findColumn(headers, isOrganizationHeader);
  const termColumn = findColumn(headers, isTermHeader);
  const roleColumn = findColumn(headers, isRoleColumnHeader);
  const contextRole = profile.normaliseRole(context);

  const roles: RoleFact[] = [];
  const people: PersonMention[] = [];
  for (const row of table.rows) {
    const nameCell = row[0];
    if (!nameCell?.text) continue;
    const [parsed] = parsePeople(nameCell.text, profile);
    const handleText = handleColumn >= 0 ? row[handleColumn]?.text.replace(/^@/, '').trim() : undefined;
    const handle = handleText && /^[A-Za-z0-9-]{1,39}$/.test(handleText) ? handleText : parsed?.handle;
    // The column is named for people, so a one-word name counts here.
    const name = parsed?.name ?? (looksLikePersonName(nameCell.text, profile) ? nameCell.text : undefined);
    if (!name && !handle) continue;
    const organizationText = organizationColumn >= 0 ? row[organizationColumn]?.text : undefined;
    const organization = organizationText ? (isOrganizationLabel(organizationText, profile) ? organizationText : undefined) : parsed?.organization;
    const person: PersonMention = {
      ...(name ? { name } : {}),
      ...(handle ? { handle } : {}),
      ...(organization ? { organization } : {}),
      source: { path, line: nameCell.line },
    };
    const rowRole = roleColumn >= 0 ? profile.normaliseRole(row[roleColumn]?.text ?? '') : undefined;
    const role = rowRole ?? contextRole;
    const term = termColumn >= 0 ? row[termColumn]?.text : undefined;
    const attrs: Attrs = term ? { term } : {};
    if (role) roles.push({ person, role, subject: { type: 'document' }, ...(term ? { attrs } : {}) });
    else people.push(person);
  }
  return { roles, people };
}
