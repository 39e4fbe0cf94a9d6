import { parentPort } from 'node:worker_threads';
import { extractSafely, type ExtractRequest } from './extract-safely.ts';

/** Worker side of the extraction pool: one request in, one DocumentFacts out. */
parentPort?.on('message', (request: ExtractRequest) => {
  parentPort?.postMessage({ id: request.id, facts: extractSafely(request.path, request.text) });
});
