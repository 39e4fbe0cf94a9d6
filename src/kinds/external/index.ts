import type { KindModule } from '../kind.ts';

/** A site outside the repository, one node per host (and path prefix), with the addresses linked. */
export const externalKind: KindModule = {
  identity: 'url',
  info: {
    kind: 'external',
    label: 'External site',
    color: '#8c8c8c',
    shape: 'vee',
    searchBoost: 0.5,
    searchedAttributes: [],
    attributes: { urls: 'the addresses linked' },
    satellite: true,
    hiddenByDefault: true,
  },
};
