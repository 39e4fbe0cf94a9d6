import type { KindModule } from '../kind.ts';

/** A project with a folder of its own documents (assessments, proposals, reviews), by the profile's folder conventions. */
export const projectKind: KindModule = {
  identity: 'folder',
  info: {
    kind: 'project',
    label: 'Project',
    color: '#00a3a3',
    shape: 'octagon',
    searchBoost: 3,
    searchedAttributes: ['folder', 'documents'],
    attributes: { folder: 'its folder', assessments: 'kinds of assessment it has', documents: 'kinds of document in its folder' },
  },
};
