import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { joinPieces, shardText, type ShardPiece } from '../../src/build/search-shard.ts';
import { SEARCH_INDEX_OPTIONS, SEARCH_QUERY_OPTIONS, type SearchEntry } from '../../src/schema/search.ts';

const newIndex = (entries: readonly SearchEntry[]): MiniSearch<SearchEntry> => {
  const index = new MiniSearch<SearchEntry>({ ...SEARCH_INDEX_OPTIONS, fields: [...SEARCH_INDEX_OPTIONS.fields], storeFields: [...SEARCH_INDEX_OPTIONS.storeFields] });
  index.addAll(entries);
  return index;
};

/** The reference: MiniSearch indexing the entries anew, in order. */
const indexedAnew = (entries: readonly SearchEntry[]): string => shardText(newIndex(entries).toJSON());

// Few words, so terms repeat across entries, fields and pieces; stop words and numbers are dropped by processTerm.
const word = fc.constantFrom('falco', 'kyverno', 'supply', 'chain', 'the', 'of', 'sbom', 'sbom', 'é', 'x', '2021', '123456', 'Supply', 'in-toto', '');
const text = fc.array(word, { maxLength: 12 }).map((words) => words.join(' '));
/** A group of entries (a document's sections, or an entity) under a name unique in the shard. */
const group = (name: string): fc.Arbitrary<SearchEntry[]> =>
  fc.array(fc.record({ title: text, aliases: text, heading: text, text }), { minLength: 1, maxLength: 4 }).map((sections) =>
    sections.map((section, at) => ({ ...section, id: `${name}#${at}`, nodeId: name, anchor: String(at) })),
  );
const groups = fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 12 }).chain((names) => fc.tuple(...names.map((name) => group(`doc:${name}`))));

/** Groups' entries split into pieces of consecutive groups, each piece indexed alone. */
function piecesOf(parts: ReadonlyArray<readonly SearchEntry[]>, cuts: readonly boolean[]): ShardPiece[] {
  const pieces: ShardPiece[] = [];
  let run: SearchEntry[][] = [];
  const flush = (): void => {
    const index = newIndex(run.flat()).toJSON();
    let start = 0;
    for (const part of run) {
      pieces.push({ index, start, count: part.length });
      start += part.length;
    }
    run = [];
  };
  parts.forEach((part, at) => {
    run.push([...part]);
    if (cuts[at] || at === parts.length - 1) flush();
  });
  return pieces;
}

describe('joinPieces', () => {
  it('gives byte for byte the shard MiniSearch makes indexing the same entries anew', () => {
    fc.assert(
      fc.property(groups, fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), (parts, cuts) => {
        expect(joinPieces(piecesOf(parts, cuts))).toBe(indexedAnew(parts.flat()));
      }),
      { numRuns: 300 },
    );
  });

  it('takes groups from older shards in any order, leaving out the rest, as indexing anew would', () => {
    fc.assert(
      fc.property(groups, groups, fc.array(fc.nat(), { minLength: 1, maxLength: 10 }), (older, newer, picks) => {
        // An edit: the new shard keeps some groups of an older one (any of them, in a new
        // order) and has some new ones; the older shard's other groups are gone.
        const oldIndex = newIndex(older.flat()).toJSON();
        const starts = older.map((_, at) => older.slice(0, at).reduce((sum, part) => sum + part.length, 0));
        const kept = [...new Set(picks.map((pick) => pick % older.length))];
        const fresh = newer.filter((part) => !kept.some((at) => older[at]![0]!.nodeId === part[0]!.nodeId));
        const freshIndex = newIndex(fresh.flat()).toJSON();
        const pieces: ShardPiece[] = kept.map((at) => ({ index: oldIndex, start: starts[at]!, count: older[at]!.length }));
        let start = 0;
        for (const part of fresh) {
          pieces.splice(start % (pieces.length + 1), 0, { index: freshIndex, start, count: part.length });
          start += part.length;
        }
        const order = pieces.map((piece) => (piece.index === oldIndex ? older : fresh).flat().slice(piece.start, piece.start + piece.count));
        expect(joinPieces(pieces)).toBe(indexedAnew(order.flat()));
      }),
      { numRuns: 300 },
    );
  });

  it('makes an index MiniSearch loads and answers from as from one made anew', () => {
    const entries: SearchEntry[] = ['Falco runtime security', 'Kyverno policy engine', 'Software supply chain attacks', 'SBOM and in-toto'].map((words, at) => ({
      id: `doc:${at}#`,
      nodeId: `doc:${at}`,
      title: words,
      aliases: '',
      heading: `Section ${at}`,
      anchor: '',
      text: `${words} and more about ${words.toLowerCase()}`,
    }));
    const joined = joinPieces(piecesOf([entries.slice(0, 1), entries.slice(1, 3), entries.slice(3)], [true, false, true]));
    const options = { ...SEARCH_INDEX_OPTIONS, fields: [...SEARCH_INDEX_OPTIONS.fields], storeFields: [...SEARCH_INDEX_OPTIONS.storeFields] };
    const loaded = MiniSearch.loadJSON<SearchEntry>(joined, options);
    const results = loaded.search('supply chain', SEARCH_QUERY_OPTIONS);
    expect(results.map((result) => [result.id, result['heading']])).toEqual([['doc:2#', 'Section 2']]);
    expect(loaded.search('kyvrno', SEARCH_QUERY_OPTIONS).map((result) => result.id)).toEqual(['doc:1#']);
    expect(newIndex(entries).search('policy', SEARCH_QUERY_OPTIONS)).toEqual(loaded.search('policy', SEARCH_QUERY_OPTIONS));
  });

  it('refuses pieces outside their shard', () => {
    const index = newIndex([{ id: 'a#', nodeId: 'a', title: 'a', aliases: '', heading: '', anchor: '', text: '' }]).toJSON();
    expect(() => joinPieces([{ index, start: 0, count: 2 }])).toThrow(/outside its shard of 1/);
    expect(() => joinPieces([])).toThrow(/no pieces/);
  });
});
