import { parentPort } from 'node:worker_threads';
import type { SearchIndexMessage } from './search-index-worker-client.ts';
import { createIndex, serialiseIndex } from './search-index.ts';

/** Worker side of `SearchIndexWorker`: entries in as they come, the serialised index out at the end. */
const index = createIndex();
parentPort?.on('message', (message: SearchIndexMessage) => {
  index.addAll(message.entries);
  if (message.type === 'finish') parentPort?.postMessage(serialiseIndex(index));
});
