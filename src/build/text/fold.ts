/** Case-, accent- and space-insensitive key: `Andrés  Vega` and `andres vega` fold alike. */
export function foldKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** URL- and id-safe slug; keeps non-Latin letters so ids stay distinct for non-ASCII labels. */
export function slugify(text: string): string {
  const slug = foldKey(text)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'untitled';
}

/** Collapse runs of white space and trim. */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}
