import { describe, expect, it } from 'vitest';
import { extractAll } from '../../src/build/pool.ts';
import { DEFAULT_REGISTRY } from '../../src/kinds/registry.ts';
import { CNCF } from '../helpers/graph.ts';

/** Enough text to pass the pool's threshold for worker threads, in files of uneven size. */
const inputs = Array.from({ length: 30 }, (_, index) => ({
  path: `doc-${index}.md`,
  text: `# Doc ${index}\n\n${'Some words about [a link](other.md) and more. '.repeat(150 + ((index * 37) % 200))}\n`,
}));

describe('extractAll', () => {
  it('hands each document to the callback in input order, in worker threads as in this one', async () => {
    const seen: string[][] = [[], []];
    const [inThreads, inline] = await Promise.all([
      extractAll(inputs, { threads: 2, profile: CNCF, registry: DEFAULT_REGISTRY, onExtracted: (facts) => seen[0]!.push(facts.path) }),
      extractAll(inputs, { threads: 1, profile: CNCF, registry: DEFAULT_REGISTRY, onExtracted: (facts) => seen[1]!.push(facts.path) }),
    ]);
    expect(seen[0]).toEqual(inputs.map((input) => input.path));
    expect(seen[1]).toEqual(seen[0]);
    expect(inThreads.map((facts) => facts.title)).toEqual(inputs.map((_, index) => `Doc ${index}`));
    expect(inThreads).toEqual(inline);
  });
});
