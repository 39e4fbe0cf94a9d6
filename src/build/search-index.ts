import { createHash } from 'node:crypto';
import MiniSearch from 'minisearch';
import { OUTPUT_FILES, type GraphDocument } from '../schema/graph.ts';
import { SEARCH_INDEX_OPTIONS, SEARCH_SHARD_FOLDER, type SearchEntry, type SearchManifest } from '../schema/search.ts';
import type { KindRegistry } from '../kinds/registry.ts';
import type { DocumentFacts } from './facts.ts';
import { codeVersion } from './facts-cache.ts';
import { documentEntries, entityEntries } from './search-entries.ts';
import { joinPieces, shardText, type ShardIndex, type ShardPiece } from './search-shard.ts';

/** Bumped when what a shard holds changes in a way the code version does not show. */
const SHARD_FORMAT = 2;

/** What a shard's key holds besides its content: the shard format and the build's code. */
const shardVersion = (): string => `${SHARD_FORMAT}\u0000${codeVersion()}`;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * A run of a shard's entries whose content a key names: a document's sections (the key is the
 * document's content key, `FactsCache.key`) or one entity (a hash of its entry). With its count
 * of entries.
 */
export type ShardGroup = readonly [key: string, entries: number];

/** A shard's serialised index, with its sha256 (which also names its output file) and its groups of entries in order. */
export interface StoredShard {
  text: string;
  digest: string;
  groups: readonly ShardGroup[];
}

/** Where shards are kept between builds: read by key, filled with what this build made or used. */
export interface ShardStore {
  /** The shard kept under `key`, its digest checked against its text when it was read. */
  shard(key: string): Promise<StoredShard | undefined>;
  setShard(key: string, shard: StoredShard): void;
  /** The key of a kept shard that holds the group with this key, if any (`ShardGroup`). */
  shardHolding(group: string): string | undefined;
}

/** A cache of shards and the content keys (`FactsCache.key`) of the documents, in input order, that key them. */
export interface ShardCache {
  store: ShardStore;
  contentKeys: readonly string[];
}

/**
 * How to join a shard (`joinPieces`): the texts of the kept shards it takes groups from, and its
 * groups in order, each as `[kept, start, count]`: entries `start` to `start + count - 1` of
 * kept shard `kept`, or, with `kept` -1, the next `count` entries added since the last shard
 * ended (`start` is then unused), which are indexed anew.
 */
export interface JoinSpec {
  kept: string[];
  groups: Array<readonly [kept: number, start: number, count: number]>;
}

/**
 * What fills shards: entries of the shard being made, then its end, as indexed anew or joined;
 * the entities shard last.
 */
export interface ShardSink {
  add(entries: SearchEntry[]): void;
  endShard(): void;
  endJoin(join: JoinSpec): void;
  /** Every shard made since the start, in order, the entities' last when given. */
  finish(entities: SearchEntry[] | undefined): Promise<string[]> | string[];
}

/**
 * Splits documents, in input order, into runs that each become one search index shard. Where a
 * run ends depends only on the paths near it (content-defined chunking, by a hash of each path),
 * so a file added, edited or deleted changes its own shard and seldom the next. Runs aim at a
 * power of two near documents ÷ √(documents ÷ 16) documents, so a repository ten times larger
 * has about three times as many shards, each about three times larger: few enough for a browser
 * to search them all on each keystroke, small enough that an edit rebuilds little. Like FastCDC's
 * normalised chunking, a run seldom ends before its aim and often after it, and never holds
 * fewer than a quarter or more than four times the aim, which keeps the shards even.
 */
export function planShards(paths: readonly string[]): number[][] {
  const wanted = Math.max(1, Math.round(Math.sqrt(paths.length / 16)));
  const aim = 2 ** Math.round(Math.log2(Math.max(1, paths.length / wanted)));
  const shards: number[][] = [];
  let run: number[] = [];
  paths.forEach((path, index) => {
    run.push(index);
    const hash = createHash('sha256').update(path).digest().readUInt32BE(0);
    const ends = run.length >= aim * 4 || (run.length >= aim / 4 && hash % (run.length < aim ? aim * 2 : Math.max(1, aim / 2)) === 0);
    if (ends) {
      shards.push(run);
      run = [];
    }
  });
  if (run.length > 0) shards.push(run);
  return shards;
}

/** A shard's file is named by its content's digest, so it is the same however the build ran, and a new name means new content. */
const shardFile = (digest: string): string => `${SEARCH_SHARD_FOLDER}/${digest.slice(0, 20)}.json`;

/**
 * A shard not kept under its key that is joined from the groups kept shards hold, with the few
 * they lack indexed anew: the kept shards' texts, and where each held group is in them, by group
 * key. Fed document by document into a `JoinSpec`.
 */
interface Join {
  kept: string[];
  held: ReadonlyMap<string, readonly [kept: number, start: number, count: number]>;
  groups: JoinSpec['groups'];
}

/**
 * A join of groups with these keys, if kept shards that can be read hold at least half of them;
 * else none, and the shard is indexed anew. Joining costs about a fifth of indexing what it takes
 * from a kept shard (which is read and parsed whole), and nothing is tokenised again.
 */
async function joinOf(store: ShardStore, groups: readonly string[]): Promise<Join | undefined> {
  const holders = new Map<string, StoredShard | undefined>();
  for (const group of groups) {
    const holder = store.shardHolding(group);
    if (holder && !holders.has(holder)) holders.set(holder, await store.shard(holder));
  }
  const kept: string[] = [];
  const where = new Map<string, readonly [number, number, number]>();
  for (const shard of holders.values()) {
    if (!shard) continue;
    let start = 0;
    for (const [key, count] of shard.groups) {
      where.set(key, [kept.length, start, count]);
      start += count;
    }
    kept.push(shard.text);
  }
  const held = new Map(groups.flatMap((group) => (where.has(group) ? [[group, where.get(group)!] as const] : [])));
  return held.size > 0 && held.size * 2 >= groups.length ? { kept, held, groups: [] } : undefined;
}

/** An entity's group key: a hash of its entry, which is all its group holds. */
const entityGroup = (entry: SearchEntry): ShardGroup => [sha256(JSON.stringify(entry)).slice(0, 32), 1];

/**
 * The search index of one build as shards: one per run of documents (see `planShards`), keyed by
 * the content of its documents and the build's code, and one of the entities, keyed by its
 * entries. With a cache, a shard whose key its store holds is taken from it; the others are made
 * by a sink fed document by document in input order (`feed`), so a shard can be serialised and
 * dropped as soon as its last document is in: joined from the kept shards that hold most of its
 * groups (documents, entities), with only the rest indexed (`Join`), or else indexed anew.
 */
export class SearchShards {
  private readonly shardOf: number[] = [];
  private readonly lastOfShard = new Set<number>();
  /** Each shard's groups in order, as fed: what the store keeps with it. */
  private readonly groups: ShardGroup[][];

  private constructor(
    shards: readonly number[][],
    private readonly stored: ReadonlyArray<StoredShard | undefined>,
    private readonly joins: ReadonlyArray<Join | undefined>,
    /** The store, each shard's key in it, and each document's content key; none without a cache, when every shard is made. */
    private readonly cached: { store: ShardStore; keys: readonly string[]; contentKeys: readonly string[] } | undefined,
  ) {
    shards.forEach((members, shard) => {
      for (const index of members) this.shardOf[index] = shard;
      this.lastOfShard.add(members.at(-1)!);
    });
    this.groups = shards.map(() => []);
  }

  /** The shards of documents with these paths, in input order, with those `cache` holds already read, and the kept shards to join others from. */
  static async plan(paths: readonly string[], cache?: ShardCache): Promise<SearchShards> {
    const shards = planShards(paths);
    if (!cache) return new SearchShards(shards, [], [], undefined);
    const { store, contentKeys } = cache;
    const keys = shards.map((members) => sha256(`${shardVersion()}\u0000${members.map((index) => contentKeys[index]).join('\u0000')}`));
    const stored = await Promise.all(keys.map((key) => store.shard(key)));
    const joins = await Promise.all(shards.map((members, shard) => (stored[shard] ? undefined : joinOf(store, members.map((index) => contentKeys[index]!)))));
    return new SearchShards(shards, stored, joins, { store, keys, contentKeys });
  }

  /** Whether some document's shard must be made by a sink (else none is needed until the entities). */
  get pending(): boolean {
    return this.groups.some((_, shard) => this.stored[shard] === undefined);
  }

  /**
   * Hands document `index`'s entries to `sink` if its shard is to be made (unless a kept shard
   * it is joined from holds them), and ends the shard after its last document.
   */
  feed(index: number, facts: DocumentFacts, sink: ShardSink | undefined): void {
    const shard = this.shardOf[index]!;
    if (this.stored[shard] !== undefined) return;
    if (!sink) throw new Error(`search index: no sink for the shard of document ${index}`);
    const entries = documentEntries(facts);
    const group = this.cached?.contentKeys[index];
    if (group) this.groups[shard]!.push([group, entries.length]);
    const join = this.joins[shard];
    const held = group ? join?.held.get(group) : undefined;
    if (held?.[2] === entries.length) join!.groups.push(held);
    else {
      sink.add(entries);
      join?.groups.push([-1, 0, entries.length]);
    }
    if (!this.lastOfShard.has(index)) return;
    if (join) sink.endJoin({ kept: join.kept, groups: join.groups });
    else sink.endShard();
  }

  /**
   * The manifest and shard files, once every document was fed. `sink` makes what is to be made:
   * a new one in this thread when none was given (nothing was pending).
   */
  async files(entities: readonly SearchEntry[], given: ShardSink | undefined): Promise<Map<string, string>> {
    const entitiesKey = this.cached ? sha256(`${shardVersion()}\u0000entities\u0000${JSON.stringify(entities)}`) : undefined;
    const storedEntities = entitiesKey ? await this.cached?.store.shard(entitiesKey) : undefined;
    const entityGroups = this.cached && !storedEntities ? entities.map(entityGroup) : [];
    const entitiesJoin = this.cached && !storedEntities ? await joinOf(this.cached.store, entityGroups.map(([key]) => key)) : undefined;
    const sink = given ?? (storedEntities ? undefined : new SearchIndexBuilder());
    if (entitiesJoin) {
      entities.forEach((entry, at) => {
        const held = entitiesJoin.held.get(entityGroups[at]![0]);
        if (held) entitiesJoin.groups.push(held);
        else {
          sink!.add([entry]);
          entitiesJoin.groups.push([-1, 0, 1]);
        }
      });
      sink!.endJoin({ kept: entitiesJoin.kept, groups: entitiesJoin.groups });
    }
    const made = sink ? await sink.finish(storedEntities || entitiesJoin ? undefined : [...entities]) : [];
    let next = 0;
    // Only what was made is hashed: a stored shard's digest was checked when it was read.
    const take = (groups: readonly ShardGroup[]): StoredShard => {
      const text = made[next];
      next += 1;
      if (text === undefined) throw new Error(`search index: ${made.length} shards were made, more were expected`);
      return { text, digest: sha256(text), groups };
    };
    const texts = this.groups.map((groups, shard) => this.stored[shard] ?? take(groups));
    const entitiesShard = storedEntities ?? take(entityGroups);
    if (next !== made.length) throw new Error(`search index: ${made.length} shards were made, ${next} were expected`);
    if (this.cached && entitiesKey) {
      const { store, keys } = this.cached;
      keys.forEach((key, shard) => store.setShard(key, texts[shard]!));
      store.setShard(entitiesKey, entitiesShard);
    }
    const manifest: SearchManifest = { entities: shardFile(entitiesShard.digest), text: texts.map((shard) => shardFile(shard.digest)) };
    return new Map([
      [OUTPUT_FILES.searchIndex, `${JSON.stringify(manifest)}\n`],
      [manifest.entities, `${entitiesShard.text}\n`],
      ...texts.map((shard, index) => [manifest.text[index]!, `${shard.text}\n`] as const),
    ]);
  }
}

/**
 * The search index of a build's documents and graph, as the build writes it (watch mode makes
 * it after the graph, from the same facts): shards `cache` holds are reused.
 */
export async function searchIndexOf(documents: readonly DocumentFacts[], graph: Pick<GraphDocument, 'nodes' | 'edges'>, registry: KindRegistry, cache?: ShardCache): Promise<Map<string, string>> {
  const shards = await SearchShards.plan(
    documents.map((doc) => doc.path),
    cache,
  );
  const builder = new SearchIndexBuilder();
  documents.forEach((doc, index) => shards.feed(index, doc, builder));
  return shards.files(entityEntries(graph, registry), builder);
}

const newIndex = (): MiniSearch<SearchEntry> =>
  new MiniSearch<SearchEntry>({ ...SEARCH_INDEX_OPTIONS, fields: [...SEARCH_INDEX_OPTIONS.fields], storeFields: [...SEARCH_INDEX_OPTIONS.storeFields] });

/**
 * Shards filled in the order entries are added (a fixed order gives identical output), each
 * serialised for the browser as it ends, so only one is held as an index at a time.
 */
export class SearchIndexBuilder implements ShardSink {
  private index = newIndex();
  private readonly made: string[] = [];

  /** `onShard`: takes each shard as it ends instead of keeping it (a worker sends it on). */
  constructor(private readonly onShard?: (text: string) => void) {}

  add(entries: readonly SearchEntry[]): void {
    this.index.addAll(entries);
  }

  endShard(): void {
    this.emit(shardText(this.index.toJSON()));
  }

  /** Ends the shard as joined (`JoinSpec`), its fresh groups from the entries added since the last end. */
  endJoin(join: JoinSpec): void {
    const fresh = this.index.toJSON();
    const kept = join.kept.map((text) => JSON.parse(text) as ShardIndex);
    let next = 0;
    const pieces = join.groups.map(([source, start, count]): ShardPiece => {
      if (source >= 0) return { index: kept[source]!, start, count };
      next += count;
      return { index: fresh, start: next - count, count };
    });
    if (next !== fresh.documentCount) throw new Error(`search index: a join of ${next} fresh entries, ${fresh.documentCount} were added`);
    this.emit(joinPieces(pieces));
  }

  private emit(text: string): void {
    this.index = newIndex();
    if (this.onShard) this.onShard(text);
    else this.made.push(text);
  }

  finish(entities: readonly SearchEntry[] | undefined): string[] {
    if (entities) {
      this.add(entities);
      this.endShard();
    }
    return this.made;
  }
}
