import { posix } from 'node:path';
import { languageOf } from '../text/languages.ts';
import { append } from '../multimap.ts';

/** Where a link written in a document leads. */
export type LinkTarget =
  | { type: 'file'; path: string; anchor?: string }
  | { type: 'folder'; path: string }
  | { type: 'external'; url: string; key: string }
  /** `path` is set when the file exists and only its anchor is missing. */
  | { type: 'broken'; reason: string; target: string; suggestion?: string; path?: string }
  | { type: 'ignored' };

export interface RepoFiles {
  /** Every file kept in the repository, repo-relative, `/`-separated. */
  files: ReadonlySet<string>;
  /** Anchors of each markdown document, lower case: headings' slugs, HTML ids and names, footnotes (`fn-x`, `fnref-x`). */
  anchors: ReadonlyMap<string, ReadonlySet<string>>;
  /** Symlinks inside the repository: link path to the real path it names. */
  aliases?: ReadonlyMap<string, string>;
  /** Paths left out of the build: links into them are neither followed nor broken. */
  excluded?: readonly string[];
}

/** Files that make a folder a Hugo site (with a `content/` folder beside them). */
const SITE_CONFIGS = ['config.toml', 'config.yaml', 'config.yml', 'config.json', 'hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json'];

export interface RepoRemote {
  /** `owner/name` on GitHub, matched case-insensitively. */
  slug?: string;
  /** The branch or commit the files are at; `main`, `master` and `HEAD` count too. */
  ref?: string;
}

/** Branch names that mean the repository's default branch when the checkout's own is not known. */
const DEFAULT_REFS = ['main', 'master', 'HEAD'];

const INDEX_NAMES = ['README.md', 'readme.md', 'Readme.md', '_index.md', 'index.md'];
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const GITHUB_FILE = /^https?:\/\/(?:www\.)?github\.com\/([^/]+)\/([^/#?]+)\/(?:blob|tree|raw|edit)\/([^/#?]+)\/?([^?#]*)(?:\?[^#]*)?(#.*)?$/i;
const GITHUB_RAW = /^https?:\/\/raw\.githubusercontent\.com\/([^/]+)\/([^/]+)\/([^/]+)\/([^?#]*)()/i;
const GITHUB_REPO = /^https?:\/\/(?:www\.)?github\.com\/([^/]+)\/([^/#?]+)/i;

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Folder that holds the index document of `folder`, if one exists. */
export function folderIndex(files: ReadonlySet<string>, folder: string): string | undefined {
  for (const name of INDEX_NAMES) {
    const candidate = folder ? `${folder}/${name}` : name;
    if (files.has(candidate)) return candidate;
  }
  return undefined;
}

/** Key under which an external URL is kept: its host, or `github.com/owner/repo` for GitHub. */
export function externalKey(url: string): string {
  const github = GITHUB_REPO.exec(url);
  if (github) return `github.com/${github[1]!.toLowerCase()}/${github[2]!.replace(/\.git$/, '').toLowerCase()}`;
  try {
    return new URL(url).host.toLowerCase().replace(/^www\./, '') || url;
  } catch {
    return url;
  }
}

/**
 * Resolves links the way GitHub shows a repository: relative to the document, `/` from the
 * repository root, folders to their index document, URL-escaped names decoded, and GitHub URLs
 * into this same repository read as paths in it. Pure: the file set is given.
 */
export class LinkResolver {
  private readonly byBaseName = new Map<string, string[]>();
  private readonly folders = new Set<string>();
  /** Hugo sites in the repository, by folder ('' for the root). */
  private readonly sites: string[];

  constructor(
    private readonly repo: RepoFiles,
    private readonly remote: RepoRemote = {},
  ) {
    for (const path of repo.files) {
      const base = posix.basename(path).toLowerCase();
      const list = this.byBaseName.get(base) ?? [];
      list.push(path);
      this.byBaseName.set(base, list);
      let folder = posix.dirname(path);
      while (folder !== '.' && !this.folders.has(folder)) {
        this.folders.add(folder);
        folder = posix.dirname(folder);
      }
    }
    // A folder's index document stands for the folder: a link to a moved folder finds it by name.
    for (const folder of this.folders) {
      const index = folderIndex(repo.files, folder);
      if (!index) continue;
      const key = `${posix.basename(folder).toLowerCase()}/`;
      append(this.byBaseName, key, index);
    }
    for (const list of this.byBaseName.values()) list.sort();
    this.sites = [...this.folders, '']
      .filter((folder) => SITE_CONFIGS.some((name) => repo.files.has(folder ? `${folder}/${name}` : name)) && this.folders.has(folder ? `${folder}/content` : 'content'))
      .sort((a, b) => b.length - a.length);
  }

  resolve(fromPath: string, href: string): LinkTarget {
    const trimmed = href.trim();
    if (!trimmed) return { type: 'ignored' };
    const scheme = SCHEME.exec(trimmed)?.[1]?.toLowerCase();
    if (scheme) return this.resolveUrl(fromPath, trimmed, scheme);
    if (trimmed.startsWith('//')) return this.resolveUrl(fromPath, `https:${trimmed}`, 'https');
    const hashIndex = trimmed.indexOf('#');
    const beforeHash = hashIndex >= 0 ? trimmed.slice(0, hashIndex) : trimmed;
    const anchor = hashIndex >= 0 ? safeDecode(trimmed.slice(hashIndex + 1)) : undefined;
    const pathPart = safeDecode(beforeHash.split('?')[0]!);
    if (!pathPart) return this.withAnchor(fromPath, fromPath, anchor, trimmed);
    const joined = pathPart.startsWith('/')
      ? posix.normalize(pathPart.slice(1))
      : posix.normalize(posix.join(posix.dirname(fromPath), pathPart));
    const site = this.siteOf(fromPath);
    if (joined === '..' || joined.startsWith('../')) {
      return (site !== undefined ? this.resolveInSite(site, fromPath, pathPart, anchor, trimmed) : undefined) ?? { type: 'broken', reason: 'points outside the repository', target: trimmed };
    }
    const target = this.resolvePath(fromPath, joined.replace(/\/+$/, '').replace(/^\.$/, ''), anchor, trimmed);
    if (target.type !== 'broken' || target.path !== undefined || site === undefined) return target;
    return this.resolveInSite(site, fromPath, pathPart, anchor, trimmed) ?? target;
  }

  /** The Hugo site whose `content/` holds `path`, if any. */
  private siteOf(path: string): string | undefined {
    return this.sites.find((site) => path.startsWith(site ? `${site}/content/` : 'content/'));
  }

  /**
   * A link in a Hugo page as the site reads it: `/images/x.png` from `static/`, `/publications/`
   * as a page of `content/` (in the page's language folder too), and a relative link from a
   * page's own address (`blog/post.md` is served at `blog/post/`, so `../assets/x.png` is
   * `blog/assets/x.png`). Undefined when the site has no such file either.
   */
  private resolveInSite(site: string, fromPath: string, pathPart: string, anchor: string | undefined, written: string): LinkTarget | undefined {
    const prefix = site ? `${site}/` : '';
    const content = `${prefix}content`;
    // The page's language folder as written (`content/ko/…`), when it names a language.
    const [first] = fromPath.slice(content.length + 1).split('/');
    const language = first && languageOf(first) ? first : undefined;
    const candidates: string[] = [];
    if (pathPart.startsWith('/')) {
      candidates.push(`${prefix}static${pathPart}`, `${content}${pathPart}`, ...(language ? [`${content}/${language}${pathPart}`] : []));
    } else {
      const name = posix.basename(fromPath).replace(/\.(md|markdown)$/i, '');
      const isIndex = /^(_?index|readme)$/i.test(name);
      const pageFolder = isIndex ? posix.dirname(fromPath) : posix.join(posix.dirname(fromPath), name);
      candidates.push(posix.join(pageFolder, pathPart));
    }
    for (const candidate of candidates) {
      const path = posix.normalize(candidate).replace(/\/+$/, '');
      if (path.startsWith('..')) continue;
      if (this.repo.files.has(path)) return this.withAnchor(fromPath, path, anchor, written);
      if (this.repo.files.has(`${path}.md`)) return this.withAnchor(fromPath, `${path}.md`, anchor, written);
      const index = this.folders.has(path) ? folderIndex(this.repo.files, path) : undefined;
      if (index) return this.withAnchor(fromPath, index, anchor, written);
    }
    return undefined;
  }

  private resolveUrl(fromPath: string, url: string, scheme: string): LinkTarget {
    if (scheme !== 'http' && scheme !== 'https') return { type: 'ignored' };
    const slug = this.remote.slug?.toLowerCase();
    if (slug) {
      const file = GITHUB_FILE.exec(url) ?? GITHUB_RAW.exec(url);
      // Another branch of this repository may hold other files: only its own branch is read as paths.
      const sameRef = file !== null && [...DEFAULT_REFS, ...(this.remote.ref ? [this.remote.ref] : [])].includes(safeDecode(file[3]!));
      if (file && sameRef && `${file[1]}/${file[2]}`.toLowerCase() === slug) {
        const anchor = file[5] ? safeDecode(file[5].slice(1)) : undefined;
        const path = posix.normalize(safeDecode(file[4] ?? '')).replace(/\/+$/, '').replace(/^\.$/, '');
        return this.resolvePath(fromPath, path, anchor, url);
      }
    }
    return { type: 'external', url, key: externalKey(url) };
  }

  private resolvePath(fromPath: string, rawPath: string, anchor: string | undefined, written: string): LinkTarget {
    const path = this.dealias(rawPath);
    if (this.repo.excluded?.some((excluded) => path === excluded || path.startsWith(`${excluded}/`))) return { type: 'ignored' };
    if (this.repo.files.has(path)) return this.withAnchor(fromPath, path, anchor, written);
    if (path === '' || this.folders.has(path)) {
      const index = folderIndex(this.repo.files, path);
      if (index) return this.withAnchor(fromPath, index, anchor, written);
      return { type: 'folder', path };
    }
    const suggestion = this.suggest(path);
    return {
      type: 'broken',
      reason: missingReason(written),
      target: written,
      ...(suggestion ? { suggestion } : {}),
    };
  }

  /** The real path behind a symlink, or behind a path inside a symlinked folder. */
  private dealias(path: string): string {
    for (const [link, real] of this.repo.aliases ?? []) {
      if (path === link) return real;
      if (path.startsWith(`${link}/`)) return real ? `${real}${path.slice(link.length)}` : path.slice(link.length + 1);
    }
    return path;
  }

  private withAnchor(fromPath: string, path: string, rawAnchor: string | undefined, written: string): LinkTarget {
    if (!rawAnchor) return { type: 'file', path };
    // GitHub prefixes the ids it renders with `user-content-`; links may carry the prefix.
    const anchor = rawAnchor.replace(/^user-content-/i, '');
    const anchors = this.repo.anchors.get(path);
    // `#L10` and `#L10-L20` are GitHub's line anchors on any file.
    if (!anchors || /^L\d+(-L\d+)?$/.test(anchor) || hasAnchor(anchors, anchor.toLowerCase())) {
      return { type: 'file', path, anchor };
    }
    return {
      type: 'broken',
      path,
      reason: path === fromPath ? `no heading or anchor #${anchor}` : `no heading or anchor #${anchor} in ${path}`,
      target: written,
    };
  }

  /** An existing file with the same name (case-insensitive), nearest to the missing path. */
  private suggest(missing: string): string | undefined {
    const base = posix.basename(missing).toLowerCase();
    // A name alone is weak evidence (every folder has a README, many have an `image2.png`): the
    // file must sit in a folder of the same name, or share at least two folders with the
    // written path from the top.
    const folderName = posix.basename(posix.dirname(missing)).toLowerCase();
    const files = (this.byBaseName.get(base) ?? this.byBaseName.get(`${base}.md`) ?? []).filter(
      (candidate) => posix.basename(posix.dirname(candidate)).toLowerCase() === folderName || sharedPrefixSegments(candidate, missing) >= 2,
    );
    // A folder of the same name (its index stands for it) is evidence enough.
    const candidates = files.length > 0 ? files : (this.byBaseName.get(`${base}/`) ?? []);
    let best: string | undefined;
    let bestScore = -1;
    for (const candidate of candidates) {
      const score = sharedPrefixSegments(candidate, missing);
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    return best;
  }
}

/**
 * Whether a document defines `anchor`. Footnote ids may carry the suffix GitHub adds to keep
 * them unique (`fn-1-4a8e…`): the note's label must exist.
 */
function hasAnchor(anchors: ReadonlySet<string>, anchor: string): boolean {
  if (anchors.has(anchor)) return true;
  const footnote = /^(fn|fnref)-(.+)-[0-9a-f]{6,}$/.exec(anchor);
  return footnote !== null && anchors.has(`${footnote[1]}-${footnote[2]}`);
}

/** Why a relative link finds nothing, naming the usual slips. */
function missingReason(written: string): string {
  if (/^[^/@\s]+@[^/@\s]+\.[a-z]{2,}$/i.test(written)) return 'email address without mailto:';
  if (/^(www\.|[a-z0-9-]+\.(com|org|io|net|dev)\/)/i.test(written)) return 'web address without https://';
  return 'file not found';
}

function sharedPrefixSegments(a: string, b: string): number {
  const left = a.split('/');
  const right = b.split('/');
  let count = 0;
  while (count < left.length && count < right.length && left[count] === right[count]) count += 1;
  return count;
}
