import type { Source } from '../../schema/graph.ts';

/** Code-point order: the same on every machine and locale, so output is deterministic. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sources by path, then line. */
export function bySource(a: Source, b: Source): number {
  return byCodePoint(a.path, b.path) || a.line - b.line;
}

/**
 * The value written most often. Ties go to the one with more non-ASCII letters (so `Andrés`
 * wins over `Andres`: accents are information), then to the first in code-point order.
 */
export function mostFrequent(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const nonAscii = (text: string): number => text.replace(/[\x00-\x7f]/g, '').length;
  return [...counts.entries()].sort(([a, countA], [b, countB]) => countB - countA || nonAscii(b) - nonAscii(a) || byCodePoint(a, b))[0]?.[0];
}
