import { writeOutputs } from '../../src/build/emit.ts';
import { FactsCache } from '../../src/build/facts-cache.ts';
import { buildGraph, type BuildOptions, type BuildOutput } from '../../src/build/pipeline.ts';
import { searchIndexOf } from '../../src/build/search-index.ts';
import { positionsOf, watchRepository, type Watcher } from '../../src/build/watch.ts';
import { DEFAULT_REGISTRY } from '../../src/kinds/registry.ts';
import { DEFAULT_PROFILE, PROFILES } from '../../src/profiles/index.ts';

export interface WatchSession {
  options: BuildOptions;
  /** Where the output goes. */
  out: string;
  initial: BuildOutput;
  /** Tells the page: `data` when the graph and report are new, `index` when the search index is. */
  notify?: (what: 'data' | 'index', changed: readonly string[]) => void;
  log: (line: string) => void;
}

/**
 * Rebuilds on every change in two steps, so a save reaches the page quickly: the graph and
 * report (no search index; new nodes placed beside their neighbours, no force layout) are
 * written and announced at once; the search index and the cache file follow once nothing has
 * changed for a moment (the page fetches the new data from this same thread meanwhile). The
 * facts cache stays open in memory between builds.
 */
export async function startWatching(session: WatchSession): Promise<Watcher> {
  const { options, out, log } = session;
  const cache = options.cacheDir ? await FactsCache.open(options.cacheDir, options.repo, options.profile ?? PROFILES[DEFAULT_PROFILE]!) : undefined;
  const { cacheDir: _written, ...rest } = options;
  let buildStarted = 0;
  const build = (previous: BuildOutput | undefined, changed: readonly string[]): Promise<BuildOutput> => {
    buildStarted = performance.now();
    cache?.nextBuild();
    return buildGraph({
      ...rest,
      ...(cache ? { factsCache: cache } : {}),
      searchIndex: false,
      onStage: () => undefined,
      ...(previous ? { previousPositions: positionsOf(previous.graph), previousAssembly: previous.assembly } : {}),
      // Files the watcher did not name, and whose size and times are the same, are not read again.
      ...(previous ? { changedSince: changed } : {}),
    });
  };
  let lastChanged: readonly string[] = [];
  return watchRepository(
    options.repo,
    {
      build,
      async onBuilt(next, changed) {
        lastChanged = changed;
        const written = performance.now();
        await writeOutputs(out, next.files);
        session.notify?.('data', changed);
        // Where the time went, for whoever waits on a save.
        const stages = Object.entries({ ...next.timings, write: Math.round(performance.now() - written) }).map(([name, ms]) => `${name} ${ms}`).join(', ');
        log(`rebuilt in ${Math.round(performance.now() - buildStarted)} ms after ${changed.length} change${changed.length === 1 ? '' : 's'} (${changed.slice(0, 3).join(', ')}${changed.length > 3 ? ', …' : ''}): ${next.graph.nodes.length} nodes, ${next.graph.edges.length} edges; ms: ${stages}`);
      },
      async onIdle(last) {
        const started = performance.now();
        // From the facts and graph the last build already holds: nothing is read or assembled again.
        // Shards of unchanged documents come from the cache (which holds only the shipped registry's).
        const registry = options.registry ?? DEFAULT_REGISTRY;
        const records = last.fileRecords;
        const contentKeys = last.documents.map((doc) => records?.get(doc.path)?.contentKey);
        const shardCache = cache && registry === DEFAULT_REGISTRY && contentKeys.every((key) => key !== undefined) ? { store: cache, contentKeys } : undefined;
        await writeOutputs(out, await searchIndexOf(last.documents, last.graph, registry, shardCache));
        session.notify?.('index', lastChanged);
        await cache?.save();
        log(`search index rebuilt in ${Math.round(performance.now() - started)} ms`);
      },
      onError: (error) => log(`rebuild failed, the previous output stays: ${error instanceof Error ? error.message : String(error)}`),
    },
    { initial: session.initial, debounceMs: 50, idleMs: 400 },
  );
}
