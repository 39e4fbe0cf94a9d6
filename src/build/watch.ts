import { watchFolders } from './folder-watch.ts';
import type { BuildOutput } from './pipeline.ts';

export interface WatchCallbacks {
  /**
   * Builds the graph; given the output of the last good build, if any, and every path changed
   * since it (as the watcher names them, files or folders), failed builds' included.
   */
  build(previous: BuildOutput | undefined, changed: readonly string[]): Promise<BuildOutput>;
  /** A build succeeded: write it, tell the page. */
  onBuilt(output: BuildOutput, changed: readonly string[]): Promise<void> | void;
  /** Slower work for the last good build, once no change has come for a while (the search index). */
  onIdle?(output: BuildOutput): Promise<void> | void;
  /** A build failed: the previous output stays. */
  onError(error: unknown): void;
}

export interface Watcher {
  /** Settles once changes are seen (the tree's first reading is done). */
  ready: Promise<void>;
  close(): void;
}

/** Paths inside these folders never change what the build reads. */
const IGNORED = /(^|\/)(\.git|node_modules)(\/|$)/;

/**
 * Rebuilds whenever a file of `repo` changes, handing each build the last good output (seeded
 * with `initial`, so positions carry over). Changes that arrive within `debounceMs` of each
 * other (a save, a `git checkout` of fifty files) make one rebuild; changes during a build make
 * one more after it. Builds never overlap, and a failed one leaves the last good output. Once
 * nothing has changed for `idleMs`, `onIdle` does the slower work for the last build, so a
 * save never waits behind it unless it comes while it runs.
 */
export function watchRepository(
  repo: string,
  callbacks: WatchCallbacks,
  options: { debounceMs?: number; idleMs?: number; initial?: BuildOutput } = {},
): Watcher {
  const debounceMs = options.debounceMs ?? 120;
  const idleMs = options.idleMs ?? 400;
  let last: BuildOutput | undefined = options.initial;
  let idleDue = false;
  let pending = new Set<string>();
  /** Paths changed since the last good build: a failed build's stay for the next. */
  const sinceGood = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  let busy = false;
  let closed = false;

  const exclusive = (work: () => Promise<void>): void => {
    busy = true;
    void work().finally(() => {
      busy = false;
      if (pending.size > 0 && !closed) schedule();
      else if (idleDue && !closed) scheduleIdle();
    });
  };

  const rebuild = async (): Promise<void> => {
    while (pending.size > 0 && !closed) {
      for (const path of pending) sinceGood.add(path);
      const changed = [...sinceGood].sort();
      pending = new Set();
      try {
        const output = await callbacks.build(last, changed);
        sinceGood.clear();
        last = output;
        idleDue = callbacks.onIdle !== undefined;
        await callbacks.onBuilt(output, changed);
      } catch (error) {
        callbacks.onError(error);
      }
    }
  };

  const idle = async (): Promise<void> => {
    idleDue = false;
    if (!last || !callbacks.onIdle) return;
    try {
      await callbacks.onIdle(last);
    } catch (error) {
      callbacks.onError(error);
    }
  };

  const scheduleIdle = (): void => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      idleTimer = undefined;
      if (!busy && pending.size === 0 && idleDue && !closed) exclusive(idle);
    }, idleMs);
  };

  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    if (idleTimer) clearTimeout(idleTimer);
    timer = setTimeout(() => {
      timer = undefined;
      if (!busy) exclusive(rebuild);
    }, debounceMs);
  };

  const folders = watchFolders(
    repo,
    (path) => IGNORED.test(path),
    (path) => {
      if (closed) return;
      pending.add(path);
      schedule();
    },
  );

  return {
    ready: folders.ready,
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      if (idleTimer) clearTimeout(idleTimer);
      folders.close();
    },
  };
}

/** A built graph's node positions, for the next build to keep. */
export function positionsOf(graph: BuildOutput['graph']): Map<string, { x: number; y: number }> {
  return new Map(graph.nodes.flatMap((node) => (node.position ? [[node.id, node.position] as const] : [])));
}
