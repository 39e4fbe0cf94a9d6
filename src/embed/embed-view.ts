import { GraphView } from '../app/lib/graph-view.ts';
import { relationsOf } from '../app/lib/relations.ts';
import type { GraphDocument } from '../schema/graph.ts';
import { GraphModel } from '../view/graph-model.ts';
import { SHAPE_CLIP } from '../view/kind-style.ts';
import { checkView, viewSubgraph } from '../view/subset.ts';
import { viewTitle } from '../view/title.ts';
import { defaultViewState, serialiseViewState, type ViewState } from '../view/view.ts';
import styles from './embed.css?inline';

export interface EmbedTarget {
  /** Where the embed's elements go: a page's element or a shadow root. */
  root: HTMLElement | ShadowRoot;
  /** The explorer's address (its page, without a query): "Open in explorer" links go there. */
  explorer: string;
}

export interface MountedEmbed {
  /** What the embed shows, by node id, for tests and hosts. */
  readonly shownIds: readonly string[];
  destroy(): void;
}

/** Creates an element with text content only: text from the repository is never parsed as HTML. */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
  if (text !== undefined) created.textContent = text;
  return created;
}

function explorerLink(explorer: string, search: string, text: string): HTMLAnchorElement {
  // A new tab: an embed must not navigate its host, and pop-ups inside a frame are trapped.
  return element('a', { href: `${explorer}${search}`, target: '_blank', rel: 'noopener' }, text);
}

function isDark(view: ViewState): boolean {
  return view.theme === 'dark' || (view.theme === 'auto' && typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches);
}

/** A clear message in place of the graph: a view that cannot be shown is never a blank box. */
export function mountMessage(target: EmbedTarget, heading: string, lines: readonly string[], dark = false): MountedEmbed {
  const figure = element('div', { class: 'tg', role: 'alert', 'data-theme': dark ? 'dark' : 'light' });
  const box = element('div', { class: 'tg-message' });
  box.append(element('h2', {}, heading));
  const list = element('ul');
  for (const line of lines) list.append(element('li', {}, line));
  box.append(list, explorerLink(target.explorer, '', 'Open the explorer ↗'));
  figure.append(box);
  target.root.append(element('style', {}, styles), figure);
  return { shownIds: [], destroy: () => figure.remove() };
}

/**
 * One view of the graph for another page: the graph, its legend, a list of what it shows (for
 * keyboards and screen readers) and links into the explorer. Selecting a node shows a small card
 * inside the graph; nothing navigates the host page.
 */
export function mountEmbed(target: EmbedTarget, graph: GraphDocument, query: string): MountedEmbed {
  const model = new GraphModel(graph);
  const hidden = model.kinds.hiddenByDefault();
  const { view, problems } = checkView(model, query);
  if (problems.length > 0) return mountMessage(target, 'This view cannot be shown', problems, isDark(view));

  const subgraph = viewSubgraph(model, view);
  const selected = view.selected ? model.node(view.selected) : undefined;
  const figure = element('figure', { class: 'tg', 'data-theme': isDark(view) ? 'dark' : 'light', 'aria-label': `Graph: ${viewTitle(model, view)}, ${subgraph.nodes.length} nodes` });
  const canvas = element('div', { class: 'tg-graph', 'data-testid': 'embed-graph', 'aria-hidden': 'true' });
  const footer = element('figcaption', { class: 'tg-footer' });
  const legend = element('ul', { class: 'tg-legend', 'aria-label': 'Legend' });
  for (const info of subgraph.kinds.nodes) {
    const item = element('li', { 'data-kind': info.kind });
    const swatch = element('span', { class: 'tg-swatch' });
    swatch.style.background = info.color;
    swatch.style.clipPath = SHAPE_CLIP[info.shape];
    item.append(swatch, info.label);
    legend.append(item);
  }
  footer.append(legend, explorerLink(target.explorer, serialiseViewState(view, hidden), 'Open in explorer ↗'));

  let card: HTMLElement | undefined;
  const closeCard = (): void => {
    card?.remove();
    card = undefined;
  };
  const showCard = (id: string | undefined): void => {
    closeCard();
    const node = id ? model.node(id) : undefined;
    if (!node) return;
    card = element('section', { class: 'tg-card', 'aria-label': node.label, 'data-testid': 'embed-card' });
    const close = element('button', { type: 'button', class: 'tg-close', 'aria-label': 'Close' }, '×');
    close.addEventListener('click', () => {
      closeCard();
      graphView.select(undefined, false);
    });
    card.append(close, element('h2', {}, node.label), element('p', { class: 'tg-kind' }, model.kinds.node(node.kind).label));
    const relations = element('dl');
    for (const group of relationsOf(model, node.id).slice(0, 4)) {
      const names = group.items.slice(0, 3).map((item) => item.node.label);
      const more = group.items.length - names.length;
      relations.append(element('dt', {}, group.name), element('dd', {}, `${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}`));
    }
    card.append(relations, explorerLink(target.explorer, serialiseViewState({ ...defaultViewState(hidden), selected: node.id }, hidden), 'Open in explorer ↗'));
    figure.append(card);
  };

  // A list of what is shown: what a screen reader reads and a keyboard walks instead of the canvas.
  const nodes = element('details', { class: 'tg-nodes' });
  nodes.append(element('summary', {}, `Nodes shown (${subgraph.nodes.length})`));
  const list = element('ul');
  for (const node of [...subgraph.nodes].sort((a, b) => a.label.localeCompare(b.label))) {
    const item = element('li');
    const button = element('button', { type: 'button', class: 'tg-link' }, node.label);
    button.addEventListener('click', () => {
      graphView.select(node.id, true);
      showCard(node.id);
    });
    item.append(button, ` (${model.kinds.node(node.kind).label})`);
    list.append(item);
  }
  nodes.append(list);
  figure.append(canvas, footer, nodes);
  target.root.append(element('style', {}, styles), figure);

  const graphView = new GraphView(canvas, subgraph, (id) => model.degree(id), figure.dataset['theme'] === 'dark', { onSelect: showCard }, { labels: view.labels, interactive: view.interactive });
  // A part of the graph is laid out on its own (when small enough); the whole keeps the build's positions.
  graphView.setVisible(new Set(subgraph.nodes.map((node) => node.id)), () => true, subgraph.nodes.length < graph.nodes.length);
  graphView.fit();
  if (selected) graphView.select(selected.id, false);

  const scheme = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;
  const onScheme = (): void => {
    figure.dataset['theme'] = isDark(view) ? 'dark' : 'light';
    graphView.setTheme(figure.dataset['theme'] === 'dark');
  };
  if (view.theme === 'auto') scheme?.addEventListener('change', onScheme);
  return {
    shownIds: subgraph.nodes.map((node) => node.id),
    destroy: () => {
      scheme?.removeEventListener('change', onScheme);
      graphView.destroy();
      figure.remove();
    },
  };
}
