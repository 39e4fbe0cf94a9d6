import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectLabel } from '../../src/build/resolve/projects.ts';

/** The plain statement of the rule, as one Unicode regular expression with lookarounds. */
function referenceLabel(folder: string, titles: readonly string[]): string {
  const name = folder.split('/').pop()!;
  const parts = name.split(/[-_ ]+/).filter(Boolean).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (parts.length === 0) return name;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${parts.join('[-_ ]?')}(?![\\p{L}\\p{N}])`, 'iu');
  for (const title of titles) {
    const match = pattern.exec(title);
    if (match) return match[0];
  }
  return name;
}

const label = (folder: string, titles: readonly string[]): string =>
  projectLabel(folder, titles.map((_, index) => `doc${index}.md`), new Map(titles.map((title, index) => [`doc${index}.md`, title])));

describe('projectLabel', () => {
  it.each([
    ['assessments/projects/wasmedge', ['WasmEdge Self-assessment'], 'WasmEdge'],
    ['assessments/projects/confidential-containers', ['Confidential Containers joint review'], 'Confidential Containers'],
    ['assessments/projects/opa', ['Open Policy Agent (OPA) review'], 'OPA'],
    ['assessments/projects/opa', ['Copacetic review', 'OPA'], 'OPA'],
    ['assessments/projects/in-toto', ['in-toto security review'], 'in-toto'],
    ['assessments/projects/flux', ['Fluxcd notes'], 'flux'],
    ['assessments/projects/x', ['x𝐀x and x alone'], 'x'],
  ])('%s in %j is %s', (folder, titles, expected) => {
    expect(label(folder, titles)).toBe(expected);
  });

  it('agrees with the lookaround reference on random names and titles', () => {
    const alphabet = fc.constantFrom('a', 'b', 'A', 'B', '-', '_', ' ', '1', 'é', 'É', '𝐀', '.', '(', ')');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 5 }).map((chars) => chars.join(''));
    const title = fc.array(alphabet, { maxLength: 24 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(word, fc.array(title, { maxLength: 3 }), (folder, titles) => {
        expect(label(`projects/${folder}`, titles)).toBe(referenceLabel(`projects/${folder}`, titles));
      }),
      { numRuns: 2500, seed: 11 },
    );
  });
});
