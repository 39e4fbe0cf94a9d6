/// <reference lib="webworker" />
import type MiniSearch from 'minisearch';
import { readSearchManifest, type SearchEntry } from '../../schema/search.ts';
import { loadIndex, runSearch, type SearchCatalog, type SearchHit } from './search-engine.ts';

export type SearchRequest = { type: 'load'; url: string; catalog: SearchCatalog } | { type: 'search'; id: number; query: string };
export type SearchResponse =
  | { type: 'ready'; documents: number }
  | { type: 'complete'; documents: number }
  | { type: 'error'; message: string }
  | { type: 'results'; id: number; hits: SearchHit[]; complete: boolean };

/**
 * Holds the prebuilt index off the main thread, so typing never waits for a search. The
 * entities' shard is loaded first and answers at once; the text shards follow, fetched
 * together and loaded in order, each searched as soon as it is in.
 */
const indexes: MiniSearch<SearchEntry>[] = [];
let complete = false;
let catalog: SearchCatalog = { nodes: {}, boosts: {} };
const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (response: SearchResponse): void => scope.postMessage(response);
const documents = (): number => indexes.reduce((sum, index) => sum + index.documentCount, 0);

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

async function load(url: string): Promise<void> {
  const manifest = readSearchManifest(JSON.parse(await fetchText(url)), url);
  const shardUrl = (file: string): string => new URL(file, url).href;
  indexes.push(loadIndex(await fetchText(shardUrl(manifest.entities))));
  reply({ type: 'ready', documents: documents() });
  // The text shards only once the entities answer: they do not compete with the first download.
  const text = manifest.text.map((file) => fetchText(shardUrl(file)));
  // Failures of the text shards are reported below, in order; until then they are not unhandled.
  for (const pending of text) pending.catch(() => undefined);
  for (const pending of text) indexes.push(loadIndex(await pending));
  complete = true;
  reply({ type: 'complete', documents: documents() });
}

scope.onmessage = async (event: MessageEvent<SearchRequest>) => {
  const request = event.data;
  if (request.type === 'load') {
    catalog = request.catalog;
    try {
      await load(request.url);
    } catch (error) {
      reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  reply({ type: 'results', id: request.id, hits: runSearch(indexes, request.query, catalog), complete });
};
