import { availableParallelism } from 'node:os';
import { DEFAULT_REGISTRY, type KindRegistry } from '../kinds/registry.ts';
import type { Profile } from '../profiles/profile.ts';
import type { DocumentFacts } from './facts.ts';
import { extractSafely, type ExtractRequest } from './extract-safely.ts';
import { startWorker } from './workers.ts';

export interface ExtractInput {
  path: string;
  text: string;
}

/** Below this many bytes of markdown, starting workers costs more than it saves. */
const PARALLEL_THRESHOLD_BYTES = 256 * 1024;

export function defaultThreads(): number {
  // One core stays with the main thread; on two cores, workers measured slower than one thread.
  return Math.max(1, availableParallelism() - 1);
}

export interface ExtractOptions {
  threads: number;
  profile: Profile;
  registry: KindRegistry;
  onExtracted?: (facts: DocumentFacts) => void;
}

/**
 * Parses and extracts every document, across `threads` worker threads (in this thread when
 * `threads` is 1, the input is small, or the registry is not the default one, whose code the
 * workers cannot be sent). Results come back in input order; `onExtracted` sees each as soon
 * as it and all before it are done, so later stages can start on them meanwhile.
 */
export async function extractAll(inputs: readonly ExtractInput[], options: ExtractOptions): Promise<DocumentFacts[]> {
  const { threads, profile, registry, onExtracted } = options;
  const totalBytes = inputs.reduce((sum, input) => sum + input.text.length, 0);
  if (threads <= 1 || inputs.length < 2 || totalBytes < PARALLEL_THRESHOLD_BYTES || registry !== DEFAULT_REGISTRY) {
    return inputs.map((input) => {
      const facts = extractSafely(input.path, input.text, profile, registry);
      onExtracted?.(facts);
      return facts;
    });
  }
  const results = new Array<DocumentFacts | undefined>(inputs.length);
  let reported = 0;
  // Largest first, so no worker is left with one big file at the end.
  const order = inputs.map((_, index) => index).sort((a, b) => inputs[b]!.text.length - inputs[a]!.text.length || a - b);
  let next = 0;
  const workers = Array.from({ length: Math.min(threads, inputs.length) }, () => startWorker('extract-worker', { profile: profile.data }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = (): void => {
              if (next >= order.length) {
                resolve();
                return;
              }
              const id = order[next]!;
              next += 1;
              const request: ExtractRequest = { id, path: inputs[id]!.path, text: inputs[id]!.text };
              worker.postMessage(request);
            };
            worker.on('message', (message: { id: number; facts: DocumentFacts }) => {
              results[message.id] = message.facts;
              for (; reported < results.length && results[reported]; reported += 1) onExtracted?.(results[reported]!);
              send();
            });
            worker.on('error', (error) => reject(new Error(`extraction worker failed: ${error.message}`)));
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results.map((facts, index) => {
    if (!facts) throw new Error(`extraction returned nothing for ${inputs[index]!.path}`);
    return facts;
  });
}
