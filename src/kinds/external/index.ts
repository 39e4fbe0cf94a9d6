import type { KindModule } from '../kind.ts';

/**
 * A site outside the repository, one node per host (and path prefix). The addresses linked on it
 * are on the edges that reach it (`urls` of `links_to`, `url` of `has_format`), not repeated here.
 */
export const externalKind: KindModule = {
  identity: 'url',
  info: {
    kind: 'external',
    label: 'External site',
    color: '#8c8c8c',
    shape: 'vee',
    searchBoost: 0.5,
    searchedAttributes: [],
    attributes: {},
    satellite: true,
    hiddenByDefault: true,
  },
};
