import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeOutputs } from '../../src/build/emit.ts';

const out = mkdtempSync(join(tmpdir(), 'emit-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('writeOutputs', () => {
  it('removes files an older build left in the folders this one writes into, and nothing else', async () => {
    await writeOutputs(out, new Map([['graph.json', '1'], ['search/a.json', 'a'], ['search/b.json', 'b'], ['views/v.svg', '<svg/>']]));
    writeFileSync(join(out, 'index.html'), 'the site');
    await writeOutputs(out, new Map([['graph.json', '2'], ['search/c.json', 'c']]));
    expect(readdirSync(join(out, 'search'))).toEqual(['c.json']);
    // A folder this build did not write into, and files beside the output, are left alone.
    expect(readdirSync(join(out, 'views'))).toEqual(['v.svg']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('the site');
    expect(readFileSync(join(out, 'graph.json'), 'utf8')).toBe('2');
    expect(readdirSync(out).filter((name) => name.startsWith('.staging'))).toEqual([]);
  });
});
