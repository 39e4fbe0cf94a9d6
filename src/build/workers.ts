import { Worker } from 'node:worker_threads';

export type WorkerName = 'extract-worker' | 'layout-worker';

/**
 * Starts a build worker thread. From TypeScript sources (tests, tsx) it goes through
 * worker-entry.mjs, which registers the TypeScript loader; from the bundle that
 * scripts/run-bundled.mjs makes, the worker's own bundle sits beside this code.
 */
export function startWorker(name: WorkerName): Worker {
  if (import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: { module: `./${name}.ts` } });
  }
  return new Worker(new URL(`./${name}.mjs`, import.meta.url));
}
