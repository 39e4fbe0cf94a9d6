import { extractLabelledTable } from '../../build/extract/labelled-table.ts';
import { extractPeopleTable, isPeopleTable } from '../../build/extract/people-table.ts';
import type { KindModule } from '../kind.ts';

/** Someone named in a people table, a role table, a labelled line, a list under a role heading or front matter. */
export const personKind: KindModule = {
  identity: 'name-or-handle',
  info: {
    kind: 'person',
    label: 'Person',
    color: '#27ae60',
    shape: 'ellipse',
    searchBoost: 3,
    searchedAttributes: ['handle', 'organization'],
    attributes: { handle: 'GitHub handle', organization: 'employers, comma-separated', aliases: 'other spellings and handles' },
  },
  tables: [
    {
      name: 'people-table',
      priority: 30,
      read: (table, { path, heading, profile }) => (isPeopleTable(table) ? extractPeopleTable(path, table, heading, profile) : undefined),
    },
    {
      name: 'labelled-table',
      priority: 35,
      read: (table, { path, profile }) => extractLabelledTable(path, table, profile),
    },
  ],
};
