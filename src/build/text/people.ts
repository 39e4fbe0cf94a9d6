import type { Profile } from '../../profiles/profile.ts';
import { squash } from './fold.ts';

/** A person as written in one place: a name, a GitHub handle, or both, and perhaps an organisation. */
export interface PersonName {
  name?: string;
  handle?: string;
  organization?: string;
  /** The part the text says they play, from a parenthetical (`(Co-Chair)`, `(TL)`), normalised by the profile. */
  roleNote?: string;
}

/** Parentheticals that describe a part someone plays rather than an employer, besides the profile's role words. */
const ROLE_NOTE = /\b(member|editor)s?\b/i;

const HANDLE = /^@([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))$/;
const LOWERCASE_PARTICLES = new Set(['de', 'van', 'von', 'da', 'del', 'der', 'di', 'la', 'le', 'du', 'dos', 'das', 'bin', 'ibn', 'y']);

/** Split on separators that are not inside parentheses. */
function splitOutsideParens(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '(' || char === '[') depth += 1;
    if ((char === ')' || char === ']') && depth > 0) depth -= 1;
    if (depth === 0) {
      separator.lastIndex = index;
      const match = separator.exec(text);
      if (match && match.index === index && match[0].length > 0) {
        parts.push(current);
        current = '';
        index += match[0].length;
        continue;
      }
    }
    current += char;
    index += 1;
  }
  parts.push(current);
  return parts;
}

/**
 * The roles a person listed under `labels` holds. Under a governance label, a governance note
 * of their own is the more precise role (`- Lian Li (Co-Chair)` under `## Leads`); under a
 * contribution label it only describes them (`Brandon Lum (TAG Security Chair)` among reviewers).
 */
export function ownRoles(labels: readonly string[], roleNote: string | undefined, profile: Profile): readonly string[] {
  const refines = roleNote !== undefined && profile.isGovernanceRole(roleNote) && labels.length > 0 && labels.every((label) => profile.isGovernanceRole(label));
  return refines ? [roleNote] : labels;
}

/** Whether a phrase reads as a personal name: a few capitalised words, no digits, no descriptive words. */
export function looksLikePersonName(text: string, profile: Profile): boolean {
  const name = squash(text);
  if (name.length < 2 || name.length > 60) return false;
  if (profile.isNotName(name)) return false;
  if (/[0-9@:/\\<>{}()[\]=|#*_"“”]|https?|www\./i.test(name)) return false;
  if (profile.nonNameWords.test(name)) return false;
  const words = name.split(' ');
  if (words.length > 5) return false;
  for (const word of words) {
    if (!/\p{L}/u.test(word)) return false;
    const first = word.replace(/^[^\p{L}]+/u, '')[0] ?? '';
    const isCapital = first !== first.toLowerCase();
    if (!isCapital && !LOWERCASE_PARTICLES.has(word.toLowerCase())) return false;
  }
  return true;
}

/** A GitHub profile address (`github.com/handle`, with or without scheme): the handle, or undefined. */
export function githubProfileHandle(text: string): string | undefined {
  const match = /^(?:https?:\/\/)?(?:www\.)?github\.com\/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/?$/i.exec(text.trim());
  return match?.[1];
}

/**
 * Whether a text can name an organisation: not a handle, an address, a role word or a
 * sentence. A wrong organisation node is worse than none.
 */
export function isOrganizationLabel(text: string, profile: Profile): boolean {
  const label = squash(text);
  if (!label || label.length > 80 || label.split(' ').length > 6) return false;
  if (/^@|[/\\]|https?:|www\./i.test(label)) return false;
  if (profile.isRoleWord(label) || ROLE_NOTE.test(label)) return false;
  return /\p{L}/u.test(label);
}

function parseParenthetical(inner: string, person: PersonName, profile: Profile): void {
  const text = squash(inner);
  const handle = HANDLE.exec(text) ?? HANDLE.exec(`@${githubProfileHandle(text) ?? ''}`);
  if (handle) {
    person.handle = handle[1];
    return;
  }
  // `(Co-Chair, Term: 2024/04/16 - 2026/04/15)`, `(TL)`, `(의장)`: the part played, not an employer.
  const role = profile.normaliseRole(text);
  if (role) person.roleNote ??= role;
  if (role || ROLE_NOTE.test(text)) return;
  // `Chase Pettet (Mirantis (someone@example.com))`: keep the outer name.
  const organization = squash(text.replace(/\([^)]*\)?/g, ''));
  if (!organization || organization.includes('@')) return;
  // A bare lower-case word (`(akashhr)`) is most likely a handle written without `@`, but a
  // wrong handle would merge strangers: it is neither handle nor organisation.
  if (/^[a-z0-9][a-z0-9_-]*$/.test(organization)) return;
  if (isOrganizationLabel(organization, profile)) person.organization = organization;
}

/** One comma-separated piece: `Name`, `Name @handle`, `Name (@handle)`, `Name (Org)`, `Name - @handle`, `@handle`. */
function parsePiece(piece: string, profile: Profile): PersonName[] {
  let rest = piece;
  const person: PersonName = {};
  for (const match of piece.matchAll(/\(((?:[^()]|\([^()]*\))*)\)/g)) {
    // `Edward (Ted) Newman`: a parenthetical the name goes on after is a nickname.
    const inName = /^\s*\p{Lu}/u.test(piece.slice(match.index + match[0].length));
    if (!inName) parseParenthetical(match[1] ?? '', person, profile);
    rest = rest.replace(match[0], ' ');
  }
  // Email addresses are contact details, not names or handles (`Ann Lee: <ann@example.org>`).
  rest = squash(rest.replace(/<?[^\s<>@()]+@[^\s<>@()]+\.[a-z]{2,}>?/gi, ' ').replace(/^[\s*_.:;-]+|[\s*_.:;,-]+$/g, ''));
  // `Name - Organisation` or `Name - @handle` (a dash between spaces), as in contributor lists.
  const dash = /^(.+?)\s+[-–—]\s+(.+)$/.exec(rest);
  if (dash && !person.organization) {
    const after = squash(dash[2]!);
    const handle = HANDLE.exec(after)?.[1] ?? githubProfileHandle(after);
    if (handle) person.handle ??= handle;
    else if (isOrganizationLabel(after, profile)) person.organization = after;
    rest = dash[1]!;
  }
  const words = rest.split(' ').filter(Boolean);
  const handles = words.filter((word) => HANDLE.test(word));
  if (handles.length > 1) {
    // `Ann Lee @ann Bo Chan @bo` written without commas: each handle closes the name before it.
    const people: PersonName[] = [];
    let nameWords: string[] = [];
    for (const word of words) {
      const handle = HANDLE.exec(word);
      if (handle) {
        people.push({ name: nameWords.join(' ') || undefined, handle: handle[1] });
        nameWords = [];
      } else nameWords.push(word);
    }
    if (nameWords.length > 0) people.push({ name: nameWords.join(' ') });
    return people.flatMap((p) => finish(p, profile));
  }
  if (handles.length === 1) {
    person.handle = HANDLE.exec(handles[0]!)![1];
    rest = words.filter((word) => word !== handles[0]).join(' ');
  }
  if (rest) person.name = rest;
  return finish(person, profile);
}

function finish(person: PersonName, profile: Profile): PersonName[] {
  const result: PersonName = {};
  if (person.name) {
    // A trailing lowercase token with digits is a handle written without `@`.
    const words = person.name.split(' ');
    const last = words[words.length - 1] ?? '';
    if (words.length > 1 && /\d/.test(last) && /[a-z]/.test(last) && /^[a-z0-9-]+$/.test(last) && !person.handle) {
      result.handle = last;
      words.pop();
    }
    const name = words.join(' ');
    // A lone word (`PayPal`, `Andreas`) is as likely a company as a person: it counts only
    // beside a handle that pins it to someone.
    if (looksLikePersonName(name, profile) && (name.includes(' ') || person.handle || result.handle)) result.name = name;
  }
  if (person.handle) result.handle = person.handle;
  if (person.organization && (result.name || result.handle)) result.organization = person.organization;
  if (person.roleNote && (result.name || result.handle)) result.roleNote = person.roleNote;
  return result.name || result.handle ? [result] : [];
}

/**
 * `Daniel Oh | GitHub (@danieloh30) | Twitter`: a name followed by columns of contact links
 * reads as the name with the handles found in those columns.
 */
function contactColumns(text: string): string {
  const [first, ...others] = text.split(/\s\|\s/);
  if (others.length === 0) return text;
  const handles = others.flatMap((column) => [...column.matchAll(/\(@([A-Za-z0-9-]{1,39})\)/g)].map((match) => `(@${match[1]})`));
  return [first, ...handles].join(' ');
}

/**
 * The people named in free text such as `Marina Moore @mnm678, Rahul Jadhav (@nyrahul), and Ann (Acme)`.
 * Anything that does not read as a person (`TBD`, `Link`, emails, descriptions) is dropped.
 */
export function parsePeople(text: string, profile: Profile): PersonName[] {
  const cleaned = squash(contactColumns(text.replace(/[*_]{1,3}/g, ' '))).replace(/\.$/, '');
  if (!cleaned) return [];
  const pieces = splitOutsideParens(cleaned, /\s*(?:,|;|\s&\s|\sand\s|\s\+\s|\s\/\s)\s*(?:and\s+)?/iy);
  const people: PersonName[] = [];
  for (const piece of pieces) {
    const found = parsePiece(piece, profile);
    const previous = people[people.length - 1];
    const word = squash(piece);
    // `Dan Shaw (@dshaw), PayPal`: a lone word after someone with a handle is their employer.
    if (found.length === 0 && previous?.handle && !previous.organization && !word.includes(' ') && looksLikePersonName(word, profile)) {
      previous.organization = word;
      continue;
    }
    people.push(...found);
  }
  return people;
}
