/// <reference lib="webworker" />
import type MiniSearch from 'minisearch';
import type { SearchEntry } from '../../schema/search.ts';
import { loadIndex, runSearch, type SearchCatalog, type SearchHit } from './search-engine.ts';

export type SearchRequest = { type: 'load'; url: string; catalog: SearchCatalog } | { type: 'search'; id: number; query: string };
export type SearchResponse = { type: 'ready'; documents: number } | { type: 'error'; message: string } | { type: 'results'; id: number; hits: SearchHit[] };

/** Holds the prebuilt index off the main thread, so typing never waits for a search. */
let index: MiniSearch<SearchEntry> | undefined;
let catalog: SearchCatalog = { nodes: {}, boosts: {} };
const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (response: SearchResponse): void => scope.postMessage(response);

scope.onmessage = async (event: MessageEvent<SearchRequest>) => {
  const request = event.data;
  if (request.type === 'load') {
    try {
      const response = await fetch(request.url, { cache: 'no-cache' });
      if (!response.ok) throw new Error(`${request.url}: HTTP ${response.status}`);
      index = loadIndex(await response.text());
      catalog = request.catalog;
      reply({ type: 'ready', documents: index.documentCount });
    } catch (error) {
      reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  reply({ type: 'results', id: request.id, hits: index ? runSearch(index, request.query, catalog) : [] });
};
