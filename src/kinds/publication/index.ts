import { extractPublicationTable, isPublicationTable } from '../../build/extract/publication-table.ts';
import type { KindModule } from '../kind.ts';

/** A paper or guide, with its release date and formats (markdown, PDF, audio, translations). */
export const publicationKind: KindModule = {
  identity: 'link-or-label',
  info: {
    kind: 'publication',
    label: 'Publication',
    color: '#d9822b',
    shape: 'star',
    searchBoost: 3,
    searchedAttributes: ['description', 'date', 'series', 'release'],
    attributes: { date: 'release, YYYY-MM or YYYY-MM-DD', release: 'release as written', description: 'what it is', series: 'the series it belongs to', formats: 'formats it comes in', aliases: 'other names' },
  },
  tables: [
    {
      name: 'publication-table',
      priority: 20,
      read: (table, { path, profile }) => (isPublicationTable(table, profile) ? { entities: extractPublicationTable(path, table) } : undefined),
    },
  ],
};
