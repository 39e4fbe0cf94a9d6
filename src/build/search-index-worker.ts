import { parentPort } from 'node:worker_threads';
import type { SearchIndexMessage, SearchIndexReply } from './search-index-worker-client.ts';
import { SearchIndexBuilder } from './search-index.ts';

/** Worker side of `SearchIndexWorker`: entries in as they come, each shard out as it ends. */
let sent = 0;
const builder = new SearchIndexBuilder((text) => {
  sent += 1;
  parentPort?.postMessage({ type: 'shard', text } satisfies SearchIndexReply);
});
parentPort?.on('message', (message: SearchIndexMessage) => {
  if (message.type === 'add') builder.add(message.entries);
  else if (message.type === 'end') builder.endShard();
  else if (message.type === 'join') builder.endJoin(message.join);
  else {
    builder.finish(message.entries);
    parentPort?.postMessage({ type: 'done', shards: sent } satisfies SearchIndexReply);
  }
});
