import type { SearchCatalog, SearchHit } from './search-engine.ts';
import type { SearchRequest, SearchResponse } from './search-worker.ts';

/** The main thread's side of the search worker: answers only the latest query. */
export class SearchClient {
  private readonly worker: Worker;
  private nextId = 0;
  private readonly pending = new Map<number, (hits: SearchHit[] | undefined) => void>();
  readonly ready: Promise<void>;

  /** `catalog`: each node's kind and title and each kind's boost, from the graph. */
  constructor(indexUrl: string, catalog: SearchCatalog) {
    this.worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
    this.ready = new Promise((resolve, reject) => {
      this.worker.onmessage = (event: MessageEvent<SearchResponse>) => {
        const message = event.data;
        if (message.type === 'ready') resolve();
        else if (message.type === 'error') reject(new Error(`search index: ${message.message}`));
        else {
          this.pending.get(message.id)?.(message.hits);
          this.pending.delete(message.id);
        }
      };
      this.worker.onerror = (event) => reject(new Error(`search worker: ${event.message}`));
    });
    this.post({ type: 'load', url: indexUrl, catalog });
    // A mark for benchmarks and the browser's performance panel: when search can answer.
    this.ready.then(() => performance.mark('tag-graph:search-ready')).catch(() => undefined);
  }

  /** Hits for `query`; a query overtaken by a newer one resolves to undefined. */
  search(query: string): Promise<SearchHit[] | undefined> {
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
