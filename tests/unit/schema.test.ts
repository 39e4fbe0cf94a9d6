import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as graphSchema from '../../src/schema/graph.ts';
import * as searchSchema from '../../src/schema/search.ts';

const schemaDir = join(import.meta.dirname, '../../src/schema');

describe('schema modules', () => {
  it('keep their public surface', () => {
    expect(Object.keys(graphSchema).sort()).toEqual(['EDGE_KINDS', 'NODE_KINDS', 'OUTPUT_FILES', 'SCHEMA_VERSION', 'documentNodeId', 'isEdgeKind', 'isNodeKind']);
    expect(Object.keys(searchSchema).sort()).toEqual(['KIND_BOOST', 'SEARCH_INDEX_OPTIONS', 'SEARCH_QUERY_OPTIONS', 'processTerm']);
    expect(graphSchema.NODE_KINDS).toEqual(['document', 'publication', 'group', 'person', 'organization', 'project', 'compromise', 'category', 'asset', 'external']);
    expect(graphSchema.EDGE_KINDS).toEqual(['links_to', 'role', 'author', 'affiliated_with', 'describes', 'has_format', 'assesses', 'in_category', 'part_of']);
    expect(Object.keys(searchSchema.KIND_BOOST).sort()).toEqual([...graphSchema.NODE_KINDS].sort());
  });

  it('import nothing from Node or the DOM, so the build and the browser share them', () => {
    for (const file of readdirSync(schemaDir)) {
      const imports = [...readFileSync(join(schemaDir, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      expect(imports.every((source) => source?.startsWith('./')), `${file} imports ${imports.join(', ')}`).toBe(true);
    }
  });

  it('drops stop words when indexing and querying alike', () => {
    expect(searchSchema.processTerm('The')).toBeNull();
    expect(searchSchema.processTerm('Supply')).toBe('supply');
  });
});
