import type { ProfileData } from './profile.ts';

/**
 * CNCF's TAGs, the TOC and their working groups: role tables and labelled lines, people
 * tables, publication and catalog tables, assessed projects in per-project folders, project
 * folders of proposals and reviews, translations.
 */
export const CNCF_PROFILE: ProfileData = {
  name: 'cncf',
  description: "CNCF TAGs, the TOC and their working groups",
  roles: [
    { role: 'project-security-lead', patterns: ['\\bproject\\s+security\\s+leads?\\b'] },
    { role: 'security-reviewer', patterns: ['\\bsecurity\\s+reviewers?(?:\\(s\\))?'] },
    {
      role: 'chair-emeritus',
      governance: true,
      patterns: ['\\bchairs?\\b.*\\bemerit', '\\bemerit\\w*\\b.*\\bchairs?\\b', '\\bemerit(?:us|i|a)\\s+leaders?\\b'],
    },
    { role: 'emeritus', governance: true, patterns: ['\\bemerit(?:us|i|a)\\b'] },
    { role: 'tech-lead', governance: true, patterns: ['\\btech(?:nical)?\\s+leads?\\b', '^\\s*TLs?\\s*$'] },
    { role: 'chair', governance: true, patterns: ['\\bco-?chairs?\\b', '\\bchair(?:s|person|persons)?\\b', '의장', '議長', '主席', 'チェア'] },
    { role: 'stag-rep', governance: true, patterns: ['\\bs-?tag\\s+rep(?:resentative)?s?\\b'] },
    { role: 'toc-liaison', governance: true, patterns: ['\\btoc\\s+liaisons?\\b'] },
    { role: 'liaison', governance: true, patterns: ['\\bliaisons?\\b'] },
    { role: 'lead', governance: true, patterns: ['\\bco-?leads?\\b', '\\bleads?\\b', '\\bleaders?\\b'] },
    { role: 'maintainer', patterns: ['\\bmaintainers?\\b'] },
    { role: 'reviewer', patterns: ['\\breviewers?(?:\\(s\\))?'] },
    { role: 'contributor', patterns: ['\\bcontributors?\\b'] },
    { role: 'facilitator', governance: true, patterns: ['\\bfacilitators?\\b'] },
    { role: 'sponsor', governance: true, patterns: ['\\bsponsors?\\b'] },
    { role: 'shepherd', governance: true, patterns: ['\\bshepherds?\\b'] },
    { role: 'author', patterns: ['\\bauthors?\\b', '\\bwritten\\s+by\\b', '\\bauthored\\s+by\\b'] },
  ],
  notNames: [
    'link', 'links', 'pdf', 'tbd', 'tba', 'n/a', 'na', 'none', 'todo', 'vacant', 'open', 'yes', 'no', 'markdown', 'here',
    'see above', 'various', 'unknown', 'anonymous', 'everyone', 'all', 'other', 'others', 'name', 'github', 'slack', 'email',
    'independent',
  ],
  nonNameWords: [
    'authors?', 'contributors?', 'reviewers?', 'maintainers?', 'members?', 'team', 'teams', 'community', 'group', 'groups',
    'committee', 'working', 'project', 'projects', 'foundation', 'security', 'cncf', 'tag', 'toc', 'chair', 'chairs', 'lead',
    'leads', 'liaison', 'white', 'paper', 'original', 'the', 'of', 'for', 'inc', 'llc', 'ltd', 'corp', 'corporation', 'university',
  ],
  recognisers: [
    'people-table', 'labelled-table', 'role-table', 'labelled-lines', 'role-headings', 'publication-table', 'compromise-table',
    'front-matter-authors', 'group-pages', 'project-folders', 'translations',
  ],
  evidence: {
    roleTablePeople: 0.5,
    catalogTypeHeader: '\\b(?:compromise|attack|incident|breach)',
    publicationHeader: '^(?:publications?|papers?|white\\s*papers?|reports?)$',
    rowShape: 0.5,
  },
  charterPath: '(?:^|/)charter(?:[/._-]|$)',
  abbreviations: { wg: 'working group', wgs: 'working groups', sig: 'special interest group', tag: 'technical advisory group', stag: 'security technical advisory group' },
  projectFolders: [
    {
      name: 'assessed projects',
      minProjects: 3,
      documents: [
        { kind: 'self-assessment', pattern: 'self[-_ ]?assess', assesses: true },
        { kind: 'joint-assessment', pattern: 'joint[-_ ]?(?:assess|review)|security[-_ ]?(?:assessment|review)', assesses: true },
        { kind: 'threat-model', pattern: 'threat[-_ ]?(?:model|analysis)|threatmodel', assesses: true },
        { kind: 'assessment', pattern: 'assess', assesses: true },
      ],
    },
    {
      name: 'TOC project folders',
      minProjects: 3,
      documents: [
        { kind: 'due-diligence', pattern: 'due[-_ ]?diligence' },
        { kind: 'annual-review', pattern: 'annual[-_ ]?review' },
        { kind: 'adopter-interview', pattern: 'adopter[-_ ]?interview' },
        { kind: 'proposal', pattern: '(?:sandbox|incubation|graduation)|proposal' },
        { kind: 'security-assessment', pattern: 'security[-_ ]?(?:assessment|audit|review)', assesses: true },
      ],
    },
  ],
};
