import type { KindModule } from '../kind.ts';

/** A file of the repository that is not markdown (PDF, image, data), created when something links to it. */
export const assetKind: KindModule = {
  identity: 'path',
  info: { kind: 'asset', label: 'File', color: '#a0a060', shape: 'rectangle', searchBoost: 0.6, searchedAttributes: [], attributes: {}, satellite: true },
};
