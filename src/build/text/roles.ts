/**
 * Normalises what a repository calls a role (`Leads`, `STAG Rep`, `Co-Chairs`, `Chair Emeriti`,
 * `Security reviewers`) to a stable role name. Order matters: the most specific phrase wins.
 */
const ROLE_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bproject\s+security\s+leads?\b/i, 'project-security-lead'],
  [/\bsecurity\s+reviewers?\b/i, 'security-reviewer'],
  [/\bchairs?\b.*\bemerit|\bemerit\w*\b.*\bchairs?\b|\bemerit(?:us|i|a)\s+leaders?\b/i, 'chair-emeritus'],
  [/\bemerit(?:us|i|a)\b/i, 'emeritus'],
  [/\btech(?:nical)?\s+leads?\b/i, 'tech-lead'],
  [/\bco-?chairs?\b|\bchair(?:s|person|persons)?\b/i, 'chair'],
  [/\bs-?tag\s+rep(?:resentative)?s?\b/i, 'stag-rep'],
  [/\btoc\s+liaisons?\b/i, 'toc-liaison'],
  [/\bliaisons?\b/i, 'liaison'],
  [/\bco-?leads?\b|\bleads?\b|\bleaders?\b/i, 'lead'],
  [/\bmaintainers?\b/i, 'maintainer'],
  [/\breviewers?\b/i, 'reviewer'],
  [/\bcontributors?\b/i, 'contributor'],
  [/\bfacilitators?\b/i, 'facilitator'],
  [/\bsponsors?\b/i, 'sponsor'],
  [/\bowners?\b/i, 'owner'],
  [/\bshepherds?\b/i, 'shepherd'],
  [/\bauthors?\b|\bwritten\s+by\b/i, 'author'],
];

/**
 * Roles held in a group (its governance), as opposed to roles in a piece of work (reviewer,
 * contributor). A document that names a governance role without being about anything is
 * about the group above it; one that names a contribution role is about itself.
 */
export const GOVERNANCE_ROLES: ReadonlySet<string> = new Set([
  'lead', 'chair', 'tech-lead', 'chair-emeritus', 'emeritus', 'stag-rep', 'toc-liaison', 'liaison',
  'facilitator', 'sponsor', 'owner', 'shepherd',
]);

/** The normalised role named by a label, or undefined when the label names no role. */
export function normaliseRole(label: string): string | undefined {
  const text = label.replace(/[*_`]/g, ' ');
  for (const [pattern, role] of ROLE_PATTERNS) if (pattern.test(text)) return role;
  return undefined;
}

/**
 * Roles named by a label that may join several (`Contributors/Reviewers`).
 * Each part is normalised on its own; duplicates are dropped.
 */
export function normaliseRoles(label: string): string[] {
  const roles = label
    .split(/\s*(?:\/|&|\band\b)\s*/i)
    .map((part) => normaliseRole(part))
    .filter((role): role is string => role !== undefined);
  if (roles.length === 0) {
    const whole = normaliseRole(label);
    return whole ? [whole] : [];
  }
  return [...new Set(roles)];
}
