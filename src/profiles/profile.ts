/**
 * A profile holds the conventions of a family of repositories as data: what its role words
 * mean, which words never name a person, which recognisers run and how much evidence each
 * needs, and which folder layouts mean projects. Profiles are plain JSON-shaped objects, so a
 * config file can write or extend one; `compileProfile` turns one into the matchers the build
 * uses. No Node imports: it crosses into worker threads as data.
 */
import { foldKey } from '../build/text/fold.ts';

/** A role and the patterns (regular-expression sources, matched case-insensitively) that name it; most specific first. */
export interface RoleWord {
  role: string;
  patterns: string[];
  /** Held in a group (lead, chair) rather than in a piece of work (reviewer). */
  governance?: boolean;
}

/** A kind of document that, found in a project's folder, marks the folder as a project's. */
export interface ProjectDocumentRule {
  /** What the document is: `self-assessment`, `due-diligence`, `annual-review`… */
  kind: string;
  /** Pattern (regular-expression source, case-insensitive) on the file name or its folder's name. */
  pattern: string;
  /** Whether the document assesses the project (an `assesses` edge) or is only about it. */
  assesses?: boolean;
}

/** A folder whose sub-folders each hold one project's documents. */
export interface ProjectFolderConvention {
  name: string;
  documents: ProjectDocumentRule[];
  /** Sub-folders with such documents needed before the folder counts as a list of projects. */
  minProjects: number;
}

export interface ProfileData {
  name: string;
  description: string;
  roles: RoleWord[];
  /** Words that fill a people cell without naming anyone (`TBD`, `vacant`). */
  notNames: string[];
  /** Words that show a phrase describes a team, a role or a thing, not a person. */
  nonNameWords: string[];
  /** Recognisers that run, by name; others are off. */
  recognisers: string[];
  evidence: {
    /** Share of a role table's rows whose role cells must name people. */
    roleTablePeople: number;
    /** Pattern for a catalog table's type header (`Type of compromise`). */
    catalogTypeHeader: string;
    /** Pattern for the first header of a publication table. */
    publicationHeader: string;
    /** Share of a catalog or publication table's rows that must be of the right shape. */
    rowShape: number;
  };
  projectFolders: ProjectFolderConvention[];
  /** Pattern on a document's path that marks a group's charter: a document about the group, never a group's home. */
  charterPath: string;
  /** Short forms that name groups alike (`WG` = `working group`), lower case. */
  abbreviations: Record<string, string>;
  /** Extra globs to leave out. */
  exclude?: string[];
}

/** What a config file may add to a profile it extends. */
export interface ProfileExtension {
  roles?: RoleWord[];
  notNames?: string[];
  nonNameWords?: string[];
  recognisers?: { enable?: string[]; disable?: string[] };
  projectFolders?: ProjectFolderConvention[];
  abbreviations?: Record<string, string>;
  exclude?: string[];
}

export class ProfileError extends Error {}

function compilePattern(source: string, where: string, flags = 'iu'): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new ProfileError(`${where}: bad pattern ${JSON.stringify(source)} (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** A profile ready to use: patterns compiled once. */
export interface Profile {
  data: ProfileData;
  /** The normalised role a label names, or undefined. */
  normaliseRole(label: string): string | undefined;
  /** Roles named by a label that may join several (`Contributors/Reviewers`). */
  normaliseRoles(label: string): string[];
  isGovernanceRole(role: string): boolean;
  /** Whether the label reads as a role word alone (`TL`, `Chair`, `의장`). */
  isRoleWord(text: string): boolean;
  isNotName(word: string): boolean;
  nonNameWords: RegExp;
  recognises(name: string): boolean;
  catalogTypeHeader: RegExp;
  publicationHeader: RegExp;
  projectFolders: Array<{ name: string; minProjects: number; documents: Array<{ kind: string; pattern: RegExp; assesses: boolean }> }>;
  charterPath: RegExp;
  /** A group's name folded for identity: case, accents and abbreviations (`Platforms WG` = `Platforms Working Group`). */
  groupKey(label: string): string;
}

export function compileProfile(data: ProfileData): Profile {
  const roles = data.roles.map((word) => ({
    role: word.role,
    governance: word.governance === true,
    patterns: word.patterns.map((source) => compilePattern(source, `profile ${data.name}, role ${word.role}`)),
  }));
  const governance = new Set(roles.filter((r) => r.governance).map((r) => r.role));
  const notNames = new Set(data.notNames.map((word) => word.toLowerCase()));
  const recognisers = new Set(data.recognisers);
  const normaliseRole = (label: string): string | undefined => {
    const text = label.replace(/[*_`]/g, ' ');
    for (const word of roles) if (word.patterns.some((pattern) => pattern.test(text))) return word.role;
    return undefined;
  };
  return {
    data,
    normaliseRole,
    normaliseRoles(label) {
      const found = label
        .split(/\s*(?:\/|&|\band\b)\s*/i)
        .map((part) => normaliseRole(part))
        .filter((role): role is string => role !== undefined);
      if (found.length === 0) {
        const whole = normaliseRole(label);
        return whole ? [whole] : [];
      }
      return [...new Set(found)];
    },
    isGovernanceRole: (role) => governance.has(role),
    isRoleWord(text) {
      // A role word with at most a word around it: `Co-Chair`, `TL`, `Chair emeritus`.
      const cleaned = text.replace(/[()[\]*_`,.:;]/g, ' ').trim();
      return cleaned.split(/\s+/).length <= 3 && normaliseRole(cleaned) !== undefined;
    },
    isNotName: (word) => notNames.has(word.toLowerCase()),
    nonNameWords: compilePattern(`(?<![\\p{L}\\p{N}])(?:${data.nonNameWords.join('|') || '(?!)'})(?![\\p{L}\\p{N}])`, `profile ${data.name}, nonNameWords`),
    recognises: (name) => recognisers.has(name),
    catalogTypeHeader: compilePattern(data.evidence.catalogTypeHeader, `profile ${data.name}, evidence.catalogTypeHeader`),
    publicationHeader: compilePattern(data.evidence.publicationHeader, `profile ${data.name}, evidence.publicationHeader`),
    charterPath: compilePattern(data.charterPath, `profile ${data.name}, charterPath`),
    groupKey(label) {
      return foldKey(label)
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean)
        .map((word) => data.abbreviations[word] ?? word)
        .join(' ');
    },
    projectFolders: data.projectFolders.map((convention) => ({
      name: convention.name,
      minProjects: convention.minProjects,
      documents: convention.documents.map((rule) => ({
        kind: rule.kind,
        assesses: rule.assesses === true,
        pattern: compilePattern(rule.pattern, `profile ${data.name}, projectFolders ${convention.name}, ${rule.kind}`),
      })),
    })),
  };
}

/** A profile with a config file's additions: extra words first, so they win over the base's. */
export function extendProfile(base: ProfileData, extension: ProfileExtension, name = `${base.name}+config`): ProfileData {
  const enable = extension.recognisers?.enable ?? [];
  const disable = new Set(extension.recognisers?.disable ?? []);
  return {
    ...base,
    name,
    roles: [...(extension.roles ?? []), ...base.roles],
    notNames: [...base.notNames, ...(extension.notNames ?? [])],
    nonNameWords: [...base.nonNameWords, ...(extension.nonNameWords ?? [])],
    recognisers: [...new Set([...base.recognisers, ...enable])].filter((r) => !disable.has(r)),
    projectFolders: [...(extension.projectFolders ?? []), ...base.projectFolders],
    abbreviations: { ...base.abbreviations, ...(extension.abbreviations ?? {}) },
    exclude: [...(base.exclude ?? []), ...(extension.exclude ?? [])],
  };
}
