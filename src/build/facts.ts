import type { Attrs, Source, Warning } from '../schema/graph.ts';
import type { PersonName } from './text/people.ts';

/**
 * What the extractors read from one document, before anything is resolved against the rest of
 * the repository. Plain data: it crosses worker boundaries by structured clone.
 */

/** A link as written, with where it was written. */
export interface RawLink {
  href: string;
  text: string;
  line: number;
}

export interface Heading {
  text: string;
  depth: number;
  /** GitHub-style anchor slug. */
  anchor: string;
  line: number;
}

/** Text of one section (the part under one heading), for full-text search. */
export interface Section {
  heading: string;
  anchor: string;
  line: number;
  text: string;
}

/** A person as written in one place. */
export interface PersonMention extends PersonName {
  source: Source;
}


export interface PublicationFormat {
  /** `markdown`, `pdf`, `audio`, `spreadsheet`, or a language for translations. */
  format: string;
  label: string;
  translation: boolean;
  link: RawLink;
}

/** An entity whose identity is decided after extraction, by link target or label (a kind with identity `link-or-label`). */
export interface EntityMention {
  kind: string;
  label: string;
  /** The link in the entity's cell: its home document, file or page. */
  link?: RawLink;
  attrs: Attrs;
  /** For compromises: the categories it belongs to, as written. */
  categories?: string[];
  formats?: PublicationFormat[];
  source: Source;
}

/**
 * A mention's stable key: where it was written, its kind and label. Later stages refer to
 * mentions by it, never by position in a list or by object identity (facts cross threads).
 */
export function mentionKey(mention: Pick<EntityMention, 'kind' | 'label' | 'source'>): string {
  return `${mention.source.path}:${mention.source.line}:${mention.kind}:${mention.label}`;
}

/** Who a role or author fact is about: an entity mentioned in this document (by its key), or the document's subject. */
export type Subject = { type: 'mention'; key: string } | { type: 'document' };

export interface RoleFact {
  person: PersonMention;
  role: string;
  subject: Subject;
  attrs?: Attrs;
}

export interface DocumentFacts {
  path: string;
  title: string;
  headings: Heading[];
  /** Anchors besides headings: HTML `id`/`name` attributes and footnotes (`fn-x`, `fnref-x`), lower case. */
  anchors: string[];
  words: number;
  summary: string;
  date?: string;
  /** Front matter's `translationKey`: documents sharing one translate each other. */
  translationKey?: string;
  /** Front matter's `lang` or `language`. */
  lang?: string;
  sections: Section[];
  links: RawLink[];
  entities: EntityMention[];
  roles: RoleFact[];
  authors: PersonMention[];
  /** People listed on their own with an organisation (affiliation facts without a role). */
  people: PersonMention[];
  warnings: Warning[];
}
