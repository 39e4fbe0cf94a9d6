import { extractCompromiseTable, isCompromiseTable } from '../../build/extract/compromise-table.ts';
import type { KindModule } from '../kind.ts';

/** An entry of a catalog of compromises: year, types (its categories) and references. */
export const compromiseKind: KindModule = {
  identity: 'link-or-label',
  info: {
    kind: 'compromise',
    label: 'Compromise',
    color: '#eb5757',
    shape: 'triangle',
    searchBoost: 3,
    searchedAttributes: ['types', 'year', 'summary'],
    attributes: { year: 'year it happened', types: 'types of compromise', references: 'links to write-ups', summary: 'first paragraph of its write-up' },
  },
  tables: [
    {
      name: 'compromise-table',
      priority: 10,
      read: (table, { path, profile }) => (isCompromiseTable(table, profile) ? { entities: extractCompromiseTable(path, table) } : undefined),
    },
  ],
};
