import { parentPort } from 'node:worker_threads';
import type { SearchIndexMessage } from './search-index-worker-client.ts';
import { SearchIndexBuilder } from './search-index.ts';

/** Worker side of `SearchIndexWorker`: entries in as they come, the serialised shards out at the end. */
const builder = new SearchIndexBuilder();
parentPort?.on('message', (message: SearchIndexMessage) => {
  if (message.type === 'add') builder.add(message.entries);
  else if (message.type === 'end') builder.endShard();
  else parentPort?.postMessage(builder.finish(message.entries));
});
