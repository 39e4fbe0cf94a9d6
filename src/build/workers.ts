import { Worker } from 'node:worker_threads';

/** Starts a build worker running `module` (a path relative to src/build, e.g. `./extract-worker.ts`). */
export function startWorker(module: string): Worker {
  return new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: { module } });
}
