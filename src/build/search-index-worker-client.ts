import type { SearchEntry } from '../schema/search.ts';
import type { JoinSpec, ShardSink } from './search-index.ts';
import { StageWorker } from './workers.ts';

export type SearchIndexMessage = { type: 'add'; entries: SearchEntry[] } | { type: 'end' } | { type: 'join'; join: JoinSpec } | { type: 'finish'; entries: SearchEntry[] | undefined };

/** From the worker: each shard as it ends, then the count of shards made. */
export type SearchIndexReply = { type: 'shard'; text: string } | { type: 'done'; shards: number };

/**
 * `SearchIndexBuilder` in a worker thread, filled while the main thread is still parsing: each
 * document's entries go over as soon as it is extracted (and a shard to join, with the kept
 * shards it is joined from, as soon as its last document is), the entities at the end. Entries
 * are indexed in the order sent, so the output is the same as the builder's in this thread.
 * Each shard comes back as soon as it ends, so the worker never holds more than one.
 */
export class SearchIndexWorker extends StageWorker<SearchIndexReply> implements ShardSink {
  private readonly made: string[];

  constructor() {
    const made: string[] = [];
    super('search-index-worker', (message) => {
      const reply = message as SearchIndexReply;
      if (reply.type !== 'shard') return false;
      made.push(reply.text);
      return true;
    });
    this.made = made;
  }

  add(entries: SearchEntry[]): void {
    this.post({ type: 'add', entries } satisfies SearchIndexMessage);
  }

  endShard(): void {
    this.post({ type: 'end' } satisfies SearchIndexMessage);
  }

  endJoin(join: JoinSpec): void {
    this.post({ type: 'join', join } satisfies SearchIndexMessage);
  }

  /** Resolves to every shard made, in order; the entities' last when given. */
  async finish(entries: SearchEntry[] | undefined): Promise<string[]> {
    this.post({ type: 'finish', entries } satisfies SearchIndexMessage);
    const done = await this.result();
    if (done.type !== 'done' || done.shards !== this.made.length) throw new Error(`search index worker: ${this.made.length} shards came back, it made ${done.type === 'done' ? done.shards : 'none'}`);
    return this.made;
  }
}
