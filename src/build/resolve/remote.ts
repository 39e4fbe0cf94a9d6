import type { DocumentFacts } from '../facts.ts';

const GITHUB_PATH = /^https?:\/\/(?:www\.)?github\.com\/([^/]+)\/([^/#?]+)\/(?:blob|tree)\/[^/#?]+\/([^?#]*)/i;

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Parses `https://github.com/owner/name(.git)` or `git@github.com:owner/name.git` to `owner/name`. */
export function githubSlug(url: string): string | undefined {
  const match = /github\.com[/:]([^/]+)\/([^/#?]+?)(?:\.git)?\/?$/i.exec(url.trim());
  return match ? `${match[1]}/${match[2]}` : undefined;
}

/**
 * Which GitHub repository this checkout is, guessed from its own links: the repository whose
 * `blob`/`tree` links name the most distinct nested paths (`a/b.md`, not a bare `README.md`
 * that every repository has) that exist here, at least three. Used when neither `--repo-url`
 * nor git says.
 */
export function inferRemoteSlug(documents: readonly DocumentFacts[], files: ReadonlySet<string>): string | undefined {
  const folders = new Set<string>();
  for (const file of files) for (let i = file.indexOf('/'); i >= 0; i = file.indexOf('/', i + 1)) folders.add(file.slice(0, i));
  const hits = new Map<string, { found: Set<string>; slug: string }>();
  for (const doc of documents) {
    for (const link of doc.links) {
      const match = GITHUB_PATH.exec(link.href);
      if (!match) continue;
      const slug = `${match[1]}/${match[2]}`;
      const key = slug.toLowerCase();
      const entry = hits.get(key) ?? { found: new Set<string>(), slug };
      const path = safeDecode(match[3]!.replace(/\/+$/, ''));
      if (path.includes('/') && (files.has(path) || folders.has(path))) entry.found.add(path);
      hits.set(key, entry);
    }
  }
  const best = [...hits.values()]
    .filter((entry) => entry.found.size >= 3)
    .sort((a, b) => b.found.size - a.found.size || (a.slug < b.slug ? -1 : 1))[0];
  return best?.slug;
}
