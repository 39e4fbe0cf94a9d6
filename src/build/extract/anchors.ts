import type { FlatNode } from './mdast.ts';

/** `id="…"` or `name="…"` on any HTML tag (`<a name="mapping">`, `<p id="gdcalert3">`). */
const HTML_ID = /<[a-z][a-z0-9-]*\b[^>]*?\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;

/**
 * Anchors a document defines besides its headings: explicit HTML `id` and `name` attributes,
 * and footnotes as GitHub renders them (`fn-<label>` on the note, `fnref-<label>` on the
 * reference; GitHub lower-cases the label). Lower-cased, in document order, without repeats.
 */
export function extractAnchors(nodes: readonly FlatNode[]): string[] {
  const anchors = new Set<string>();
  for (const { node } of nodes) {
    if (node.type === 'html') {
      for (const match of node.value.matchAll(HTML_ID)) {
        const id = (match[1] ?? match[2] ?? match[3] ?? '').trim();
        if (id) anchors.add(id.toLowerCase());
      }
    } else if (node.type === 'footnoteDefinition') {
      anchors.add(`fn-${(node.label ?? node.identifier).toLowerCase()}`);
    } else if (node.type === 'footnoteReference') {
      anchors.add(`fnref-${(node.label ?? node.identifier).toLowerCase()}`);
    }
  }
  return [...anchors];
}
