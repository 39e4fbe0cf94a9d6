import { Worker } from 'node:worker_threads';

export type WorkerName = 'extract-worker' | 'layout-worker' | 'search-index-worker';

/**
 * Starts a build worker thread. From TypeScript sources (tests, tsx) it goes through
 * worker-entry.mjs, which registers the TypeScript loader; from the bundle that
 * scripts/run-bundled.mjs makes, the worker's own bundle sits beside this code.
 */
export function startWorker(name: WorkerName, data: Record<string, unknown> = {}): Worker {
  if (import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: { ...data, module: `./${name}.ts` } });
  }
  return new Worker(new URL(`./${name}.mjs`, import.meta.url), { workerData: data });
}

/** A build stage in a worker thread that answers one request: its failure reaches the caller. */
export class StageWorker<Answer> {
  private readonly worker: Worker;
  private readonly answer: Promise<Answer>;

  /** `onPart`: takes the messages that come before the answer, if the worker sends some; true when it took one. */
  constructor(name: WorkerName, onPart?: (message: unknown) => boolean) {
    this.worker = startWorker(name);
    this.answer = new Promise<Answer>((resolve, reject) => {
      this.worker.on('message', (message: Answer) => {
        if (!onPart?.(message)) resolve(message);
      });
      this.worker.once('error', (error) => reject(new Error(`${name} failed: ${error.message}`)));
      this.worker.once('exit', (code) => reject(new Error(`${name} exited with code ${code} before answering`)));
    });
    // The failure is read when the answer is awaited; until then it must not count as unhandled.
    this.answer.catch(() => undefined);
  }

  protected post(message: unknown): void {
    this.worker.postMessage(message);
  }

  /** The worker's one answer; the thread ends with it. */
  protected async result(): Promise<Answer> {
    try {
      return await this.answer;
    } finally {
      this.dispose();
    }
  }

  dispose(): void {
    void this.worker.terminate();
  }
}
