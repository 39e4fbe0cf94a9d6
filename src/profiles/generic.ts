import type { ProfileData } from './profile.ts';

/**
 * Any repository: documents, headings, links, front-matter authors, and people tables whose
 * headers say they list people. Nothing else becomes an entity, so a repository the build
 * knows nothing about gets a plain graph of documents rather than invented groups.
 */
export const GENERIC_PROFILE: ProfileData = {
  name: 'generic',
  description: 'Documents, links, front-matter authors and explicit people tables only',
  roles: [
    { role: 'lead', governance: true, patterns: ['\\bco-?leads?\\b', '\\bleads?\\b'] },
    { role: 'chair', governance: true, patterns: ['\\bco-?chairs?\\b', '\\bchair(?:s|person)?\\b'] },
    { role: 'maintainer', patterns: ['\\bmaintainers?\\b'] },
    { role: 'reviewer', patterns: ['\\breviewers?\\b'] },
    { role: 'contributor', patterns: ['\\bcontributors?\\b'] },
    { role: 'author', patterns: ['\\bauthors?\\b'] },
  ],
  notNames: ['tbd', 'tba', 'n/a', 'na', 'none', 'todo', 'vacant', 'unknown', 'name', 'github', 'email', 'independent'],
  nonNameWords: ['team', 'teams', 'community', 'group', 'groups', 'committee', 'project', 'projects', 'the', 'of', 'for', 'inc', 'llc', 'ltd', 'corp'],
  recognisers: ['people-table', 'front-matter-authors'],
  evidence: { roleTablePeople: 0.8, catalogTypeHeader: '(?!)', publicationHeader: '(?!)', rowShape: 0.8 },
  projectFolders: [],
  charterPath: '(?!)',
  abbreviations: {},
};
