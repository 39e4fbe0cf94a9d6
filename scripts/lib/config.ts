import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { DEFAULT_PROFILE, profileNamed } from '../../src/profiles/index.ts';
import type { BuildOptions } from '../../src/build/pipeline.ts';
import { RULES, type Decisions } from '../../src/schema/findings.ts';
import { VIEW_NAME } from '../../src/view/snippets.ts';
import { readView } from '../../src/view/view.ts';
import { compileProfile, extendProfile, ProfileError, type ProfileData, type ProfileExtension } from '../../src/profiles/profile.ts';

/** The command-line options every command that builds a graph takes (`parseArgs` format). */
export const CONFIG_OPTIONS = {
  profile: { type: 'string' },
  config: { type: 'string' },
  exclude: { type: 'string', multiple: true },
  cache: { type: 'string' },
  'no-cache': { type: 'boolean' },
} satisfies ParseArgsConfig['options'];

/** Where extracted facts are kept between builds unless `--cache DIR` or `--no-cache` says otherwise. */
export const DEFAULT_CACHE_DIR = 'node_modules/.cache/tag-graph';

export const CONFIG_USAGE = `--profile NAME   the repository family's conventions: cncf (default) or generic
  --config FILE    a JSON config file; by default .taggraph.json in the current folder, else in the repository
  --exclude GLOB   leave matching files out (repeatable)
  --cache DIR      keep each file's extracted facts here between builds (default ${DEFAULT_CACHE_DIR});
  --no-cache       parse every file again and keep nothing`;

export interface ConfigFlags {
  profile?: string;
  config?: string;
  exclude?: string[];
  cache?: string;
  'no-cache'?: boolean;
}

export interface BuildConfig {
  profile: ProfileData;
  excludes: string[];
  /** People confirmed as one or different, findings dismissed. */
  decisions?: Decisions;
  /** The config file read, if any. */
  path?: string;
  /** Views to draw with every build, by name, as explorer query strings. */
  views?: Record<string, string>;
}

/** What every build takes from the config: profile, excludes and decisions (named by the file's path inside the repository). */
export function buildOptionsFrom(config: BuildConfig, repo: string, flags: ConfigFlags): Pick<BuildOptions, 'profile' | 'excludes' | 'decisions' | 'decisionsPath' | 'cacheDir' | 'views'> {
  const inside = config.path ? relative(repo, resolve(config.path)) : undefined;
  return {
    ...(flags['no-cache'] ? {} : { cacheDir: resolve(flags.cache ?? DEFAULT_CACHE_DIR) }),
    profile: config.profile,
    excludes: config.excludes,
    ...(config.decisions ? { decisions: config.decisions } : {}),
    ...(config.views ? { views: config.views } : {}),
    ...(config.path && inside !== undefined ? { decisionsPath: inside.startsWith('..') ? config.path : inside } : {}),
  };
}

function pairs(path: string, key: string, value: unknown): Array<[string, string]> | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((pair) => Array.isArray(pair) && pair.length === 2 && pair.every((name) => typeof name === 'string'))) {
    fail(path, `"${key}" must be a list of pairs of names, like [["Ann Lee", "Anne Lee"]]`);
  }
  return value as Array<[string, string]>;
}

function readDecisions(path: string, raw: Record<string, unknown>): Decisions | undefined {
  const same = pairs(path, 'same', raw['same']);
  const different = pairs(path, 'different', raw['different']);
  let dismiss: Decisions['dismiss'];
  if (raw['dismiss'] !== undefined) {
    if (!Array.isArray(raw['dismiss'])) fail(path, '"dismiss" must be a list of { "rule", "path", "line"? }');
    dismiss = raw['dismiss'].map((item: unknown, index) => {
      if (!isObject(item) || typeof item['rule'] !== 'string' || typeof item['path'] !== 'string' || (item['line'] !== undefined && typeof item['line'] !== 'number')) {
        fail(path, `dismiss[${index}] needs "rule" and "path" (a glob), and "line" may be a number`);
      }
      if (!RULES.some((rule) => rule.id === item['rule'])) fail(path, `dismiss[${index}]: no rule "${String(item['rule'])}" (known: ${RULES.map((rule) => rule.id).join(', ')})`);
      return { rule: item['rule'] as string, path: item['path'] as string, ...(typeof item['line'] === 'number' ? { line: item['line'] } : {}) };
    });
  }
  if (!same && !different && !dismiss) return undefined;
  return { ...(same ? { same } : {}), ...(different ? { different } : {}), ...(dismiss ? { dismiss } : {}) };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

function fail(path: string, message: string): never {
  throw new ProfileError(`config ${path}: ${message}`);
}

function strings(path: string, where: string, value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!isStrings(value)) fail(path, `"${where}" must be a list of strings`);
  return value;
}

/** Reads what a config file may add to a profile, naming the first thing that is wrong. */
function readExtension(path: string, value: Record<string, unknown>): ProfileExtension {
  const extension: ProfileExtension = {};
  const known = new Set(['extends', 'roles', 'notNames', 'nonNameWords', 'recognisers', 'projectFolders', 'abbreviations', 'exclude']);
  const unknown = Object.keys(value).find((key) => !known.has(key));
  if (unknown) fail(path, `profile has no setting "${unknown}" (known: ${[...known].join(', ')})`);
  if (value['roles'] !== undefined) {
    if (!Array.isArray(value['roles'])) fail(path, '"profile.roles" must be a list');
    extension.roles = value['roles'].map((word: unknown, index) => {
      if (!isObject(word) || typeof word['role'] !== 'string' || !isStrings(word['patterns'])) fail(path, `profile.roles[${index}] needs "role" (a string) and "patterns" (strings)`);
      return { role: word['role'], patterns: word['patterns'], ...(word['governance'] === true ? { governance: true } : {}) };
    });
  }
  const notNames = strings(path, 'profile.notNames', value['notNames']);
  if (notNames) extension.notNames = notNames;
  const nonNameWords = strings(path, 'profile.nonNameWords', value['nonNameWords']);
  if (nonNameWords) extension.nonNameWords = nonNameWords;
  const exclude = strings(path, 'profile.exclude', value['exclude']);
  if (exclude) extension.exclude = exclude;
  const recognisers = value['recognisers'];
  if (recognisers !== undefined) {
    if (!isObject(recognisers)) fail(path, '"profile.recognisers" must be { "enable": [...], "disable": [...] }');
    const enable = strings(path, 'profile.recognisers.enable', recognisers['enable']);
    const disable = strings(path, 'profile.recognisers.disable', recognisers['disable']);
    extension.recognisers = { ...(enable ? { enable } : {}), ...(disable ? { disable } : {}) };
  }
  const abbreviations = value['abbreviations'];
  if (abbreviations !== undefined) {
    if (!isObject(abbreviations) || !Object.values(abbreviations).every((v) => typeof v === 'string')) fail(path, '"profile.abbreviations" must map words to words');
    extension.abbreviations = abbreviations as Record<string, string>;
  }
  if (value['projectFolders'] !== undefined) {
    if (!Array.isArray(value['projectFolders'])) fail(path, '"profile.projectFolders" must be a list');
    extension.projectFolders = value['projectFolders'].map((convention: unknown, index) => {
      if (!isObject(convention) || typeof convention['name'] !== 'string' || typeof convention['minProjects'] !== 'number' || !Array.isArray(convention['documents'])) {
        fail(path, `profile.projectFolders[${index}] needs "name", "minProjects" and "documents"`);
      }
      const documents = (convention['documents'] as unknown[]).map((rule, ruleIndex) => {
        if (!isObject(rule) || typeof rule['kind'] !== 'string' || typeof rule['pattern'] !== 'string') fail(path, `profile.projectFolders[${index}].documents[${ruleIndex}] needs "kind" and "pattern"`);
        return { kind: rule['kind'], pattern: rule['pattern'], ...(rule['assesses'] === true ? { assesses: true } : {}) };
      });
      return { name: convention['name'], minProjects: convention['minProjects'], documents };
    });
  }
  return extension;
}

/**
 * Declared views: `{ "name": { "node": "group:x", "focus": 1 } }` or `{ "name": "node=group:x&focus=1" }`,
 * each checked here for what a view can read; whether its node exists is known once the graph is built.
 */
function readViews(path: string, value: unknown): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) fail(path, '"views" must map names to views, like { "supply-chain": { "node": "group:…", "focus": 1 } }');
  const views: Record<string, string> = {};
  for (const [name, view] of Object.entries(value)) {
    if (!VIEW_NAME.test(name)) fail(path, `view "${name}": a view's name may hold only letters, digits, - and _`);
    let query: string;
    if (typeof view === 'string') query = view.replace(/^\?/, '');
    else if (isObject(view) && Object.values(view).every((item) => ['string', 'number', 'boolean'].includes(typeof item))) {
      query = new URLSearchParams(Object.entries(view).map(([key, item]) => [key, typeof item === 'boolean' ? (item ? '1' : '0') : String(item)])).toString();
    } else fail(path, `view "${name}" must be a query string or an object of parameters`);
    const { problems } = readView(query);
    if (problems.length > 0) fail(path, `view "${name}": ${problems.join('; ')}`);
    views[name] = query;
  }
  return views;
}

async function readJson(path: string, required: boolean): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ProfileError(`cannot read config ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ProfileError(`config ${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The profile, excludes and decisions for a build, from the flags and the config file:
 * `--config FILE`, else `.taggraph.json` in the current folder, else in the repository. A
 * config file holds `{ "profile": "cncf" | { "extends": "cncf", ...additions }, "exclude": [...],
 * "same": [[a, b]], "different": [[a, b]], "dismiss": [{ "rule", "path", "line"? }] }`; `--profile`
 * names the base profile over the file's. The profile is compiled once here, so a bad pattern
 * fails before anything is read.
 */
export async function loadConfig(flags: ConfigFlags, repo: string, cwd = process.cwd()): Promise<BuildConfig> {
  const candidates = flags.config ? [flags.config] : [join(cwd, '.taggraph.json'), join(repo, '.taggraph.json')];
  let path: string | undefined;
  let raw: unknown;
  for (const candidate of candidates) {
    raw = await readJson(candidate, flags.config !== undefined);
    if (raw !== undefined) {
      path = candidate;
      break;
    }
  }
  let base = flags.profile ?? DEFAULT_PROFILE;
  let extension: ProfileExtension | undefined;
  let decisions: Decisions | undefined;
  let views: Record<string, string> | undefined;
  const excludes: string[] = [];
  if (path) {
    if (!isObject(raw)) fail(path, 'not a JSON object');
    const unknown = Object.keys(raw).find((key) => !['profile', 'exclude', 'same', 'different', 'dismiss', 'views'].includes(key));
    if (unknown) fail(path, `no setting "${unknown}" (known: profile, exclude, same, different, dismiss, views)`);
    decisions = readDecisions(path, raw);
    views = readViews(path, raw['views']);
    excludes.push(...(strings(path, 'exclude', raw['exclude']) ?? []));
    const profile = raw['profile'];
    if (typeof profile === 'string') base = flags.profile ?? profile;
    else if (isObject(profile)) {
      if (profile['extends'] !== undefined && typeof profile['extends'] !== 'string') fail(path, '"profile.extends" must name a profile');
      base = flags.profile ?? (profile['extends'] as string | undefined) ?? DEFAULT_PROFILE;
      extension = readExtension(path, profile);
    } else if (profile !== undefined) fail(path, '"profile" must name a profile or be an object that extends one');
  }
  const baseProfile = (() => {
    try {
      return profileNamed(base);
    } catch (error) {
      // Say where the name came from when it was the file's.
      if (path && !flags.profile && error instanceof ProfileError) fail(path, error.message);
      throw error;
    }
  })();
  const profile = extension ? extendProfile(baseProfile, extension) : baseProfile;
  compileProfile(profile);
  return { profile, excludes: [...excludes, ...(flags.exclude ?? [])], ...(decisions ? { decisions } : {}), ...(views ? { views } : {}), ...(path ? { path } : {}) };
}
