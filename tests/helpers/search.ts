import type MiniSearch from 'minisearch';
import { loadIndex } from '../../src/app/lib/search-engine.ts';
import { OUTPUT_FILES } from '../../src/schema/graph.ts';
import { readSearchManifest, type SearchEntry } from '../../src/schema/search.ts';

/** Every shard a build's search index files name, loaded as the app's worker loads them. */
export function loadShards(files: ReadonlyMap<string, string>): MiniSearch<SearchEntry>[] {
  const read = (name: string): string => {
    const text = files.get(name);
    if (text === undefined) throw new Error(`the search index names ${name}, which the build did not write`);
    return text;
  };
  const manifest = readSearchManifest(JSON.parse(read(OUTPUT_FILES.searchIndex)), OUTPUT_FILES.searchIndex);
  return [manifest.entities, ...manifest.text].map((name) => loadIndex(read(name)));
}
