import type { KindModule } from '../kind.ts';

/** An employer or affiliation named beside a person; never a handle, an address or a role word. */
export const organizationKind: KindModule = {
  identity: 'folded-label',
  info: {
    kind: 'organization',
    label: 'Organisation',
    color: '#9b51e0',
    shape: 'diamond',
    searchBoost: 2,
    searchedAttributes: [],
    attributes: { aliases: 'other spellings' },
  },
};
