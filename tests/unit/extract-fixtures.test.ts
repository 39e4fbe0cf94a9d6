import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/build/extract/index.ts';
import { DEFAULT_REGISTRY } from '../../src/kinds/registry.ts';
import { profileNamed } from '../../src/profiles/index.ts';
import { compileProfile } from '../../src/profiles/profile.ts';

/**
 * One folder per recogniser case: `input.md` next to `expected.json`, the facts extracted from
 * it, with the profile named in `profile.txt` (`cncf` when there is none). Set
 * UPDATE_FIXTURES=1 to write missing expectations (then read them before committing).
 */
const root = join(import.meta.dirname, '../fixtures/extract');

describe('extractors on fixtures', () => {
  for (const name of readdirSync(root).sort()) {
    it(name, () => {
      const input = readFileSync(join(root, name, 'input.md'), 'utf8');
      const profilePath = join(root, name, 'profile.txt');
      const profile = compileProfile(profileNamed(existsSync(profilePath) ? readFileSync(profilePath, 'utf8').trim() : 'cncf'));
      const facts = extractDocument(`${name}/input.md`, input, profile, DEFAULT_REGISTRY);
      const expectedPath = join(root, name, 'expected.json');
      if (!existsSync(expectedPath) && process.env.UPDATE_FIXTURES) {
        writeFileSync(expectedPath, `${JSON.stringify(facts, null, 2)}\n`);
      }
      const expected: unknown = JSON.parse(readFileSync(expectedPath, 'utf8'));
      expect(JSON.parse(JSON.stringify(facts))).toEqual(expected);
    });
  }
});
