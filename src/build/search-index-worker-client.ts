import type { SearchEntry } from '../schema/search.ts';
import { StageWorker } from './workers.ts';

export type SearchIndexMessage = { type: 'add' | 'finish'; entries: SearchEntry[] };

/**
 * `SearchIndexBuilder` in a worker thread, filled while the main thread is still parsing: each
 * document's entries go over as soon as it is extracted, the entities at the end. Entries are
 * indexed in the order sent, so the output is the same as the builder's in this thread.
 */
export class SearchIndexWorker extends StageWorker<string> {
  constructor() {
    super('search-index-worker');
  }

  add(entries: SearchEntry[]): void {
    this.post({ type: 'add', entries } satisfies SearchIndexMessage);
  }

  /** Adds the last entries and resolves to the serialised index. */
  finish(entries: SearchEntry[]): Promise<string> {
    this.post({ type: 'finish', entries } satisfies SearchIndexMessage);
    return this.result();
  }
}
