import { watch, type FSWatcher } from 'node:fs';
import type { BuildOutput } from './pipeline.ts';

export interface WatchCallbacks {
  /** Builds the graph; given the output of the last good build, if any. */
  build(previous: BuildOutput | undefined): Promise<BuildOutput>;
  /** A build succeeded: write it, tell the page. */
  onBuilt(output: BuildOutput, changed: readonly string[]): Promise<void> | void;
  /** A build failed: the previous output stays. */
  onError(error: unknown): void;
}

export interface Watcher {
  /** Resolves when the build under way (if any) and all queued changes are done. */
  settled(): Promise<void>;
  close(): void;
}

/** Paths inside these folders never change what the build reads. */
const IGNORED = /(^|\/)(\.git|node_modules)(\/|$)/;

/**
 * Rebuilds whenever a file of `repo` changes, handing each build the last good output (seeded
 * with `initial`, so positions carry over). Changes that arrive within `debounceMs` of each
 * other (a save, a `git checkout` of fifty files) make one rebuild; changes during a build make
 * one more after it. Builds never overlap, and a failed one leaves the last good output.
 */
export function watchRepository(repo: string, callbacks: WatchCallbacks, options: { debounceMs?: number; initial?: BuildOutput } = {}): Watcher {
  const debounceMs = options.debounceMs ?? 120;
  let last: BuildOutput | undefined = options.initial;
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let building = false;
  let closed = false;

  const run = async (): Promise<void> => {
    building = true;
    try {
      while (pending.size > 0 && !closed) {
        const changed = [...pending].sort();
        pending = new Set();
        try {
          const output = await callbacks.build(last);
          last = output;
          await callbacks.onBuilt(output, changed);
        } catch (error) {
          callbacks.onError(error);
        }
      }
    } finally {
      building = false;
    }
  };

  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (!building) running = run();
    }, debounceMs);
  };

  const watcher: FSWatcher = watch(repo, { recursive: true }, (_event, name) => {
    const path = name?.toString().replace(/\\/g, '/');
    if (!path || IGNORED.test(path) || closed) return;
    pending.add(path);
    schedule();
  });

  return {
    async settled() {
      for (;;) {
        await running;
        await new Promise((resolve) => setTimeout(resolve, debounceMs + 20));
        if (!timer && !building && pending.size === 0) return;
        await running;
      }
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      watcher.close();
    },
  };
}

/** A built graph's node positions, for the next build to keep. */
export function positionsOf(graph: BuildOutput['graph']): Map<string, { x: number; y: number }> {
  return new Map(graph.nodes.flatMap((node) => (node.position ? [[node.id, node.position] as const] : [])));
}
