import type { AsPlainObject } from 'minisearch';
import { byCodePoint } from './text/order.ts';

/** A shard's index as MiniSearch serialises it (`toJSON`, serialisation version 2). */
export type ShardIndex = AsPlainObject;

/** Per term: field id to document (short) id to the term's frequency there. */
type Postings = Record<string, Record<string, number>>;

/**
 * A shard's text: MiniSearch's serialisation with its terms sorted. MiniSearch lists terms in
 * the order of its radix tree, which depends on the order they were first added; sorted, the
 * same entries in the same order give the same text however the index was made, so a shard
 * joined from pieces of others (`joinPieces`) is byte-identical to one indexed anew. The
 * order of terms means nothing to `MiniSearch.loadJSON`.
 */
export function shardText(index: ShardIndex): string {
  const terms = (index.index as Array<[string, Postings]>).slice().sort(([a], [b]) => byCodePoint(a, b));
  return JSON.stringify({ ...index, index: terms });
}

/** The entries with (short) ids `start` to `start + count - 1` of `index`, in that order. */
export interface ShardPiece {
  index: ShardIndex;
  start: number;
  count: number;
}

/**
 * The text (`shardText`) of the shard that indexing the pieces' entries anew, in order, would
 * make, without tokenising anything: each entry keeps its terms, frequencies, field lengths and
 * stored fields, under the id its place in the new order gives it; and the average field
 * lengths are worked out again as MiniSearch works them out while adding, one entry at a time,
 * so they come out the same to the last bit. Each piece's index must be a fresh one's: ids
 * dense from 0, nothing discarded (as every shard the build makes is).
 */
export function joinPieces(pieces: readonly ShardPiece[]): string {
  const first = pieces[0]?.index;
  if (!first) throw new Error('search index: a shard of no pieces');
  // Each piece's old ids to new ones, by index; -1 for an entry of no piece.
  const renumbered = new Map<ShardIndex, Int32Array>();
  const documentIds: Record<string, unknown> = {};
  const fieldLength: Record<string, Array<number | null>> = {};
  const storedFields: Record<string, unknown> = {};
  let next = 0;
  for (const { index, start, count } of pieces) {
    if (index.dirtCount !== 0 || index.nextId !== index.documentCount || start < 0 || start + count > index.documentCount) {
      throw new Error(`search index: a piece (entries ${start} to ${start + count - 1}) outside its shard of ${index.documentCount}, or of a shard with discarded entries`);
    }
    let ids = renumbered.get(index);
    if (!ids) {
      if (JSON.stringify(index.fieldIds) !== JSON.stringify(first.fieldIds)) throw new Error('search index: pieces of shards with different fields');
      renumbered.set(index, (ids = new Int32Array(index.documentCount).fill(-1)));
    }
    for (let old = start; old < start + count; old += 1, next += 1) {
      ids[old] = next;
      documentIds[next] = index.documentIds[old];
      if (old in index.fieldLength) fieldLength[next] = index.fieldLength[old]!;
      if (old in index.storedFields) storedFields[next] = index.storedFields[old];
    }
  }
  // Per term, its postings as (field, new id, frequency) triples, from every piece.
  const postings = new Map<string, number[]>();
  for (const [index, ids] of renumbered) {
    for (const [term, fields] of index.index as Array<[string, Postings]>) {
      let triples = postings.get(term);
      for (const field in fields) {
        const frequencies = fields[field]!;
        for (const old in frequencies) {
          const id = ids[+old]!;
          if (id < 0) continue;
          if (!triples) postings.set(term, (triples = []));
          triples.push(+field, id, frequencies[old]!);
        }
      }
    }
  }
  const head = JSON.stringify({
    documentCount: next,
    nextId: next,
    documentIds,
    fieldIds: first.fieldIds,
    fieldLength,
    averageFieldLength: averageFieldLengths(fieldLength, next),
    storedFields,
    dirtCount: 0,
  });
  const terms = [...postings.keys()].sort(byCodePoint);
  const parts: string[] = [];
  for (const term of terms) parts.push(`[${JSON.stringify(term)},${postingsText(postings.get(term)!)}]`);
  return `${head.slice(0, -1)},"index":[${parts.join(',')}],"serializationVersion":2}`;
}

/** Triples (field, id, frequency) as JSON.stringify writes MiniSearch's object of them: fields, then ids, in ascending order. */
function postingsText(triples: number[]): string {
  const order = Array.from({ length: triples.length / 3 }, (_, at) => at * 3);
  order.sort((a, b) => triples[a]! - triples[b]! || triples[a + 1]! - triples[b + 1]!);
  let text = '{';
  let field = -1;
  for (const at of order) {
    if (triples[at] !== field) {
      text += `${field < 0 ? '' : '},'}"${triples[at]}":{`;
      field = triples[at]!;
    } else text += ',';
    text += `"${triples[at + 1]}":${triples[at + 2]}`;
  }
  return `${text}}}`;
}

/**
 * Each field's average length over entries `0` to `count - 1`, updated entry by entry as
 * MiniSearch's `addFieldLength` does (a field an entry lacks is left out of the average, but
 * the entry still counts): the same sums and divisions in the same order, so the same doubles.
 */
function averageFieldLengths(fieldLength: Readonly<Record<string, ReadonlyArray<number | null>>>, count: number): number[] {
  const averages: number[] = [];
  for (let id = 0; id < count; id += 1) {
    (fieldLength[id] ?? []).forEach((length, field) => {
      if (length === null || length === undefined) return;
      averages[field] = ((averages[field] || 0) * id + length) / (id + 1);
    });
  }
  return averages;
}
