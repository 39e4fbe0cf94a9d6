import { slugify } from './text/fold.ts';
import { byCodePoint } from './text/order.ts';

/**
 * Ids of entity nodes, made one way for every kind: `kind:slug-of-label`, with `-2`, `-3`…
 * where two entities of a kind share a slug. Documents, files and external sites are named by
 * path or site instead (see `documentNodeId`).
 */
export function entityId(kind: string, label: string): string {
  return `${kind}:${slugify(label)}`;
}

/** The first id of `kind` for `label` that `taken` does not hold yet. */
export function freeId(kind: string, label: string, taken: (id: string) => boolean): string {
  const base = entityId(kind, label);
  let id = base;
  for (let n = 2; taken(id); n += 1) id = `${base}-${n}`;
  return id;
}

/** Gives each label its id, `kind:slug`, with `-2`, `-3`… where two entities share a slug. */
export function assignIds<T>(items: T[], kind: string, labelOf: (item: T) => string, keyOf: (item: T) => string): Map<T, string> {
  const sorted = [...items].sort((a, b) => {
    const left = `${slugify(labelOf(a))}\u0000${keyOf(a)}`;
    const right = `${slugify(labelOf(b))}\u0000${keyOf(b)}`;
    return byCodePoint(left, right);
  });
  const ids = new Map<T, string>();
  const used = new Map<string, number>();
  for (const item of sorted) {
    const base = entityId(kind, labelOf(item));
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    ids.set(item, count === 1 ? base : `${base}-${count}`);
  }
  return ids;
}

