import type { SearchEntry } from '../schema/search.ts';
import type { ShardSink } from './search-index.ts';
import { StageWorker } from './workers.ts';

export type SearchIndexMessage = { type: 'add'; entries: SearchEntry[] } | { type: 'end' } | { type: 'finish'; entries: SearchEntry[] | undefined };

/**
 * `SearchIndexBuilder` in a worker thread, filled while the main thread is still parsing: each
 * document's entries go over as soon as it is extracted, the entities at the end. Entries are
 * indexed in the order sent, so the output is the same as the builder's in this thread.
 */
export class SearchIndexWorker extends StageWorker<string[]> implements ShardSink {
  constructor() {
    super('search-index-worker');
  }

  add(entries: SearchEntry[]): void {
    this.post({ type: 'add', entries } satisfies SearchIndexMessage);
  }

  endShard(): void {
    this.post({ type: 'end' } satisfies SearchIndexMessage);
  }

  /** Resolves to every shard made, in order; the entities' last when given. */
  finish(entries: SearchEntry[] | undefined): Promise<string[]> {
    this.post({ type: 'finish', entries } satisfies SearchIndexMessage);
    return this.result();
  }
}
