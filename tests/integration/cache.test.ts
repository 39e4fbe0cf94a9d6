import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeVersionOf } from '../../src/build/facts-cache.ts';
import { buildGraph, type BuildOptions, type BuildOutput } from '../../src/build/pipeline.ts';
import type { SearchManifest } from '../../src/schema/search.ts';

const demo = join(import.meta.dirname, '../fixtures/demo-repo');
let scratch: string;
let repo: string;
let cacheDir: string;

/** The files a build writes, every one of them. */
async function outputs(options: Omit<BuildOptions, 'repo'>): Promise<Record<string, string>> {
  const { files } = await buildGraph({ repo, threads: 1, layout: false, ...options });
  return Object.fromEntries(files);
}

const cacheFileIn = (dir: string): string => join(dir, readdirSync(dir).find((name) => name.startsWith('facts-') && name.endsWith('.json'))!);
const cacheFile = (): string => cacheFileIn(cacheDir);
/** The cache file's parts: a header line (version, digest of the rest), then the body. */
interface CacheBody {
  /** Segment files of facts, by segment: the digest that names each. */
  segments: Record<string, string>;
  layout?: { positions: Array<[string, { x: number; y: number }]> };
}
function readCache(file: string): { header: string; body: CacheBody } {
  const text = readFileSync(file, 'utf8');
  const end = text.indexOf('\n');
  return { header: text.slice(0, end), body: JSON.parse(text.slice(end + 1)) as CacheBody };
}
/** The folder of the segment files of the cache in `dir`. */
const segmentFolderIn = (dir: string): string => cacheFileIn(dir).replace(/\.json$/, '.segments');
const segmentFilesIn = (dir: string): string[] => readdirSync(segmentFolderIn(dir)).map((name) => join(segmentFolderIn(dir), name));
/** Every cached entry, from the segments the main file names. */
function cachedFacts(dir: string): Record<string, { path: string; title: string }> {
  const folder = segmentFolderIn(dir);
  const { segments } = readCache(cacheFileIn(dir)).body;
  return Object.assign({}, ...Object.values(segments).map((digest) => JSON.parse(readFileSync(join(folder, `${digest}.json`), 'utf8')) as Record<string, { path: string; title: string }>));
}
/** Writes `body` under the header that was there: the digest no longer matches a changed body. */
function writeCache(file: string, header: string, body: CacheBody): void {
  writeFileSync(file, `${header}\n${JSON.stringify(body)}`);
}
const manifestOf = (files: Record<string, string>): SearchManifest => JSON.parse(files['search-index.json']!) as SearchManifest;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'cache-'));
  repo = join(scratch, 'repo');
  cacheDir = join(scratch, 'cache');
  cpSync(demo, repo, { recursive: true });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the cache of extracted facts', () => {
  it('gives byte-identical output cold, filling the cache, and warm', async () => {
    const cold = await outputs({});
    expect(await outputs({ cacheDir })).toEqual(cold);
    const entries = Object.keys(cachedFacts(cacheDir));
    expect(entries).toHaveLength(13);
    // Nothing new was used or made: the cache file is not written again.
    const written = statSync(cacheFile()).mtimeMs;
    expect(await outputs({ cacheDir })).toEqual(cold);
    expect(statSync(cacheFile()).mtimeMs).toBe(written);
    // An edit writes again only the segments its old and new keys fall in, of many.
    const before = new Set(segmentFilesIn(cacheDir));
    expect(before.size).toBeGreaterThan(5);
    writeFileSync(join(repo, 'docs/process.md'), `${readFileSync(join(repo, 'docs/process.md'), 'utf8')}\nOne line more.\n`);
    expect(await outputs({ cacheDir })).toEqual(await outputs({}));
    const rewritten = segmentFilesIn(cacheDir).filter((file) => !before.has(file));
    expect(rewritten.length).toBeGreaterThanOrEqual(1);
    expect(rewritten.length).toBeLessThanOrEqual(2);
  });

  it('follows edits, renames, deletions and new files, and forgets what is gone', async () => {
    writeFileSync(join(repo, 'docs/process.md'), `${readFileSync(join(repo, 'docs/process.md'), 'utf8')}\n## Appendix\n\nReviewers: Nia Okoro (@nokoro)\n`);
    renameSync(join(repo, 'docs/hardening.md'), join(repo, 'docs/hardening-guide.md'));
    rmSync(join(repo, 'catalog/incidents/2023/leaky-build.md'));
    writeFileSync(join(repo, 'docs/new.md'), '# New\n\nSee [process](process.md#appendix).\n');
    const warm = await outputs({ cacheDir });
    expect(warm).toEqual(await outputs({}));
    expect(warm['graph.json']).toContain('Nia Okoro');
    const paths = Object.values(cachedFacts(cacheDir)).map((facts) => facts.path);
    expect(paths).toContain('docs/hardening-guide.md');
    expect(paths).not.toContain('docs/hardening.md');
    expect(paths).not.toContain('catalog/incidents/2023/leaky-build.md');
  });

  it('never trusts a corrupt, damaged or foreign cache', async () => {
    const cold = await outputs({});
    writeFileSync(cacheFile(), '{ not json');
    expect(await outputs({ cacheDir })).toEqual(cold);
    // An entry changed on disk no longer matches the digest that names its segment.
    for (const file of segmentFilesIn(cacheDir)) writeFileSync(file, readFileSync(file, 'utf8').replaceAll('"title":"', '"title":"Tampered '));
    expect(await outputs({ cacheDir })).toEqual(cold);
    // Nor does a file cut short.
    writeFileSync(cacheFile(), readFileSync(cacheFile(), 'utf8').slice(0, -100));
    expect(await outputs({ cacheDir })).toEqual(cold);
    // Another profile is another version: nothing of the cncf build is reused for it.
    const generic = await outputs({ profile: (await import('../../src/profiles/generic.ts')).GENERIC_PROFILE });
    expect(await outputs({ cacheDir, profile: (await import('../../src/profiles/generic.ts')).GENERIC_PROFILE })).toEqual(generic);
    expect(await outputs({ cacheDir })).toEqual(cold);
  });

  it('is versioned by every module of a bundle, not only the one that holds the cache', () => {
    // The bundled CLI keeps the layout and the extractors in chunks of their own.
    const bundle = join(scratch, 'bundle');
    mkdirSync(bundle);
    writeFileSync(join(bundle, 'build-graph.mjs'), 'import "./chunk-A.mjs";\n');
    writeFileSync(join(bundle, 'chunk-A.mjs'), 'export const layout = "fcose";\n');
    const before = codeVersionOf(join(bundle, 'build-graph.mjs'));
    expect(codeVersionOf(join(bundle, 'chunk-A.mjs'))).toBe(before);
    writeFileSync(join(bundle, 'chunk-A.mjs'), 'export const layout = "forceatlas2";\n');
    expect(codeVersionOf(join(bundle, 'build-graph.mjs'))).not.toBe(before);
    writeFileSync(join(bundle, 'layout-worker.mjs'), 'import "./chunk-A.mjs";\n');
    expect(codeVersionOf(join(bundle, 'build-graph.mjs'))).not.toBe(before);
  });

  it('is versioned, from the sources, by the lock file too: a library upgrade can change facts', () => {
    const project = join(scratch, 'project');
    for (const folder of ['build', 'kinds', 'profiles', 'schema']) mkdirSync(join(project, 'src', folder), { recursive: true });
    writeFileSync(join(project, 'src/build/facts-cache.ts'), 'export {};\n');
    writeFileSync(join(project, 'package-lock.json'), '{"packages":{"node_modules/micromark":{"version":"4.0.0"}}}\n');
    const before = codeVersionOf(join(project, 'src/build/facts-cache.ts'));
    writeFileSync(join(project, 'package-lock.json'), '{"packages":{"node_modules/micromark":{"version":"4.0.1"}}}\n');
    const upgraded = codeVersionOf(join(project, 'src/build/facts-cache.ts'));
    expect(upgraded).not.toBe(before);
    writeFileSync(join(project, 'src/kinds/person.ts'), 'export {};\n');
    expect(codeVersionOf(join(project, 'src/build/facts-cache.ts'))).not.toBe(upgraded);
  });

  it('reuses the layout of a graph of the same structure, with the same positions a cold layout gives', async () => {
    const layoutCache = join(scratch, 'layout-cache');
    const cold = await outputs({ layout: true });
    expect(await outputs({ layout: true, cacheDir: layoutCache })).toEqual(cold);
    const stored = readCache(cacheFileIn(layoutCache)).body;
    expect(stored.layout?.positions.length).toBe((JSON.parse(cold['graph.json']!) as { nodes: unknown[] }).nodes.length);
    // Positions changed on disk no longer match the file's digest: laid out again.
    const file = cacheFileIn(layoutCache);
    const { header, body: tampered } = readCache(file);
    for (const [, position] of tampered.layout?.positions ?? []) position.x += 1000;
    writeCache(file, header, tampered);
    expect(await outputs({ layout: true, cacheDir: layoutCache })).toEqual(cold);
    // Text that moves nothing: the cached positions are used, and they are the cold ones.
    writeFileSync(join(repo, 'docs/new.md'), '# New\n\nSee [process](process.md#appendix). Another sentence.\n');
    expect(await outputs({ layout: true, cacheDir: layoutCache })).toEqual(await outputs({ layout: true }));
    // A new node changes the structure: laid out again, still as cold.
    writeFileSync(join(repo, 'docs/another.md'), '# Another\n');
    expect(await outputs({ layout: true, cacheDir: layoutCache })).toEqual(await outputs({ layout: true }));
  });

  it('keeps search index shards, trusts only sound ones, and makes again only the shard of an edited file', async () => {
    const pages = join(scratch, 'pages');
    const pagesCache = join(scratch, 'pages-cache');
    for (let page = 0; page < 150; page += 1) cpSync(join(demo, 'README.md'), join(pages, `docs/page-${String(page).padStart(3, '0')}.md`));
    const build = async (withCache: boolean): Promise<Record<string, string>> => Object.fromEntries((await buildGraph({ repo: pages, threads: 1, layout: false, ...(withCache ? { cacheDir: pagesCache } : {}) })).files);
    const cold = await build(false);
    const manifest = manifestOf(cold);
    expect(manifest.text.length).toBeGreaterThanOrEqual(2);
    expect(await build(true)).toEqual(cold);
    const shardFolder = join(pagesCache, readdirSync(pagesCache).find((name) => name.endsWith('.shards'))!);
    expect(readdirSync(shardFolder)).toHaveLength(manifest.text.length + 1);
    // A damaged shard is made again, and written sound.
    const damaged = join(shardFolder, readdirSync(shardFolder)[0]!);
    writeFileSync(damaged, '{"documentCount":0}');
    expect(await build(true)).toEqual(cold);
    expect(readFileSync(damaged, 'utf8')).not.toBe('{"documentCount":0}');
    expect(await build(true)).toEqual(cold);
    // An edit changes its own shard and at most the next one; the output is the cold build's.
    writeFileSync(join(pages, 'docs/page-070.md'), '# Page seventy\n\nA tamarind.\n');
    const edited = await build(true);
    expect(edited).toEqual(await build(false));
    const changed = manifestOf(edited).text.filter((file) => !manifest.text.includes(file));
    expect(changed.length).toBeGreaterThanOrEqual(1);
    expect(changed.length).toBeLessThanOrEqual(2);
    expect(readdirSync(shardFolder)).toHaveLength(manifestOf(edited).text.length + 1);
  });
});

describe('a build in the process that made the last one (watch mode)', () => {
  it('reads again only the files the watcher named or whose size or times changed, and builds what a cold build does', async () => {
    const tree = join(scratch, 'watched');
    const watchCache = join(scratch, 'watched-cache');
    cpSync(demo, tree, { recursive: true });
    const build = (options: Partial<BuildOptions> = {}) => buildGraph({ repo: tree, threads: 1, layout: false, cacheDir: watchCache, ...options });
    const cold = async (): Promise<string> => (await buildGraph({ repo: tree, threads: 1, layout: false })).files.get('graph.json')!;
    const process = join(tree, 'docs/process.md');
    const original = readFileSync(process, 'utf8');
    const readAt = (output: BuildOutput): number | undefined => output.fileRecords?.get('docs/process.md')?.readAt;
    let last = await build();
    expect(last.fileRecords?.get('docs/process.md')?.contentKey).toMatch(/^[0-9a-f]{64}$/);
    // Not named and the same: its record is carried over, not read again (when it was read says so).
    const unnamed = await build({ changedSince: [] });
    expect(readAt(unnamed)).toBe(readAt(last));
    // Named by the watcher, as a file or by its folder: read again.
    for (const changed of [['docs/process.md'], ['docs']]) {
      const named = await build({ changedSince: changed });
      expect(readAt(named)).toBeGreaterThan(readAt(last)!);
    }
    // Not named, the same length and modification time put back, but its change time moved
    // (which no tool can put back): read again, and the build is a cold one's.
    const mtime = new Date('2026-01-01T00:00:00Z');
    utimesSync(process, mtime, mtime);
    last = await build();
    writeFileSync(process, original.replace('Process', 'Proce55'));
    utimesSync(process, mtime, mtime);
    const restored = await build({ changedSince: [] });
    expect(restored.files.get('graph.json')).toContain('Proce55');
    expect(restored.files.get('graph.json')).toBe(await cold());
    // Not named, but its size changed: read again.
    writeFileSync(process, original.replace('Process', 'Proce55, grown'));
    utimesSync(process, mtime, mtime);
    const grown = await build({ changedSince: [] });
    expect(grown.files.get('graph.json')).toContain('Proce55, grown');
    expect(grown.files.get('graph.json')).toBe(await cold());
  });
});

describe('a build after another in the same process (watch mode), from its assembly', () => {
  it('patches the last assembly for an edit of text and of the lines things stand on, assembles again for any other, and writes what a cold build writes', async () => {
    const tree = join(scratch, 'patched');
    cpSync(demo, tree, { recursive: true });
    const build = (previous?: BuildOutput) => buildGraph({ repo: tree, threads: 1, layout: false, ...(previous ? { previousAssembly: previous.assembly } : {}) });
    const cold = async (): Promise<Map<string, string>> => (await buildGraph({ repo: tree, threads: 1, layout: false })).files;
    const page = join(tree, 'docs/process.md');
    const original = readFileSync(page, 'utf8');
    const summaryOf = (output: BuildOutput): unknown => output.graph.nodes.find((node) => node.id === 'doc:docs/process.md')?.attrs?.['summary'];
    const first = await build();
    // A word changed within a line: the summary and word count change, nothing moves.
    expect(original).toContain('Open an issue.');
    writeFileSync(page, original.replace('Open an issue.', 'Open a new issue.'));
    const reworded = await build(first);
    expect(reworded.timings['assemble']).toBeUndefined();
    expect(summaryOf(reworded)).toContain('Open a new issue.');
    expect(reworded.files).toEqual(await cold());
    // A paragraph added after everything else: patched again, from the patched assembly.
    writeFileSync(page, `${readFileSync(page, 'utf8')}\nA closing paragraph with a few more words.\n`);
    const grown = await build(reworded);
    expect(grown.timings['assemble']).toBeUndefined();
    expect(grown.files).toEqual(await cold());
    // A line added above the headings moves them and the link down: the broken link's line follows.
    writeFileSync(page, `\n${readFileSync(page, 'utf8')}`);
    const moved = await build(grown);
    expect(moved.timings['assemble']).toBeUndefined();
    expect(moved.files).toEqual(await cold());
    expect(moved.report.brokenLinks.find((link) => link.source === 'docs/process.md')?.line).toBe(grown.report.brokenLinks.find((link) => link.source === 'docs/process.md')!.line + 1);
    // A link target changed on its line: assembled again, and the broken link is gone.
    writeFileSync(page, readFileSync(page, 'utf8').replace('#nowhere', '#getting-started'));
    const relinked = await build(moved);
    expect(relinked.timings['assemble']).toBeGreaterThanOrEqual(0);
    expect(relinked.files).toEqual(await cold());
    expect(relinked.report.brokenLinks.some((link) => link.source === 'docs/process.md')).toBe(false);
    expect(moved.report.brokenLinks.some((link) => link.source === 'docs/process.md')).toBe(true);
  });
});

describe('a build in a new process (the records the cache kept)', () => {
  it('does not read again a file whose size, times and inode are those it had, unless it changed just before it was read', async () => {
    const tree = join(scratch, 'recorded');
    const recordsCache = join(scratch, 'recorded-cache');
    cpSync(demo, tree, { recursive: true });
    // Files changed within two seconds of a build's listing are read again by the next one.
    await new Promise((done) => setTimeout(done, 2100));
    const build = () => buildGraph({ repo: tree, threads: 1, layout: false, cacheDir: recordsCache });
    const readAt = (output: BuildOutput, path: string): number => output.fileRecords!.get(path)!.readAt;
    const paths = (output: BuildOutput): string[] => [...output.fileRecords!.keys()];
    const first = await build();
    expect(paths(first).length).toBeGreaterThan(10);
    const second = await build();
    expect(second.files).toEqual(first.files);
    for (const path of paths(second)) expect(readAt(second, path)).toBe(readAt(first, path));
    // An edit is seen, and the output is a cold build's.
    writeFileSync(join(tree, 'docs/process.md'), readFileSync(join(tree, 'docs/process.md'), 'utf8').replace('Process', 'Proce55'));
    const edited = await build();
    expect(edited.files.get('graph.json')).toContain('Proce55');
    expect(edited.files).toEqual((await buildGraph({ repo: tree, threads: 1, layout: false })).files);
    expect(readAt(edited, 'docs/process.md')).toBeGreaterThan(readAt(first, 'docs/process.md'));
    expect(readAt(edited, 'README.md')).toBe(readAt(first, 'README.md'));
    // Edited just before it was read: the next build reads it again, and only it.
    const after = await build();
    expect(readAt(after, 'docs/process.md')).toBeGreaterThan(readAt(edited, 'docs/process.md'));
    expect(readAt(after, 'README.md')).toBe(readAt(first, 'README.md'));
    // A damaged records file is not trusted: every file is read again.
    const recordsFile = join(recordsCache, readdirSync(recordsCache).find((name) => name.startsWith('files-'))!);
    writeFileSync(recordsFile, readFileSync(recordsFile, 'utf8').replace(/"size":(\d)/, '"size":9$1'));
    const distrusted = await build();
    for (const path of paths(distrusted)) expect(readAt(distrusted, path)).toBeGreaterThan(readAt(after, 'README.md'));
    expect(distrusted.files).toEqual(after.files);
  });
});
