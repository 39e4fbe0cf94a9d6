/// <reference lib="webworker" />
import type MiniSearch from 'minisearch';
import { readSearchManifest, type SearchEntry } from '../../schema/search.ts';
import { LatestOnly, macrotask } from './latest-only.ts';
import { loadIndex, searchSteps, type SearchCatalog, type SearchHit } from './search-engine.ts';

export type SearchRequest = { type: 'load'; url: string; catalog: SearchCatalog } | { type: 'text' } | { type: 'search'; id: number; query: string };
export type SearchResponse =
  | { type: 'ready' }
  | { type: 'complete' }
  | { type: 'error'; message: string }
  | { type: 'results'; id: number; hits: SearchHit[]; complete: boolean };

/**
 * Holds the prebuilt index off the main thread, so typing never waits for a search. The
 * entities' shard is loaded first and answers at once; the text shards only when asked for
 * (someone is about to search), fetched together and loaded in order, each searched as soon
 * as it is in.
 */
const indexes: MiniSearch<SearchEntry>[] = [];
let complete = false;
/** The text shards' addresses, once the manifest is read (`undefined` before). */
let textUrls: string[] | undefined;
let textWanted = false;
let catalog: SearchCatalog = { nodes: {}, boosts: {} };
const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (response: SearchResponse): void => scope.postMessage(response);

/** The manifest is asked for afresh (watch mode rewrites it); a shard's name changes with its content, so the browser's copy is good. */
async function fetchText(url: string, cache: RequestCache = 'default'): Promise<string> {
  const response = await fetch(url, { cache });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

async function load(url: string): Promise<void> {
  const manifest = readSearchManifest(JSON.parse(await fetchText(url, 'no-cache')), url);
  const shardUrl = (file: string): string => new URL(file, url).href;
  indexes.push(loadIndex(await fetchText(shardUrl(manifest.entities))));
  textUrls = manifest.text.map(shardUrl);
  reply({ type: 'ready' });
  if (textWanted) await loadText(textUrls);
}

async function loadText(urls: readonly string[]): Promise<void> {
  const text = urls.map((address) => fetchText(address));
  // Failures are reported below, in order; until then they are not unhandled.
  for (const pending of text) pending.catch(() => undefined);
  for (const pending of text) indexes.push(loadIndex(await pending));
  complete = true;
  reply({ type: 'complete' });
}

const fail = (error: unknown): void => reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });

/**
 * Searches answer the latest query only. Each runs over the shards there were when it began,
 * and says whether that was all of them; once the rest are in, the client asks again.
 */
const searches = new LatestOnly<{ id: number; query: string; complete: boolean; indexes: MiniSearch<SearchEntry>[] }, SearchHit[]>(
  (request) => searchSteps(request.indexes, request.query, catalog),
  (request, hits) => reply({ type: 'results', id: request.id, hits, complete: request.complete }),
  fail,
  macrotask(),
);

scope.onmessage = (event: MessageEvent<SearchRequest>) => {
  const request = event.data;
  if (request.type === 'load') {
    catalog = request.catalog;
    load(request.url).catch(fail);
  } else if (request.type === 'text') {
    if (textWanted) return;
    textWanted = true;
    // Before the manifest is read, `load` starts the text shards itself.
    if (textUrls) loadText(textUrls).catch(fail);
  } else searches.submit({ id: request.id, query: request.query, complete, indexes: [...indexes] });
};
