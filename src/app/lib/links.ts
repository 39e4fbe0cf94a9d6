import type { RepoInfo, Source } from '../../schema/graph.ts';

/** Only web addresses become links: `javascript:`, `data:` and the like never reach an href. */
export function safeHref(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** The file and line on the repository's web host, or undefined when the repository has no URL. */
export function sourceUrl(repo: RepoInfo, source: Source): string | undefined {
  if (!repo.url) return undefined;
  const base = safeHref(repo.url);
  if (!base) return undefined;
  const ref = repo.commit ?? repo.ref ?? 'HEAD';
  const path = source.path.split('/').map(encodeURIComponent).join('/');
  return `${base.replace(/\/+$/, '')}/blob/${encodeURIComponent(ref)}/${path}#L${source.line}`;
}
