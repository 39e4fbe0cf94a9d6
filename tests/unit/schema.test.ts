import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as graphSchema from '../../src/schema/graph.ts';
import * as kindsSchema from '../../src/schema/kinds.ts';
import * as searchSchema from '../../src/schema/search.ts';

const schemaDir = join(import.meta.dirname, '../../src/schema');

describe('schema modules', () => {
  it('keep their public surface', () => {
    expect(Object.keys(graphSchema).sort()).toEqual(['OUTPUT_FILES', 'SCHEMA_VERSION', 'documentNodeId', 'isKindName']);
    expect(Object.keys(searchSchema).sort()).toEqual(['SEARCH_INDEX_OPTIONS', 'SEARCH_QUERY_OPTIONS', 'SEARCH_SHARD_FOLDER', 'entryId', 'entryTarget', 'processTerm', 'readSearchManifest']);
    expect(Object.keys(kindsSchema).sort()).toEqual(['NODE_SHAPES', 'pluralRole', 'relationLabel']);
    expect(graphSchema.SCHEMA_VERSION).toBe(2);
    expect(graphSchema.isKindName('translation_of')).toBe(true);
    expect(graphSchema.isKindName('Person')).toBe(false);
    expect(graphSchema.isKindName('a b')).toBe(false);
  });

  it('import nothing from Node or the DOM, so the build and the browser share them', () => {
    for (const file of readdirSync(schemaDir)) {
      const imports = [...readFileSync(join(schemaDir, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      expect(imports.every((source) => source?.startsWith('./')), `${file} imports ${imports.join(', ')}`).toBe(true);
    }
  });

  it('reads a search manifest only when it names shard files beside it', () => {
    const good = { entities: 'search/0a1b.json', text: ['search/2c3d.json'] };
    expect(searchSchema.readSearchManifest(good, 'm.json')).toEqual(good);
    expect(() => searchSchema.readSearchManifest({ text: [] }, 'm.json')).toThrow('m.json: no entities shard');
    expect(() => searchSchema.readSearchManifest({ ...good, text: ['../../secret.json'] }, 'm.json')).toThrow('m.json: malformed list of text shards');
    expect(() => searchSchema.readSearchManifest({ ...good, entities: 'https://elsewhere.example/x.json' }, 'm.json')).toThrow('no entities shard');
    expect(() => searchSchema.readSearchManifest({ ...good, entities: '/site-root.json' }, 'm.json')).toThrow('no entities shard');
    expect(() => searchSchema.readSearchManifest('[]', 'm.json')).toThrow('not a search index manifest');
  });

  it('drops stop words when indexing and querying alike', () => {
    // An entry's id names its node and section, even when a path holds a `#`.
    for (const [nodeId, anchor] of [['doc:a/b.md', 'intro'], ['doc:c#sharp.md', ''], ['person:ann-lee', ''], ['doc:x.md', 'über-uns']]) {
      expect(searchSchema.entryTarget(searchSchema.entryId(nodeId!, anchor!))).toEqual({ nodeId, anchor });
    }
    expect(searchSchema.processTerm('The')).toBeNull();
    expect(searchSchema.processTerm('Supply')).toBe('supply');
    expect(searchSchema.processTerm('x')).toBeNull();
    expect(searchSchema.processTerm('2024')).toBe('2024');
    expect(searchSchema.processTerm('4616ccb4d6ae4a3472a432b18926f014')).toBeNull();
    expect(searchSchema.processTerm('1234567')).toBeNull();
    expect(searchSchema.processTerm('xz')).toBe('xz');
  });
});
