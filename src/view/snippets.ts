import { xmlText } from '../exports/text.ts';
import type { NodeKind } from '../schema/graph.ts';
import { defaultViewState, serialiseViewState, type ViewState } from './view.ts';

export interface SnippetRequest {
  /** The explorer's address, ending in `/`: where index.html, embed.html, embed/ and data/ are. */
  site: string;
  view: ViewState;
  defaultHidden: readonly NodeKind[];
  /** The name a declared view gets: its pictures are `data/views/<name>.light.svg` and `.dark.svg`. */
  name: string;
  /** What the view shows, in words: the frame's title and the picture's alternative text. */
  title: string;
}

export interface Snippets {
  /** The explorer at this view. */
  link: string;
  /** The address embed.html shows this view at. */
  embedUrl: string;
  iframe: string;
  component: string;
  /** The static pictures, for places where no script runs (a GitHub README). */
  picture: string;
  /** The config entry that has every build draw the pictures. */
  config: string;
  /** The command that draws one picture on demand. */
  command: string;
}

/** A view with only what an embed shows: the graph, narrowed and presented; no search, list or report. */
export function embeddedView(view: ViewState, defaultHidden: readonly NodeKind[]): ViewState {
  const { mode, query, reportFilter, reportGroup, reportSeverity } = defaultViewState(defaultHidden);
  return { ...view, mode, query, reportFilter, reportGroup, reportSeverity };
}

/** Every way to put a view in another page, written for the reader to paste. */
export function embedSnippets(request: SnippetRequest): Snippets {
  const { site, defaultHidden, name, title } = request;
  const view = embeddedView(request.view, defaultHidden);
  const query = serialiseViewState(view, defaultHidden);
  const embedUrl = `${site}embed.html${query}`;
  const attributes = [...new URLSearchParams(query)].map(([key, value]) => ` ${key}="${xmlText(value)}"`).join('');
  const picturesAt = `${site}data/views/${name}`;
  return {
    link: `${site}${serialiseViewState(request.view, defaultHidden)}`,
    embedUrl,
    iframe: [
      `<iframe src="${xmlText(embedUrl)}" title="${xmlText(title)}" style="width: 100%; height: 480px; border: 0" loading="lazy"></iframe>`,
      `<!-- Once per page: fits each frame to its content. -->`,
      `<script type="module" src="${xmlText(site)}embed/resize.js"></script>`,
    ].join('\n'),
    component: [`<script type="module" src="${xmlText(site)}embed/tag-graph.js"></script>`, `<tag-graph data="${xmlText(site)}data/"${attributes}></tag-graph>`].join('\n'),
    picture: [
      '<picture>',
      `  <source media="(prefers-color-scheme: dark)" srcset="${xmlText(picturesAt)}.dark.svg">`,
      `  <img alt="${xmlText(title)}" src="${xmlText(picturesAt)}.light.svg">`,
      '</picture>',
    ].join('\n'),
    config: JSON.stringify({ views: { [name]: query.replace(/^\?/, '') } }, null, 2),
    command: `npm run snapshot -- --view "${query.replace(/^\?/, '').replace(/(["\\$`])/g, '\\$1')}" --out ${name}.svg`,
  };
}

/**
 * A view's name becomes a file name: letters, digits, `-` and `_` only. The `-` is escaped so the
 * same source is valid as an HTML `pattern` (read with the `v` flag).
 */
export const VIEW_NAME = /^[A-Za-z0-9][A-Za-z0-9_\-]*$/;

/** A view name from what it shows: `group:software-supply-chain` → `software-supply-chain`. */
export function viewName(view: ViewState): string {
  const base = (view.selected ?? 'graph').replace(/^[a-z]+:/, '').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return base || 'graph';
}
