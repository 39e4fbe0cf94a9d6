import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProfileData } from '../profiles/profile.ts';
import type { DocumentFacts } from './facts.ts';
import { byCodePoint } from './text/order.ts';

/** Bumped when the cache file's own layout changes. */
const CACHE_FORMAT = 2;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** `.ts` files below `folder`, sorted, for hashing. */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

let cachedCodeVersion: string | undefined;

/**
 * A hash of the code that extracts facts: the sources of the build, kinds, profiles and schema
 * when running from TypeScript, or the bundle itself when running bundled. Any change to how
 * facts are made makes every cached entry foreign.
 */
export function codeVersion(): string {
  if (cachedCodeVersion) return cachedCodeVersion;
  const here = fileURLToPath(import.meta.url);
  const hash = createHash('sha256');
  if (here.endsWith('.ts')) {
    const src = resolve(dirname(here), '..');
    for (const folder of ['build', 'kinds', 'profiles', 'schema']) for (const file of sourceFiles(join(src, folder))) hash.update(file.slice(src.length)).update(readFileSync(file));
  } else hash.update(readFileSync(here));
  cachedCodeVersion = hash.digest('hex');
  return cachedCodeVersion;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Enough of a DocumentFacts' shape to trust an entry was written by this code for this path. */
function looksLikeFacts(value: unknown, path: string): value is DocumentFacts {
  if (!isObject(value) || value['path'] !== path || typeof value['title'] !== 'string') return false;
  return ['headings', 'anchors', 'sections', 'links', 'entities', 'roles', 'authors', 'people', 'warnings'].every((key) => Array.isArray(value[key]));
}

/**
 * Facts extracted from each file, kept between builds in one JSON file per repository, keyed
 * by a hash of the file's path and content. The file also records the version of the code,
 * profile and options that made them; a file of another version, or one that cannot be read
 * or parsed, is ignored and rebuilt, never trusted. Only the entries of the last build are
 * kept, so deleted and renamed files drop out.
 */
export class FactsCache {
  private used = new Map<string, DocumentFacts>();
  /** Facts this process made in its last build: trusted without a digest. */
  private kept = new Map<string, DocumentFacts>();
  private layout: { key: string; positions: Array<[string, { x: number; y: number }]> } | undefined;

  private constructor(
    private readonly file: string,
    private readonly version: string,
    private readonly entries: ReadonlyMap<string, unknown>,
    storedLayout: unknown,
  ) {
    if (isObject(storedLayout) && typeof storedLayout['key'] === 'string' && Array.isArray(storedLayout['positions'])) {
      const positions = storedLayout['positions'].filter(
        (item): item is [string, { x: number; y: number }] => Array.isArray(item) && typeof item[0] === 'string' && isObject(item[1]) && typeof item[1]['x'] === 'number' && typeof item[1]['y'] === 'number',
      );
      // Like a facts entry, the layout is used only when it matches the digest written beside it.
      if (positions.length === storedLayout['positions'].length && storedLayout['digest'] === sha256(JSON.stringify(positions))) this.layout = { key: storedLayout['key'], positions };
    }
  }

  /**
   * The positions laid out for a graph of this structure (see `layoutKey`) by the build that
   * wrote the cache; the layout is deterministic, so they are what laying out again would give.
   */
  positionsFor(key: string): Map<string, { x: number; y: number }> | undefined {
    return this.layout?.key === key ? new Map(this.layout.positions) : undefined;
  }

  setPositions(key: string, positions: ReadonlyMap<string, { x: number; y: number }>): void {
    this.layout = { key, positions: [...positions.entries()].sort(([a], [b]) => byCodePoint(a, b)) };
  }

  /** Opens the cache of `repo` in `dir` for builds with `profile` (with the code that runs, the version of an entry). */
  static async open(dir: string, repo: string, profile: ProfileData): Promise<FactsCache> {
    const file = join(dir, `facts-${sha256(resolve(repo)).slice(0, 16)}.json`);
    const fullVersion = sha256(`${CACHE_FORMAT}\u0000${codeVersion()}\u0000${JSON.stringify(profile)}`);
    let entries = new Map<string, unknown>();
    let layout: unknown;
    try {
      const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
      if (isObject(parsed) && parsed['version'] === fullVersion && isObject(parsed['entries'])) {
        entries = new Map(Object.entries(parsed['entries']));
        layout = parsed['layout'];
      }
    } catch {
      // Missing, unreadable or corrupt: start empty.
    }
    return new FactsCache(file, fullVersion, entries, layout);
  }

  static key(path: string, text: string): string {
    return sha256(`${path}\u0000${text}`);
  }

  /**
   * The cached facts of `path` with this content, if an entry is there and sound: shaped like
   * facts of this path, and matching the digest written beside it (a damaged entry is rebuilt).
   */
  get(path: string, text: string): DocumentFacts | undefined {
    const key = FactsCache.key(path, text);
    const own = this.kept.get(key);
    if (own) {
      this.used.set(key, own);
      return own;
    }
    const entry = this.entries.get(key);
    if (!isObject(entry) || typeof entry['digest'] !== 'string') return undefined;
    const facts = entry['facts'];
    if (!looksLikeFacts(facts, path) || sha256(JSON.stringify(facts)) !== entry['digest']) return undefined;
    this.used.set(key, facts);
    return facts;
  }

  set(path: string, text: string, facts: DocumentFacts): void {
    this.used.set(FactsCache.key(path, text), facts);
  }

  /**
   * Starts another build in the same process (watch mode): what the last build used is kept in
   * memory, so nothing is read from disk again.
   */
  nextBuild(): void {
    this.kept = this.used;
    this.used = new Map();
  }

  /** Writes the entries this build used, atomically (a crash leaves the previous file). */
  async save(): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    const staging = `${this.file}.${process.pid}.tmp`;
    const entries = Object.fromEntries(
      [...this.used.entries()].sort(([a], [b]) => byCodePoint(a, b)).map(([key, facts]) => [key, { digest: sha256(JSON.stringify(facts)), facts }]),
    );
    const layout = this.layout ? { ...this.layout, digest: sha256(JSON.stringify(this.layout.positions)) } : undefined;
    await writeFile(staging, JSON.stringify({ version: this.version, entries, ...(layout ? { layout } : {}) }));
    await rename(staging, this.file);
  }
}
