import type { EdgeKindInfo } from '../schema/kinds.ts';

/** Every edge kind, with how it is drawn and how it reads from either end. */
export const EDGE_KIND_INFOS: readonly EdgeKindInfo[] = [
  { kind: 'role', label: 'role', color: '#27ae60', line: 'solid', outgoing: '{role} of', incoming: '{roles}', fallbackRole: 'member' },
  { kind: 'author', label: 'author', color: '#6fcf97', line: 'dashed', outgoing: 'author of', incoming: 'authors' },
  { kind: 'affiliated_with', label: 'affiliated with', color: '#9b51e0', line: 'dotted', outgoing: 'affiliated with', incoming: 'people' },
  { kind: 'describes', label: 'describes', color: '#2f80ed', line: 'dashed', outgoing: 'home page of', incoming: 'home page' },
  { kind: 'has_format', label: 'has format', color: '#d9822b', line: 'dashed', outgoing: 'formats', incoming: 'format of' },
  { kind: 'assesses', label: 'assesses', color: '#00a3a3', line: 'solid', outgoing: '{role} of', incoming: '{roles}', fallbackRole: 'assessment' },
  { kind: 'about', label: 'about', color: '#56b4b4', line: 'dashed', outgoing: '{role} about', incoming: '{roles}', fallbackRole: 'document' },
  { kind: 'in_category', label: 'in category', color: '#c94f7c', line: 'solid', outgoing: 'category', incoming: 'in this category' },
  { kind: 'translation_of', label: 'translation of', color: '#7f8fa6', line: 'dotted', outgoing: 'translation of', incoming: 'translations' },
  { kind: 'part_of', label: 'part of', color: '#bdbdbd', line: 'dotted', outgoing: 'part of', incoming: 'contains' },
  { kind: 'links_to', label: 'links to', color: '#9aa5b1', line: 'solid', outgoing: 'links to', incoming: 'linked from' },
];
