import { CNCF_PROFILE } from './cncf.ts';
import { GENERIC_PROFILE } from './generic.ts';
import { ProfileError, type ProfileData } from './profile.ts';

/** The profiles that ship with the build, by name. */
export const PROFILES: Readonly<Record<string, ProfileData>> = { cncf: CNCF_PROFILE, generic: GENERIC_PROFILE };

export const DEFAULT_PROFILE = 'cncf';

export function profileNamed(name: string): ProfileData {
  const profile = PROFILES[name];
  if (!profile) throw new ProfileError(`unknown profile "${name}"; known: ${Object.keys(PROFILES).sort().join(', ')}`);
  return profile;
}
