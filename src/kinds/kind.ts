import type { NodeKindInfo } from '../schema/kinds.ts';
import type { Profile } from '../profiles/profile.ts';
import type { TableRows } from '../build/extract/mdast.ts';
import type { EntityMention, PersonMention, RoleFact } from '../build/facts.ts';

/** What a table recogniser is told besides the table. */
export interface TableContext {
  path: string;
  profile: Profile;
  /** The nearest heading above the table, or the document's title. */
  heading: string;
}

export interface TableFacts {
  entities?: EntityMention[];
  roles?: RoleFact[];
  people?: PersonMention[];
  /** Authors of the document itself. */
  authors?: PersonMention[];
}

/**
 * A table shape that states facts of a kind. Recognisers of every kind are tried in order of
 * `priority` (lowest first); the first that returns facts has the table. One returns undefined
 * when the table is not its shape or lacks the evidence it needs.
 */
export interface TableRecogniser {
  /** Its name in profiles, which switch it on or off. */
  name: string;
  priority: number;
  read(table: TableRows, context: TableContext): TableFacts | undefined;
}

/**
 * What makes two mentions one node:
 * - `path`: the repository path (documents, files);
 * - `url`: the site of an address (external sites);
 * - `link-or-label`: mentions that share a link target, or without links whose labels fold alike;
 *   the entity's home page is where its link leads (groups, publications, compromises, and new kinds);
 * - `name-or-handle`: folded name or GitHub handle, united transitively (people);
 * - `folded-label`: the label folded (organisations, categories);
 * - `folder`: the folder that holds its documents (projects).
 */
export type IdentityRule = 'path' | 'url' | 'link-or-label' | 'name-or-handle' | 'folded-label' | 'folder';

/** Everything about one node kind: its schema and presentation, recognisers and identity rule. */
export interface KindModule {
  info: NodeKindInfo;
  identity: IdentityRule;
  tables?: TableRecogniser[];
}
