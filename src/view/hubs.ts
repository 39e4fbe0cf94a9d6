import { byCodePoint } from '../build/text/order.ts';

/**
 * The hubs of what a view shows: its best-connected tenth, and at least its ten best connected
 * (ties by id, so every picture of the same view labels the same nodes). A view with
 * `labels=hubs` labels only these.
 */
export function hubIds(ids: Iterable<string>, degree: (id: string) => number): Set<string> {
  const ranked = [...ids].sort((a, b) => degree(b) - degree(a) || byCodePoint(a, b));
  return new Set(ranked.slice(0, Math.max(10, Math.ceil(ranked.length / 10))));
}
