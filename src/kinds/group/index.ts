import { extractRoleTable } from '../../build/extract/role-table.ts';
import type { KindModule } from '../kind.ts';

/** A TAG, working group or initiative: from role tables, the root README and folder pages that name leads. */
export const groupKind: KindModule = {
  identity: 'link-or-label',
  info: {
    kind: 'group',
    label: 'Group',
    color: '#2f80ed',
    shape: 'hexagon',
    searchBoost: 3,
    searchedAttributes: ['description'],
    attributes: { root: 'the repository’s own group', aliases: 'other names, translations included' },
  },
  tables: [
    {
      name: 'role-table',
      priority: 40,
      read: (table, { path, profile }) => extractRoleTable(path, table, profile),
    },
  ],
};
