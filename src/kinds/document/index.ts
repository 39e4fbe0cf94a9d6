import type { KindModule } from '../kind.ts';

/** A markdown file of the repository; its id is `doc:` and its path (see `documentNodeId`). */
export const documentKind: KindModule = {
  identity: 'path',
  info: {
    kind: 'document',
    label: 'Document',
    color: '#6b7b8c',
    shape: 'round-rectangle',
    searchBoost: 1,
    searchedAttributes: [],
    attributes: {
      title: 'the first heading, front-matter title or file name',
      headings: 'section headings in order',
      words: 'word count',
      summary: 'the first paragraph',
      date: 'front-matter date',
      lang: 'language of a translation (BCP 47), when the path or front matter says',
    },
  },
};
