import fc from 'fast-check';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FactsCache } from '../../src/build/facts-cache.ts';
import type { DocumentFacts } from '../../src/build/facts.ts';
import { extractDocument } from '../../src/build/extract/index.ts';
import { entityEntries } from '../../src/build/search-entries.ts';
import { SearchIndexBuilder, searchIndexOf, SearchShards, type ShardSink } from '../../src/build/search-index.ts';
import { DEFAULT_REGISTRY } from '../../src/kinds/registry.ts';
import type { GraphDocument } from '../../src/schema/graph.ts';
import { CNCF } from '../helpers/graph.ts';

const scratch = mkdtempSync(join(tmpdir(), 'search-join-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const words = ['falco', 'kyverno', 'supply', 'chain', 'sbom', 'in-toto', 'policy', 'the', 'runtime', 'sigstore'];
/** A document as markdown: a title and a few sections of words chosen by `seed`. */
const markdown = (name: string, seed: number): string =>
  `# ${name} ${words[seed % words.length]}\n\n${Array.from({ length: 1 + (seed % 3) }, (_, section) => `## Part ${section} ${words[(seed + section) % words.length]}\n\n${words.slice(0, 1 + ((seed * 7 + section) % words.length)).join(' ')}.\n`).join('\n')}`;

type Tree = Map<string, number>;
const factsOf = (tree: Tree): DocumentFacts[] => [...tree].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, seed]) => extractDocument(path, markdown(path, seed), CNCF, DEFAULT_REGISTRY));
/** A few entities: their entries change with the tree's size. */
const graphOf = (tree: Tree): Pick<GraphDocument, 'nodes' | 'edges'> => ({
  nodes: Array.from({ length: 3 + (tree.size % 4) }, (_, at) => ({ id: `org:${at}`, kind: 'organization', label: `Org ${at} ${words[(tree.size + at) % words.length]}`, sources: [] })),
  edges: [],
});

/** The search index the way a build with this cache makes it, and how many entries its sink indexed (anew, or inside joined shards). */
async function indexed(documents: readonly DocumentFacts[], graph: Pick<GraphDocument, 'nodes' | 'edges'>, cache: FactsCache): Promise<{ files: Map<string, string>; indexedEntries: number }> {
  const contentKeys = documents.map((doc) => FactsCache.key(doc.path, JSON.stringify(doc)));
  const shards = await SearchShards.plan(
    documents.map((doc) => doc.path),
    { store: cache, contentKeys },
  );
  let indexedEntries = 0;
  const builder = new SearchIndexBuilder();
  const sink: ShardSink = {
    add: (entries) => {
      indexedEntries += entries.length;
      builder.add(entries);
    },
    endShard: () => builder.endShard(),
    endJoin: (join) => builder.endJoin(join),
    finish: (entities) => {
      indexedEntries += entities?.length ?? 0;
      return builder.finish(entities);
    },
  };
  documents.forEach((doc, index) => shards.feed(index, doc, sink));
  const files = await shards.files(entityEntries(graph, DEFAULT_REGISTRY), sink);
  return { files, indexedEntries };
}

describe('search index shards joined from kept ones', () => {
  it('are byte-identical to an index made anew, after edits, additions and deletions, in one process or the next', async () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('edit' as const), at: fc.nat(), seed: fc.nat(1000) }),
      fc.record({ kind: fc.constant('add' as const), name: fc.integer({ min: 0, max: 999 }), seed: fc.nat(1000) }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('reopen' as const) }),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 30, max: 140 }), fc.array(edit, { minLength: 1, maxLength: 6 }), async (size, edits) => {
        run += 1;
        const dir = join(scratch, `cache-${run}`);
        const tree: Tree = new Map(Array.from({ length: size }, (_, at) => [`docs/page-${String(at).padStart(3, '0')}.md`, at]));
        let cache = await FactsCache.open(dir, join(scratch, 'repo'), CNCF.data);
        await indexed(factsOf(tree), graphOf(tree), cache);
        for (const step of edits) {
          const paths = [...tree.keys()];
          if (step.kind === 'edit') tree.set(paths[step.at % paths.length]!, step.seed);
          else if (step.kind === 'add') tree.set(`docs/added-${step.name}.md`, step.seed);
          else if (step.kind === 'delete' && paths.length > 1) tree.delete(paths[step.at % paths.length]!);
          if (step.kind === 'reopen') {
            await cache.save();
            cache = await FactsCache.open(dir, join(scratch, 'repo'), CNCF.data);
          } else cache.nextBuild();
          const documents = factsOf(tree);
          const { files, indexedEntries } = await indexed(documents, graphOf(tree), cache);
          expect(files).toEqual(await searchIndexOf(documents, graphOf(tree), DEFAULT_REGISTRY));
          // One document changed, added or removed: what is indexed is that document's sections
          // (at most four; alone when it is all its shard holds, else joined with what kept
          // shards hold) and the entities that changed, never a whole shard of documents.
          expect(indexedEntries).toBeLessThanOrEqual(4 + graphOf(tree).nodes.length);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('index anew what a damaged kept shard held', async () => {
    const dir = join(scratch, 'damaged');
    const tree: Tree = new Map(Array.from({ length: 60 }, (_, at) => [`docs/page-${String(at).padStart(3, '0')}.md`, at]));
    let cache = await FactsCache.open(dir, join(scratch, 'repo'), CNCF.data);
    await indexed(factsOf(tree), graphOf(tree), cache);
    await cache.save();
    const shardFolder = join(dir, readdirSync(dir).find((name) => name.endsWith('.shards'))!);
    for (const name of readdirSync(shardFolder)) writeFileSync(join(shardFolder, name), '{"documentCount":0}');
    tree.set('docs/page-010.md', 999);
    cache = await FactsCache.open(dir, join(scratch, 'repo'), CNCF.data);
    const documents = factsOf(tree);
    const { files } = await indexed(documents, graphOf(tree), cache);
    expect(files).toEqual(await searchIndexOf(documents, graphOf(tree), DEFAULT_REGISTRY));
  });
});
