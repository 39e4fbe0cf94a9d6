import type { SearchCatalog, SearchHit } from './search-engine.ts';
import type { SearchRequest, SearchResponse } from './search-worker.ts';

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: Error) => void } {
  let resolve = (): void => undefined;
  let reject = (_error: Error): void => undefined;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** Hits for a query, and whether every shard of the index was searched (else more may come). */
export interface SearchAnswer {
  hits: SearchHit[];
  complete: boolean;
}

/** The main thread's side of the search worker: answers only the latest query. */
export class SearchClient {
  private readonly worker: Worker;
  private nextId = 0;
  private readonly pending = new Map<number, (answer: SearchAnswer | undefined) => void>();
  /** Search answers, from the entities at least. */
  readonly ready: Promise<void>;
  /** Every shard is in (once `loadText` was called): answers are final. */
  readonly complete: Promise<void>;
  private textAsked = false;

  /** `catalog`: each node's kind and title and each kind's boost, from the graph. */
  constructor(indexUrl: string, catalog: SearchCatalog) {
    this.worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
    const ready = deferred();
    const complete = deferred();
    this.ready = ready.promise;
    this.complete = complete.promise;
    // Settling a settled promise does nothing: a failure after `ready` fails only `complete`.
    const fail = (error: Error): void => {
      ready.reject(error);
      complete.reject(error);
    };
    this.worker.onmessage = (event: MessageEvent<SearchResponse>) => {
      const message = event.data;
      if (message.type === 'ready') ready.resolve();
      else if (message.type === 'complete') complete.resolve();
      else if (message.type === 'error') fail(new Error(`search index: ${message.message}`));
      else {
        this.pending.get(message.id)?.({ hits: message.hits, complete: message.complete });
        this.pending.delete(message.id);
      }
    };
    this.worker.onerror = (event) => fail(new Error(`search worker: ${event.message}`));
    this.post({ type: 'load', url: indexUrl, catalog });
    // Marks for benchmarks and the browser's performance panel: when search can answer, and when in full.
    this.ready.then(() => performance.mark('tag-graph:search-ready')).catch(() => undefined);
    this.complete.then(() => performance.mark('tag-graph:search-complete')).catch(() => undefined);
  }

  /**
   * Fetches the text shards (most of the index), which wait until someone is about to search:
   * a visit that never searches downloads only the entities' shard.
   */
  loadText(): void {
    if (this.textAsked) return;
    this.textAsked = true;
    this.post({ type: 'text' });
  }

  /** Hits for `query`; a query overtaken by a newer one resolves to undefined. */
  search(query: string): Promise<SearchAnswer | undefined> {
    const id = ++this.nextId;
    for (const [older, resolve] of this.pending) {
      resolve(undefined);
      this.pending.delete(older);
    }
    return new Promise((resolve) => {
      this.pending.set(id, (hits) => resolve(id === this.nextId ? hits : undefined));
      this.post({ type: 'search', id, query });
    });
  }

  dispose(): void {
    this.worker.terminate();
  }

  private post(request: SearchRequest): void {
    this.worker.postMessage(request);
  }
}
