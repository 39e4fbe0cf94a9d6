import { loadGraph } from '../app/lib/load-data.ts';
import type { GraphDocument } from '../schema/graph.ts';
import { VIEW_PARAMETERS } from '../view/view.ts';
import { mountEmbed, mountMessage, type MountedEmbed } from './embed-view.ts';

/** One download per data folder, however many elements on the page show it. */
const graphs = new Map<string, Promise<GraphDocument>>();

/**
 * `<tag-graph data="https://…/data/" node="…" focus="1" depth="1" theme="auto">`: a live view of a
 * build's graph in any page, without a frame. Attributes are the view's parameters plus `data`
 * (the build's data folder) and, optionally, `explorer` (the explorer's address; by default the
 * folder above `data`). Everything it draws lives in its shadow root.
 */
export class TagGraphElement extends HTMLElement {
  static readonly observedAttributes = ['data', 'explorer', ...VIEW_PARAMETERS];
  private readonly shadow = this.attachShadow({ mode: 'open' });
  private mounted: MountedEmbed | undefined;
  /** Bumped on every render, so a slow download cannot draw over a newer view. */
  private generation = 0;
  private scheduled = false;

  connectedCallback(): void {
    this.schedule();
  }

  disconnectedCallback(): void {
    this.generation += 1;
    this.mounted?.destroy();
    this.mounted = undefined;
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.schedule();
  }

  /** What it shows now, by node id. */
  get shownIds(): readonly string[] {
    return this.mounted?.shownIds ?? [];
  }

  /** Several attributes set in a row redraw once. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      void this.render();
    });
  }

  private async render(): Promise<void> {
    const generation = (this.generation += 1);
    const data = this.getAttribute('data');
    const base = data ? new URL(data.endsWith('/') ? data : `${data}/`, document.baseURI).href : undefined;
    const explorer = this.getAttribute('explorer') ?? (base ? new URL('../', base).href : '');
    const replace = (mount: () => MountedEmbed): void => {
      if (generation !== this.generation) return;
      this.mounted?.destroy();
      this.shadow.replaceChildren();
      this.mounted = mount();
      this.dispatchEvent(new CustomEvent('tag-graph:ready', { detail: { shown: this.mounted.shownIds.length } }));
    };
    if (!base) {
      replace(() => mountMessage({ root: this.shadow, explorer }, 'This view cannot be shown', ['the "data" attribute must name a build’s data folder']));
      return;
    }
    const params = new URLSearchParams();
    for (const name of VIEW_PARAMETERS) {
      const value = this.getAttribute(name);
      if (value !== null) params.set(name, value);
    }
    const url = new URL('graph.json', base).href;
    let graph: GraphDocument;
    try {
      const pending = graphs.get(url) ?? loadGraph(url);
      graphs.set(url, pending);
      graph = await pending;
    } catch (failure) {
      graphs.delete(url);
      replace(() => mountMessage({ root: this.shadow, explorer }, 'The graph could not be loaded', [failure instanceof Error ? failure.message : String(failure)]));
      return;
    }
    replace(() => mountEmbed({ root: this.shadow, explorer }, graph, params.toString()));
  }
}

if (!customElements.get('tag-graph')) customElements.define('tag-graph', TagGraphElement);
