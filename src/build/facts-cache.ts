import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProfileData } from '../profiles/profile.ts';
import type { Warning } from '../schema/graph.ts';
import type { DocumentFacts } from './facts.ts';
import { append } from './multimap.ts';
import { byCodePoint } from './text/order.ts';
import type { ShardGroup, ShardStore, StoredShard } from './search-index.ts';

/** Bumped when the cache file's own layout changes. */
const CACHE_FORMAT = 6;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Facts are kept in up to sixteen segment files, by the first hex digit of their key: an edit
 * writes again the one or two segments its old and new keys fall in, not every fact.
 */
const segmentOf = (key: string): string => key.charAt(0);

/** A segment file as on disk: its digest (which names it) and the keys it holds. */
interface Segment {
  digest: string;
  keys: ReadonlySet<string>;
}

/** `.ts` files below `folder`, sorted, for hashing. */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

let cachedCodeVersion: string | undefined;

/** A hash of the code that makes what the cache holds (`codeVersionOf` this module). */
export function codeVersion(): string {
  cachedCodeVersion ??= codeVersionOf(fileURLToPath(import.meta.url));
  return cachedCodeVersion;
}

/**
 * A hash of the code that extracts facts, lays out and indexes, given this module's file: the
 * sources of the build, kinds, profiles and schema and the lock file (the libraries' versions)
 * when running from TypeScript, or every module of the bundle when running bundled
 * (`scripts/run-bundled.mjs` writes its entries and chunks, and nothing else, into one folder).
 * This module's own chunk is not enough: the layout and the extractors sit in chunks of their
 * own. Any change to how facts are made makes every cached entry foreign.
 */
export function codeVersionOf(modulePath: string): string {
  const hash = createHash('sha256');
  if (modulePath.endsWith('.ts')) {
    const src = resolve(dirname(modulePath), '..');
    for (const folder of ['build', 'kinds', 'profiles', 'schema']) for (const file of sourceFiles(join(src, folder))) hash.update(file.slice(src.length)).update(readFileSync(file));
    // The parser and layout libraries are code too: their versions are in the lock file.
    const lock = join(src, '..', 'package-lock.json');
    if (existsSync(lock)) hash.update(readFileSync(lock));
  } else {
    const folder = dirname(modulePath);
    const modules = readdirSync(folder).filter((name) => name.endsWith('.mjs') || name.endsWith('.js')).sort(byCodePoint);
    for (const name of modules) hash.update(`${name}\u0000`).update(readFileSync(join(folder, name)));
  }
  return hash.digest('hex');
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a build knew of a markdown file it read: enough to tell, later, that it is the same. */
export interface FileRecord {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  /** When the build that read the file listed the tree (ms since the epoch): see `isRacy`. */
  readAt: number;
  binary: boolean;
  warnings: Warning[];
  /** Of its path and text (`FactsCache.key`); none for binary content. */
  contentKey?: string;
}

/**
 * File systems keep times to a granule (two seconds on FAT, one on HFS+, a nanosecond on ext4):
 * a file changed within a granule of the listing that read it may have changed again after, to
 * the same size and times. Its record proves nothing without a watcher's word; git's index
 * calls such entries racily clean.
 */
const RACY_MS = 2000;
export const isRacy = (record: FileRecord): boolean => Math.max(record.mtimeMs, record.ctimeMs) >= record.readAt - RACY_MS;

function looksLikeRecord(value: unknown): value is FileRecord {
  if (!isObject(value)) return false;
  const numbers = ['size', 'mtimeMs', 'ctimeMs', 'ino', 'readAt'].every((key) => typeof value[key] === 'number');
  const warnings = Array.isArray(value['warnings']) && value['warnings'].every((warning) => isObject(warning) && typeof warning['path'] === 'string' && typeof warning['message'] === 'string');
  const key = value['contentKey'] === undefined || (typeof value['contentKey'] === 'string' && /^[0-9a-f]{64}$/.test(value['contentKey']));
  return numbers && warnings && key && typeof value['binary'] === 'boolean';
}

/** A shard's record in the main file: its digest and its groups of entries (`ShardGroup`). */
type ShardRecord = Omit<StoredShard, 'text'>;

function looksLikeShardRecord(value: unknown): value is ShardRecord {
  if (!isObject(value) || typeof value['digest'] !== 'string' || !Array.isArray(value['groups'])) return false;
  return value['groups'].every((group: unknown): group is ShardGroup => Array.isArray(group) && group.length === 2 && typeof group[0] === 'string' && Number.isInteger(group[1]) && group[1] > 0);
}

/** Enough of a DocumentFacts' shape to trust an entry was written by this code for this path. */
function looksLikeFacts(value: unknown, path: string): value is DocumentFacts {
  if (!isObject(value) || value['path'] !== path || typeof value['title'] !== 'string') return false;
  return ['headings', 'anchors', 'sections', 'links', 'entities', 'roles', 'authors', 'people', 'warnings'].every((key) => Array.isArray(value[key]));
}

/**
 * Facts extracted from each file, kept between builds per repository, keyed by a hash of the
 * file's path and content. A main JSON file records the version of the code, profile and
 * options that made them, and a digest of the rest, which names each segment file of facts
 * (`segmentOf`) by its digest; a file of another version, or one that does not match its
 * digest or cannot be read or parsed, is ignored and rebuilt, never trusted. Only the entries
 * of the last build are kept, so deleted and renamed files drop out. Search index shards are
 * kept the same way, each in a file of its own beside it, named by its key, with its digest and
 * groups of entries (what joining other shards from it needs) in the main file.
 */
export class FactsCache implements ShardStore {
  private used = new Map<string, DocumentFacts>();
  /** Facts this process used in its last build (watch mode): trusted without a check. */
  private kept = new Map<string, DocumentFacts>();
  private layout: { key: string; positions: Array<[string, { x: number; y: number }]> } | undefined;
  /** What the file on disk holds: a build that used exactly that, and made nothing new, does not write it again. */
  private saved: { facts: Set<string>; layoutKey: string | undefined };
  /** Facts this process made since the last save. */
  private fresh = new Set<string>();
  /** Shards by key, with their digests. */
  private usedShards = new Map<string, StoredShard>();
  private keptShards = new Map<string, StoredShard>();
  /** The shard files on disk, by key, as the last save wrote them: their digests and groups. */
  private readonly shardsSaved: Map<string, ShardRecord>;
  /** Which kept shard holds each group (`shardHolding`), worked out when first asked in a build. */
  private holders: Map<string, string> | undefined;
  /** Keys whose shard file this process read or wrote, sound: not written again. */
  private readonly shardsOnDisk = new Set<string>();
  /** Each markdown file as the last build read it, by path, and the records as on disk. */
  private records: ReadonlyMap<string, FileRecord> | undefined;
  private savedRecords: ReadonlyMap<string, FileRecord> | undefined;
  /** Segment files by segment, as on disk. */
  private readonly segments: Map<string, Segment>;

  private constructor(
    private readonly file: string,
    private readonly version: string,
    private readonly entries: ReadonlyMap<string, unknown>,
    segments: ReadonlyMap<string, Segment>,
    storedLayout: unknown,
    storedShards: unknown,
    storedRecords: ReadonlyMap<string, FileRecord> | undefined,
  ) {
    this.segments = new Map(segments);
    this.records = storedRecords;
    this.savedRecords = storedRecords;
    this.shardsSaved = new Map(isObject(storedShards) ? Object.entries(storedShards).filter((entry): entry is [string, ShardRecord] => /^[0-9a-f]{64}$/.test(entry[0]) && looksLikeShardRecord(entry[1])) : []);
    if (isObject(storedLayout) && typeof storedLayout['key'] === 'string' && Array.isArray(storedLayout['positions'])) {
      const positions = storedLayout['positions'].filter(
        (item): item is [string, { x: number; y: number }] => Array.isArray(item) && typeof item[0] === 'string' && isObject(item[1]) && typeof item[1]['x'] === 'number' && typeof item[1]['y'] === 'number',
      );
      if (positions.length === storedLayout['positions'].length) this.layout = { key: storedLayout['key'], positions };
    }
    // An entry of the wrong shape is never used, so it is rebuilt as fresh and the file written again.
    this.saved = { facts: new Set(entries.keys()), layoutKey: this.layout?.key };
  }

  /**
   * The positions laid out for a graph of this structure (see `layoutKey`) by the build that
   * wrote the cache; the layout is deterministic, so they are what laying out again would give.
   */
  positionsFor(key: string): Map<string, { x: number; y: number }> | undefined {
    return this.layout?.key === key ? new Map(this.layout.positions) : undefined;
  }

  /** Whether the cache holds positions of some graph (not necessarily this build's). */
  get holdsPositions(): boolean {
    return this.layout !== undefined;
  }

  setPositions(key: string, positions: ReadonlyMap<string, { x: number; y: number }>): void {
    this.layout = { key, positions: [...positions.entries()].sort(([a], [b]) => byCodePoint(a, b)) };
  }

  /** Opens the cache of `repo` in `dir` for builds with `profile` (with the code that runs, the version of an entry). */
  static async open(dir: string, repo: string, profile: ProfileData): Promise<FactsCache> {
    const file = join(dir, `facts-${sha256(resolve(repo)).slice(0, 16)}.json`);
    const fullVersion = sha256(`${CACHE_FORMAT}\u0000${codeVersion()}\u0000${JSON.stringify(profile)}`);
    const records = readRecords(recordsFileOf(file), fullVersion);
    const entries = new Map<string, unknown>();
    const segments = new Map<string, Segment>();
    let layout: unknown;
    let shards: unknown;
    const body = await readVersioned(file, fullVersion);
    if (isObject(body) && isObject(body['segments'])) {
      layout = body['layout'];
      shards = body['shards'];
      const folder = segmentFolderOf(file);
      const read = await Promise.all(Object.entries(body['segments']).map(async ([segment, digest]) => [segment, digest, typeof digest === 'string' ? await readMatching(join(folder, `${digest}.json`), digest) : undefined] as const));
      // A damaged segment leaves out only its own facts: they are made again and it is written anew.
      for (const [segment, digest, text] of read) {
        const stored = text === undefined ? undefined : parseJson(text);
        if (typeof digest !== 'string' || !isObject(stored)) continue;
        const keys = Object.keys(stored).filter((key) => segmentOf(key) === segment);
        for (const key of keys) entries.set(key, stored[key]);
        segments.set(segment, { digest, keys: new Set(keys) });
      }
    }
    return new FactsCache(file, fullVersion, entries, segments, layout, shards, await records);
  }

  /**
   * Each markdown file as the build that last saved the cache read it (or as `setFileRecords`
   * gave it since): a file whose size, times and inode are the same, and whose record is not
   * racy (`isRacy`), need not be read again.
   */
  get fileRecords(): ReadonlyMap<string, FileRecord> | undefined {
    return this.records;
  }

  setFileRecords(records: ReadonlyMap<string, FileRecord>): void {
    this.records = records;
  }

  /** A file's content key: of its path and text. */
  static key(path: string, text: string): string {
    return sha256(`${path}\u0000${text}`);
  }

  private get shardFolder(): string {
    return this.file.replace(/\.json$/, '.shards');
  }

  /**
   * The cached facts of `path` with this content key, if an entry is there and shaped like facts
   * of this path (the file's digest already vouched for its bytes).
   */
  get(path: string, key: string): DocumentFacts | undefined {
    const own = this.kept.get(key);
    if (own) {
      this.used.set(key, own);
      return own;
    }
    const facts = this.entries.get(key);
    if (!looksLikeFacts(facts, path)) return undefined;
    this.used.set(key, facts);
    return facts;
  }

  set(key: string, facts: DocumentFacts): void {
    this.used.set(key, facts);
    this.fresh.add(key);
  }

  /** A search index shard by its key, if its file is there and matches its digest. */
  async shard(key: string): Promise<StoredShard | undefined> {
    const own = this.keptShards.get(key) ?? this.usedShards.get(key);
    if (own) return own;
    const saved = this.shardsSaved.get(key);
    const text = saved ? await readMatching(join(this.shardFolder, `${key}.json`), saved.digest) : undefined;
    if (!saved || text === undefined) return undefined;
    this.shardsOnDisk.add(key);
    return { text, ...saved };
  }

  setShard(key: string, shard: StoredShard): void {
    this.usedShards.set(key, shard);
  }

  shardHolding(group: string): string | undefined {
    if (!this.holders) {
      this.holders = new Map();
      for (const [key, { groups }] of [...this.keptShards, ...this.shardsSaved]) for (const [held] of groups) if (!this.holders.has(held)) this.holders.set(held, key);
    }
    return this.holders.get(group);
  }

  /**
   * Starts another build in the same process (watch mode): what the last build used is kept in
   * memory, so nothing is read from disk again.
   */
  nextBuild(): void {
    this.kept = this.used;
    this.used = new Map();
    this.keptShards = this.usedShards;
    this.usedShards = new Map();
    this.holders = undefined;
  }

  /** Whether this build used or made anything the file on disk does not hold as it is. */
  private changed(): boolean {
    const same = (a: ReadonlySet<string> | ReadonlyMap<string, unknown>, b: ReadonlySet<string> | ReadonlyMap<string, unknown>): boolean => a.size === b.size && [...a.keys()].every((key) => b.has(key));
    return (
      this.fresh.size > 0 ||
      !same(this.used, this.saved.facts) ||
      this.layout?.key !== this.saved.layoutKey ||
      !same(this.usedShards, this.shardsSaved) ||
      [...this.usedShards.keys()].some((key) => !this.shardsOnDisk.has(key))
    );
  }

  /**
   * Writes the entries and shards this build used, atomically (a crash leaves the previous
   * file): new shard files first, then the main file naming them, then old shard files go.
   */
  async save(): Promise<void> {
    if (this.changed()) await this.saveFacts();
    // After the facts: a record naming facts the cache lacks only has its file read again.
    await this.saveRecords();
  }

  private async saveRecords(): Promise<void> {
    if (!this.records || this.records === this.savedRecords) return;
    const body = serialiseRecords(this.records);
    if (this.savedRecords && body === serialiseRecords(this.savedRecords)) return;
    await writeVersioned(recordsFileOf(this.file), this.version, body);
    this.savedRecords = this.records;
  }

  private async saveFacts(): Promise<void> {
    await mkdir(this.shardFolder, { recursive: true });
    const shards: Record<string, ShardRecord> = {};
    for (const [key, { text, digest, groups }] of [...this.usedShards].sort(([a], [b]) => byCodePoint(a, b))) {
      shards[key] = { digest, groups };
      if (!this.shardsOnDisk.has(key)) await writeFile(join(this.shardFolder, `${key}.json`), text);
      this.shardsOnDisk.add(key);
    }
    const segments = await this.saveSegments();
    const body = JSON.stringify({ segments, ...(this.layout ? { layout: this.layout } : {}), shards });
    await writeVersioned(this.file, this.version, body);
    this.shardsSaved.clear();
    for (const [key, saved] of Object.entries(shards)) this.shardsSaved.set(key, saved);
    this.holders = undefined;
    this.saved = { facts: new Set(this.used.keys()), layoutKey: this.layout?.key };
    this.fresh.clear();
    for (const name of await readdir(this.shardFolder)) {
      const key = name.replace(/\.json$/, '');
      if (key in shards) continue;
      this.shardsOnDisk.delete(key);
      await rm(join(this.shardFolder, name), { force: true });
    }
    const named = new Set(Object.values(segments).map((digest) => `${digest}.json`));
    for (const name of await readdir(segmentFolderOf(this.file))) if (!named.has(name)) await rm(join(segmentFolderOf(this.file), name), { force: true });
  }

  /**
   * Writes each segment whose keys changed, or that holds facts made since the last save, as a
   * new file named by its digest (the main file, written after, names it); the others stay.
   * Returns the digest of every segment, by segment.
   */
  private async saveSegments(): Promise<Record<string, string>> {
    const folder = segmentFolderOf(this.file);
    await mkdir(folder, { recursive: true });
    const keysBySegment = new Map<string, string[]>();
    for (const key of this.used.keys()) append(keysBySegment, segmentOf(key), key);
    const digests: Record<string, string> = {};
    for (const [segment, keys] of [...keysBySegment].sort(([a], [b]) => byCodePoint(a, b))) {
      const onDisk = this.segments.get(segment);
      if (onDisk && keys.length === onDisk.keys.size && keys.every((key) => onDisk.keys.has(key) && !this.fresh.has(key))) {
        digests[segment] = onDisk.digest;
        continue;
      }
      const text = JSON.stringify(Object.fromEntries(keys.sort(byCodePoint).map((key) => [key, this.used.get(key)])));
      const digest = sha256(text);
      await writeFile(join(folder, `${digest}.json`), text);
      this.segments.set(segment, { digest, keys: new Set(keys) });
      digests[segment] = digest;
    }
    for (const segment of [...this.segments.keys()]) if (!keysBySegment.has(segment)) this.segments.delete(segment);
    return digests;
  }
}

const segmentFolderOf = (factsFile: string): string => factsFile.replace(/\.json$/, '.segments');

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** A file's text, if it is there and its sha256 is `digest` (what a name or a main file said of it). */
async function readMatching(path: string, digest: string): Promise<string | undefined> {
  try {
    const text = await readFile(path, 'utf8');
    return sha256(text) === digest ? text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes `body` under a header line naming the version that made it and the body's digest,
 * beside the file and renamed over it: a crash leaves the previous file. One digest over the
 * body: hashing its text once costs a fraction of checking each entry again.
 */
async function writeVersioned(file: string, version: string, body: string): Promise<void> {
  const staging = `${file}.${process.pid}.tmp`;
  await writeFile(staging, `${JSON.stringify({ version, digest: sha256(body) })}\n${body}`);
  await rename(staging, file);
}

/** The parsed body of a file `writeVersioned` wrote for `version`, if it matches its digest; else undefined (missing, damaged, another version). */
async function readVersioned(file: string, version: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  const headerEnd = text.indexOf('\n');
  const header = headerEnd > 0 ? parseJson(text.slice(0, headerEnd)) : undefined;
  const body = text.slice(headerEnd + 1);
  return isObject(header) && header['version'] === version && header['digest'] === sha256(body) ? parseJson(body) : undefined;
}

/** The file records (`FileRecord`) live beside the facts, in a file of their own: they change on every edit, the facts seldom. */
const recordsFileOf = (factsFile: string): string => factsFile.replace(/facts-([0-9a-f]+)\.json$/, 'files-$1.json');

const serialiseRecords = (records: ReadonlyMap<string, FileRecord>): string => JSON.stringify(Object.fromEntries([...records].sort(([a], [b]) => byCodePoint(a, b))));

/** The records in `file` if it is of this version and matches its digest, every record well shaped; else none. */
async function readRecords(file: string, version: string): Promise<Map<string, FileRecord> | undefined> {
  const body = await readVersioned(file, version);
  if (!isObject(body)) return undefined;
  const records = Object.entries(body);
  return records.every(([, record]) => looksLikeRecord(record)) ? new Map(records as Array<[string, FileRecord]>) : undefined;
}
