import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/build/extract/index.ts';

/**
 * One folder per recogniser case: `input.md` next to `expected.json`, the facts extracted from
 * it. Set UPDATE_FIXTURES=1 to write missing expectations (then read them before committing).
 */
const root = join(import.meta.dirname, '../fixtures/extract');

describe('extractors on fixtures', () => {
  for (const name of readdirSync(root).sort()) {
    it(name, () => {
      const input = readFileSync(join(root, name, 'input.md'), 'utf8');
      const facts = extractDocument(`${name}/input.md`, input);
      const expectedPath = join(root, name, 'expected.json');
      if (!existsSync(expectedPath) && process.env.UPDATE_FIXTURES) {
        writeFileSync(expectedPath, `${JSON.stringify(facts, null, 2)}\n`);
      }
      const expected: unknown = JSON.parse(readFileSync(expectedPath, 'utf8'));
      expect(JSON.parse(JSON.stringify(facts))).toEqual(expected);
    });
  }
});
