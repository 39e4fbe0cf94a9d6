import { performance } from 'node:perf_hooks';
import type { BuildReport, GraphDocument, RepoInfo } from '../schema/graph.ts';
import { OUTPUT_FILES, SCHEMA_VERSION } from '../schema/graph.ts';
import { renderViews } from './views.ts';
import { DEFAULT_REGISTRY, type KindRegistry } from '../kinds/registry.ts';
import { PROFILES, DEFAULT_PROFILE } from '../profiles/index.ts';
import { compileProfile, type ProfileData } from '../profiles/profile.ts';
import { assemble, type AssembleInput } from './assemble/index.ts';
import { patchEdits, type Assembly } from './assemble/patch.ts';
import { FactsCache, isRacy, type FileRecord } from './facts-cache.ts';
import { computeLayout, layoutKey, placeFromPrevious, type Positions } from './layout.ts';
import { collectFiles, DEFAULT_EXCLUDES, DEFAULT_MAX_BYTES, loadMarkdown, type CollectedFile, type LoadedText } from './collect.ts';
import type { DocumentFacts } from './facts.ts';
import { defaultThreads, extractAll } from './pool.ts';
import { readGitInfo, repoNameOf } from './repo-info.ts';
import { githubSlug, inferRemoteSlug } from './resolve/remote.ts';
import { LayoutWorker } from './layout-worker-client.ts';
import { entityEntries } from './search-entries.ts';
import { SearchIndexBuilder, SearchShards } from './search-index.ts';
import { SearchIndexWorker } from './search-index-worker-client.ts';
import { byCodePoint } from './text/order.ts';
import { checkRepository } from './check/index.ts';
import type { Decisions } from '../schema/findings.ts';

/**
 * Documents from which the layout and the search index run in worker threads; below, a worker
 * costs more than it saves.
 */
const STAGE_WORKERS_MIN_DOCUMENTS = 100;

export interface BuildOptions {
  repo: string;
  repoUrl?: string;
  ref?: string;
  /** The repository family's conventions; `cncf` by default. */
  profile?: ProfileData;
  /** The kinds the build knows; the shipped ones by default. */
  registry?: KindRegistry;
  /** Added to the default excludes unless `replaceDefaultExcludes`. */
  excludes?: readonly string[];
  replaceDefaultExcludes?: boolean;
  threads?: number;
  maxBytes?: number;
  /** Skip node positions: for report-only runs (link checking), which need no picture. */
  layout?: boolean;
  /**
   * Positions of the graph before an edit (watch mode): nodes that were there keep them, new
   * ones are placed near their neighbours, and no force layout runs.
   */
  previousPositions?: ReadonlyMap<string, { x: number; y: number }>;
  /** Skip the search index: for report-only runs; its output file is then left out. */
  searchIndex?: boolean;
  /**
   * A folder to keep each file's extracted facts in between builds, keyed by the file's path
   * and content; unchanged files are then not parsed again. Only with the shipped registry.
   */
  cacheDir?: string;
  /**
   * An open cache kept by the caller between builds (watch mode) instead of `cacheDir`: the
   * build reads and fills it but does not write it; the caller saves it when it likes.
   */
  factsCache?: FactsCache;
  /** Decisions from the config file: people confirmed as one or different, findings dismissed. */
  decisions?: Decisions;
  /**
   * Views declared in the config file, by name, as explorer query strings: each is laid out and
   * written as `views/<name>.json` with a light and a dark SVG picture. Needs the layout.
   */
  views?: Readonly<Record<string, string>>;
  /** The config file the decisions were read from, as findings about them should name it. */
  decisionsPath?: string;
  /** Layout and search index in worker threads; by default from 100 markdown files up. */
  stageWorkers?: boolean;
  /**
   * The paths changed since the last build of this cache, as a watcher names them (files or
   * folders). With a facts cache, a markdown file whose record there (`FactsCache.fileRecords`)
   * still holds in size, times and inode, and whose facts it has, is not read or hashed again:
   * without this list, unless the record is racy (`isRacy`); with it, unless the file is named,
   * the watcher's word standing in for the granule of the file system's times. Both signals
   * would have to miss a change for it to go unseen.
   */
  changedSince?: readonly string[];
  /**
   * The last build's assembly in this process (`BuildOutput.assembly`): documents edited only
   * in their text and the lines things stand on patch it instead of assembling again
   * (`patchEdits`).
   */
  previousAssembly?: Assembly;
  onStage?: (stage: string) => void;
}

export interface BuildOutput {
  graph: GraphDocument;
  report: BuildReport;
  /** The search index's files (manifest and shards, also in `files`); undefined when the build was asked for none. */
  searchIndex?: ReadonlyMap<string, string>;
  /** File name to content, ready for `writeOutputs`: byte-identical for the same input and options. */
  files: Map<string, string>;
  /** Wall time of each stage in milliseconds; kept out of the files so they stay reproducible. */
  timings: Record<string, number>;
  /** Every document's facts, in input order: what a search index is made from later (watch mode). */
  documents: readonly DocumentFacts[];
  /**
   * Each markdown file as it was read, by path, when the build used a cache (also kept in it,
   * for the next build): each document's content key (`FactsCache.key`).
   */
  fileRecords?: ReadonlyMap<string, FileRecord>;
  /** What the next build in this process can start from (`BuildOptions.previousAssembly`). */
  assembly: Assembly;
}

/**
 * The whole build: collect → load → extract (parallel) → assemble → index. Reads the repository;
 * writes nothing (the caller emits `files`).
 */
export async function buildGraph(options: BuildOptions): Promise<BuildOutput> {
  const timings: Record<string, number> = {};
  const stage = async <T>(name: string, work: () => Promise<T> | T): Promise<T> => {
    options.onStage?.(name);
    const start = performance.now();
    const result = await work();
    timings[name] = Math.round(performance.now() - start);
    return result;
  };

  // Git answers in a few processes of its own: ask while the files are read and parsed.
  const gitInfo = readGitInfo(options.repo);
  const profile = compileProfile(options.profile ?? PROFILES[DEFAULT_PROFILE]!);
  const registry = options.registry ?? DEFAULT_REGISTRY;
  const excludes = [...(options.replaceDefaultExcludes ? [] : DEFAULT_EXCLUDES), ...(profile.data.exclude ?? []), ...(options.excludes ?? [])];
  // Another registry's code cannot be versioned here: its facts are never cached. The cache file
  // is read while the tree is listed.
  const opening = !options.factsCache && options.cacheDir && registry === DEFAULT_REGISTRY ? FactsCache.open(options.cacheDir, options.repo, profile.data) : undefined;
  // Its failure is read where it is awaited, after the listing; until then it is not unhandled.
  opening?.catch(() => undefined);
  const listedAt = Date.now();
  const collection = await stage('collect', () => collectFiles(options.repo, excludes));
  const markdownFiles = collection.files.filter((file) => file.markdown);
  const withLayout = options.layout ?? true;
  const withIndex = options.searchIndex ?? true;
  const ownCache = await opening;
  // The layout and search index workers start before the files are read, their start-up hidden
  // behind reading and parsing; each is let go if its work turns out to be cached.
  const stageWorkers = options.stageWorkers ?? markdownFiles.length >= STAGE_WORKERS_MIN_DOCUMENTS;
  // A cache that holds positions will most likely hand them over: a worker started then would
  // only take a core from the search index. Should the graph's structure turn out changed, the
  // layout runs in this thread.
  const layoutWorker = withLayout && stageWorkers && !options.previousPositions && !ownCache?.holdsPositions ? new LayoutWorker() : undefined;
  const startedIndexWorker = withIndex && stageWorkers ? new SearchIndexWorker() : undefined;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const cache = registry === DEFAULT_REGISTRY ? (options.factsCache ?? ownCache) : undefined;
  const core = async () => {
    const sameAsRead = cache ? unchangedSince(cache, options.changedSince) : () => undefined;
    const loaded: Array<Loaded> = await stage('load', () =>
      Promise.all(markdownFiles.map(async (file) => sameAsRead(file) ?? { file, ...(await loadMarkdown(options.repo, file, maxBytes)) })),
    );
    const texts = loaded.filter((item) => !item.binary);
    // Content keys are what the cache is keyed by: a build without one has no use for them.
    const contentKeys = cache ? texts.map((item) => item.contentKey ?? FactsCache.key(item.file.path, item.text)) : undefined;
    const fileRecords = contentKeys ? recordsOf(loaded, texts, contentKeys, listedAt) : undefined;
    if (fileRecords) cache?.setFileRecords(fileRecords);
    const cached = texts.map((item, index) => item.facts ?? (contentKeys ? cache?.get(item.file.path, contentKeys[index]!) : undefined));
    const missing = texts.flatMap((item, index) => (cached[index] ? [] : [{ input: { path: item.file.path, text: item.text }, index }]));
    const shards = withIndex ? await SearchShards.plan(texts.map((item) => item.file.path), cache && contentKeys ? { store: cache, contentKeys } : undefined) : undefined;
    // Only shards not cached are made: fed from the first document extracted.
    const indexWorker = shards?.pending ? startedIndexWorker : undefined;
    if (!indexWorker) startedIndexWorker?.dispose();
    const indexSink = indexWorker ?? (shards?.pending ? new SearchIndexBuilder() : undefined);
    const extracted = await stage('extract', async () => {
      // Each document reaches the search index in input order, cached or not, so the index
      // is the same whatever was cached.
      let reported = 0;
      const toIndex = (index: number, facts: DocumentFacts): void => {
        shards?.feed(index, facts, indexSink);
      };
      const reportUpTo = (end: number): void => {
        for (; reported < end; reported += 1) if (cached[reported]) toIndex(reported, cached[reported]!);
      };
      let next = 0;
      const fresh = await extractAll(
        missing.map(({ input }) => input),
        {
          threads: options.threads ?? defaultThreads(),
          profile,
          registry,
          onExtracted: (facts) => {
            const { index } = missing[next]!;
            next += 1;
            reportUpTo(index);
            toIndex(index, facts);
            reported = index + 1;
          },
        },
      );
      reportUpTo(texts.length);
      // Every text is in its facts and content key now: let it go (at 50 times the corpus, 190 MB).
      for (const item of loaded) item.text = '';
      for (const { input } of missing) input.text = '';
      fresh.forEach((facts, position) => {
        const { index } = missing[position]!;
        cached[index] = facts;
        if (contentKeys) cache?.set(contentKeys[index]!, facts);
      });
      return cached.map((facts, index) => {
        if (!facts) throw new Error(`no facts for ${texts[index]!.file.path}`);
        return facts;
      });
    });
    const documents: DocumentFacts[] = extracted.map((facts, index) => {
      const loadWarnings = texts[index]!.warnings;
      return loadWarnings.length > 0 ? { ...facts, warnings: [...loadWarnings, ...facts.warnings] } : facts;
    });
    const binaryWarnings = loaded.filter((item) => item.binary).flatMap((item) => item.warnings);

    const git = await gitInfo;
    const url = options.repoUrl ?? git.url;
    const fileSet = new Set(collection.files.map((file) => file.path));
    const remoteSlug = (url ? githubSlug(url) : undefined) ?? inferRemoteSlug(documents, fileSet);
    const repo: RepoInfo = {
      name: repoNameOf(options.repo, url ?? (remoteSlug ? `https://github.com/${remoteSlug}` : undefined)),
      ...(url ? { url } : remoteSlug ? { url: `https://github.com/${remoteSlug}` } : {}),
      ...((options.ref ?? git.ref) ? { ref: options.ref ?? git.ref } : {}),
      ...(git.commit && !options.ref ? { commit: git.commit } : {}),
    };

    const input: AssembleInput = { repo, ...(remoteSlug ? { remoteSlug } : {}), files: [...fileSet], aliases: collection.aliases, excluded: collection.excluded, documents, profile, registry, ...(options.decisions ? { identityDecisions: options.decisions } : {}) };
    // What the assembly reads besides the documents; the registry is code, the same in every
    // build of a process.
    const assemblyKey = JSON.stringify([repo, remoteSlug, input.files, [...collection.aliases], collection.excluded, options.decisions, profile.data]);
    const previousAssembly = options.previousAssembly;
    const patched = previousAssembly && (await stage('patch', () => patchEdits(previousAssembly, documents, assemblyKey)));
    const assembled = patched ?? (await stage('assemble', () => assemble(input)));
    // Layout and search index are independent: for a large repository both run in workers, the
    // index since the first document was extracted. Small ones are done in this thread.
    const layoutStarted = performance.now();
    // The layout library (cytoscape) is loaded only where the layout runs: `computeLayout` loads it.
    const previous = options.previousPositions;
    // A graph of the same structure as the cached one lays out to the cached positions.
    const key = withLayout && cache ? layoutKey(assembled.graph) : undefined;
    const cachedPositions = key ? cache?.positionsFor(key) : undefined;
    if (cachedPositions || previous) layoutWorker?.dispose();
    const layout: Promise<Positions> = cachedPositions
      ? Promise.resolve(cachedPositions)
      : previous && withLayout
        ? Promise.resolve(placeFromPrevious(assembled.graph, previous))
        : layoutWorker
          ? layoutWorker.run(assembled.graph)
          : withLayout
            ? computeLayout(assembled.graph)
            : Promise.resolve(new Map());
    if (key && !previous) void layout.then((positions) => cache?.setPositions(key, positions));
    const searchIndex = await stage('index', () => shards?.files(entityEntries(assembled.graph, registry), indexSink));
    const positions = await stage('layout', () => layout);
    timings['layout'] = Math.round(performance.now() - layoutStarted);
    for (const node of assembled.graph.nodes) {
      const position = positions.get(node.id);
      if (position) node.position = position;
    }
    return { documents, binaryWarnings, assembled, searchIndex, fileSet, fileRecords, assembly: { key: assemblyKey, documents, assembled } };
  };
  const { documents, binaryWarnings, assembled, searchIndex, fileSet, fileRecords, assembly } = await core().catch((error: unknown) => {
    // A failed build must not leave a worker thread holding the process open.
    layoutWorker?.dispose();
    startedIndexWorker?.dispose();
    throw error;
  });
  const count = (values: readonly string[]): Record<string, number> => {
    const counts: Record<string, number> = {};
    for (const value of [...values].sort()) counts[value] = (counts[value] ?? 0) + 1;
    return counts;
  };
  const warnings = [...collection.warnings, ...binaryWarnings, ...assembled.warnings].sort(
    (a, b) => byCodePoint(a.path, b.path) || (a.line ?? 0) - (b.line ?? 0) || byCodePoint(a.message, b.message),
  );
  const findings = await stage('check', () =>
    checkRepository({
      graph: assembled.graph,
      brokenLinks: assembled.brokenLinks,
      possibleDuplicates: assembled.possibleDuplicates,
      warnings,
      documents,
      files: [...fileSet].sort(),
      profile,
      ...(options.decisions ? { decisions: options.decisions } : {}),
      ...(options.decisionsPath ? { decisionsPath: options.decisionsPath } : {}),
      staleIdentityDecisions: assembled.staleIdentityDecisions,
    }),
  );
  if (ownCache) await stage('cache', () => ownCache.save());
  const report: BuildReport = {
    schemaVersion: SCHEMA_VERSION,
    findings,
    brokenLinks: assembled.brokenLinks,
    possibleDuplicates: assembled.possibleDuplicates,
    warnings,
    stats: {
      filesRead: collection.files.length,
      documents: documents.length,
      excluded: collapseExcluded(collection.excluded),
      nodesByKind: count(assembled.graph.nodes.map((node) => node.kind)),
      edgesByKind: count(assembled.graph.edges.map((edge) => edge.kind)),
    },
  };
  const files = new Map<string, string>([
    [OUTPUT_FILES.graph, `${JSON.stringify(assembled.graph)}\n`],
    ...(searchIndex ?? []),
    [OUTPUT_FILES.report, `${JSON.stringify(report, null, 2)}\n`],
  ]);
  const views = options.views;
  if (withLayout && views && Object.keys(views).length > 0) {
    for (const [path, content] of await stage('views', () => renderViews(assembled.graph, views))) files.set(path, content);
  }
  return { graph: assembled.graph, report, ...(searchIndex ? { searchIndex } : {}), files, timings, documents, ...(fileRecords ? { fileRecords } : {}), assembly };
}

/**
 * A markdown file as loaded; one not read again (`unchangedSince`) carries its content key, cached
 * facts and when it was read.
 */
type Loaded = { file: CollectedFile; contentKey?: string; facts?: DocumentFacts; readAt?: number } & LoadedText;

/**
 * A file's load as an earlier build made it, if the cache's record of it still holds (see
 * `BuildOptions.changedSince`) and the cache holds its facts; else undefined, and it is read.
 */
function unchangedSince(cache: FactsCache, changedSince: readonly string[] | undefined): (file: CollectedFile) => Loaded | undefined {
  const records = cache.fileRecords;
  const changed = new Set(changedSince);
  // The path itself or a folder it is in.
  const named = (path: string): boolean => path.split('/').some((_, depth, parts) => changed.has(parts.slice(0, depth + 1).join('/')));
  return (file) => {
    const record = records?.get(file.path);
    if (!record || record.size !== file.size || record.mtimeMs !== file.mtimeMs || record.ctimeMs !== file.ctimeMs || record.ino !== file.ino) return undefined;
    if (changedSince ? named(file.path) : isRacy(record)) return undefined;
    const same = { file, text: '', warnings: record.warnings, readAt: record.readAt };
    if (record.binary) return { ...same, binary: true };
    const facts = record.contentKey ? cache.get(file.path, record.contentKey) : undefined;
    if (!facts) return undefined;
    return { ...same, binary: false, contentKey: record.contentKey, facts };
  };
}

/**
 * Each markdown file's record, binary ones too; `contentKeys` are those of `texts`, in order.
 * A file read by this build was read after `listedAt`.
 */
function recordsOf(loaded: readonly Loaded[], texts: ReadonlyArray<{ file: CollectedFile }>, contentKeys: readonly string[], listedAt: number): Map<string, FileRecord> {
  const keyOf = new Map(texts.map((item, index) => [item.file.path, contentKeys[index]!]));
  return new Map(
    loaded.map(({ file, binary, warnings, readAt }) => {
      const contentKey = keyOf.get(file.path);
      const { size, mtimeMs, ctimeMs, ino } = file;
      return [file.path, { size, mtimeMs, ctimeMs, ino, readAt: readAt ?? listedAt, binary, warnings, ...(contentKey ? { contentKey } : {}) }];
    }),
  );
}

/** Excluded paths with those inside an excluded folder left out (the folder stands for them). */
function collapseExcluded(paths: readonly string[]): string[] {
  const sorted = [...paths].sort();
  return sorted.filter((path) => !sorted.some((other) => other !== path && path.startsWith(`${other}/`)));
}

