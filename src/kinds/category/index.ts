import type { KindModule } from '../kind.ts';

/** A type of compromise, split from a catalog row's type cell. */
export const categoryKind: KindModule = {
  identity: 'folded-label',
  info: { kind: 'category', label: 'Category', color: '#c94f7c', shape: 'tag', searchBoost: 2.5, searchedAttributes: [], attributes: {} },
};
