import cytoscape, { type Core, type ElementDefinition, type StylesheetJson } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { EdgeKind, GraphDocument } from '../../schema/graph.ts';
import { hubIds } from '../../view/hubs.ts';
import { Kinds } from '../../view/kind-style.ts';
import type { LabelLevel } from '../../view/view.ts';

cytoscape.use(fcose);

export interface GraphViewCallbacks {
  onSelect(id: string | undefined): void;
}

/** What the canvas gives for exports while it is shown: a picture, and where each node is drawn. */
export interface CanvasPicture {
  png(): Blob;
  positions(): Map<string, { x: number; y: number }>;
}

export interface GraphViewOptions {
  /** Which nodes carry a label; the selection and the hovered neighbourhood always do. */
  labels?: LabelLevel;
  /** Pan, zoom, drag and select; an embed may be a still picture. */
  interactive?: boolean;
}

function stylesheet(kinds: Kinds, dark: boolean, labels: LabelLevel): StylesheetJson {
  const text = dark ? '#e6e6e6' : '#1f2933';
  const outline = dark ? '#111418' : '#ffffff';
  return [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(label)',
        'font-size': 9,
        'min-zoomed-font-size': 7,
        color: text,
        'text-outline-color': outline,
        'text-outline-width': 2,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-max-width': '140px',
        'text-wrap': 'ellipsis',
      },
    },
    ...kinds.nodes.map((info) => ({ selector: `node.${info.kind}`, style: { 'background-color': info.color, shape: info.shape } }) as StylesheetJson[number]),
    // Entities are labelled from further out than documents and what hangs from them.
    { selector: 'node.document, node.satellite', style: { 'min-zoomed-font-size': 12 } },
    {
      selector: 'edge',
      style: { width: 1, 'curve-style': 'haystack', opacity: 0.55, 'haystack-radius': 0 },
    },
    ...kinds.edges.map((info) => ({ selector: `edge.${info.kind}`, style: { 'line-color': info.color, 'line-style': info.line } }) as StylesheetJson[number]),
    ...(labels === 'all' ? [] : [{ selector: labels === 'hubs' ? 'node[!hub]' : 'node', style: { label: '' } }, { selector: 'node.near, node:selected', style: { label: 'data(label)' } }]),
    { selector: '.hidden', style: { display: 'none' } },
    { selector: 'edge.near', style: { opacity: 1, width: 2.5, 'z-index': 8 } },
    { selector: 'node.near', style: { 'border-width': 2, 'border-color': dark ? '#e6e6e6' : '#1f2933', 'min-zoomed-font-size': 0, 'z-index': 8 } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': dark ? '#ffd166' : '#f2994a', 'font-size': 12, 'min-zoomed-font-size': 0, 'z-index': 10 } },
    { selector: 'node.on-path', style: { 'border-width': 4, 'border-color': '#ff4d6d', 'min-zoomed-font-size': 0, 'z-index': 9 } },
    { selector: 'edge.on-path', style: { 'line-color': '#ff4d6d', width: 4, opacity: 1, 'z-index': 9 } },
  ];
}

/** Cytoscape elements for a graph; an edge's id is its identity (ends, kind, role, anchor), so builds can be compared. */
function elementsOf(graph: GraphDocument, degree: (id: string) => number, kinds: Kinds): ElementDefinition[] {
  const hubs = hubIds(graph.nodes.map((node) => node.id), degree);
  return [
    ...graph.nodes.map((node) => ({
      group: 'nodes' as const,
      data: { id: node.id, label: node.label, size: Math.min(60, 10 + 4 * Math.sqrt(degree(node.id))), hub: hubs.has(node.id) },
      classes: kinds.node(node.kind).satellite ? `${node.kind} satellite` : node.kind,
      position: node.position ? { ...node.position } : { x: 0, y: 0 },
    })),
    ...graph.edges.map((edge) => ({
      group: 'edges' as const,
      data: { id: `edge\u0000${edge.source}\u0000${edge.target}\u0000${edge.kind}\u0000${edge.role ?? ''}\u0000${edge.anchor ?? ''}`, source: edge.source, target: edge.target, kind: edge.kind },
      classes: edge.kind,
    })),
  ];
}

/**
 * The graph canvas: cytoscape with build-time positions (no layout at first paint), kinds as
 * colours and shapes, size by degree. Holds no app state; the app tells it what to show.
 */
export class GraphView {
  private readonly cy: Core;
  private kinds: Kinds;
  /** The catalogue the stylesheet was made from, to restyle only when it changes. */
  private catalog: string;
  private dark: boolean;
  private readonly labels: LabelLevel;

  constructor(container: HTMLElement, graph: GraphDocument, degree: (id: string) => number, dark: boolean, callbacks: GraphViewCallbacks, options: GraphViewOptions = {}) {
    this.kinds = new Kinds(graph.kinds);
    this.catalog = JSON.stringify(graph.kinds);
    this.dark = dark;
    this.labels = options.labels ?? 'all';
    const interactive = options.interactive ?? true;
    this.cy = cytoscape({
      container,
      elements: elementsOf(graph, degree, this.kinds),
      layout: { name: 'preset' },
      style: stylesheet(this.kinds, dark, this.labels),
      userZoomingEnabled: interactive,
      userPanningEnabled: interactive,
      autoungrabify: !interactive,
      autounselectify: !interactive,
      selectionType: 'single',
      boxSelectionEnabled: false,
      minZoom: 0.02,
      maxZoom: 4,
      wheelSensitivity: 0.3,
    });
    // A mark for benchmarks and the browser's performance panel: when the graph first shows.
    this.cy.one('render', () => performance.mark('tag-graph:graph-painted'));
    if (!interactive) return;
    this.cy.on('tap', 'node', (event) => callbacks.onSelect(event.target.id()));
    this.cy.on('tap', (event) => {
      if (event.target === this.cy) callbacks.onSelect(undefined);
    });
    // Hover marks only the node's neighbourhood: fading everything else restyled every element
    // on every hover (a p95 frame of 133 ms on the corpus in npm run bench:app).
    let near: ReturnType<Core['collection']> | undefined;
    this.cy.on('mouseover', 'node', (event) => {
      near?.removeClass('near');
      near = event.target.closedNeighborhood();
      near?.addClass('near');
    });
    this.cy.on('mouseout', 'node', () => {
      near?.removeClass('near');
      near = undefined;
    });
  }

  /** Shows only these nodes, and the edges of allowed kinds between them. */
  setVisible(nodeIds: ReadonlySet<string>, edgeAllowed: (kind: EdgeKind) => boolean): void {
    // Only elements whose state changes are touched: each touched element is restyled.
    this.cy.batch(() => {
      this.cy.nodes().forEach((node) => {
        const hidden = !nodeIds.has(node.id());
        if (node.hasClass('hidden') !== hidden) node.toggleClass('hidden', hidden);
      });
      this.cy.edges().forEach((edge) => {
        const hidden = !edgeAllowed(edge.data('kind')) || !nodeIds.has(edge.data('source')) || !nodeIds.has(edge.data('target'));
        if (edge.hasClass('hidden') !== hidden) edge.toggleClass('hidden', hidden);
      });
    });
  }

  select(id: string | undefined, centre: boolean): void {
    this.cy.batch(() => {
      this.cy.nodes(':selected').unselect();
      if (id) this.cy.getElementById(id).select();
    });
    const node = id ? this.cy.getElementById(id) : undefined;
    if (centre && node && node.nonempty() && !node.hasClass('hidden')) {
      this.cy.animate({ center: { eles: node }, zoom: Math.max(this.cy.zoom(), 1) }, { duration: 250 });
    }
  }

  highlightPath(ids: readonly string[] | undefined): void {
    this.cy.batch(() => {
      this.cy.elements('.on-path').removeClass('on-path');
      if (!ids) return;
      ids.forEach((id, index) => {
        this.cy.getElementById(id).addClass('on-path');
        const next = ids[index + 1];
        if (next) this.cy.getElementById(id).edgesWith(this.cy.getElementById(next)).addClass('on-path');
      });
    });
  }

  /** Fits what is shown, without zooming a handful of nodes up to poster size. */
  fit(): void {
    this.cy.fit(this.cy.elements(':visible'), 30);
    if (this.cy.zoom() > 1.5) this.cy.zoom({ level: 1.5, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
  }

  /**
   * A fast force layout of what is visible; for focused and filtered views. From the current
   * positions unless `randomize`: the same view then gets the same picture on every load.
   */
  relayout(randomize = true): void {
    const visible = this.cy.elements(':visible');
    // Labels count as part of each node, so a small view lays out with its labels apart.
    visible.layout({ name: 'fcose', quality: 'default', nodeDimensionsIncludeLabels: true, idealEdgeLength: () => 80, animate: false, randomize, fit: true, padding: 30 } as cytoscape.LayoutOptions).run();
  }

  setTheme(dark: boolean): void {
    this.dark = dark;
    this.cy.style(stylesheet(this.kinds, dark, this.labels));
  }

  /**
   * Shows a newer build of the graph in place: elements that are gone are removed, new ones
   * added at the positions the build gave them, the rest updated; zoom, pan and selection stay.
   */
  update(graph: GraphDocument, degree: (id: string) => number): void {
    const catalogChanged = JSON.stringify(graph.kinds) !== this.catalog;
    if (catalogChanged) {
      this.kinds = new Kinds(graph.kinds);
      this.catalog = JSON.stringify(graph.kinds);
    }
    const next = elementsOf(graph, degree, this.kinds);
    const ids = new Set(next.map((element) => element.data.id!));
    // Only what changed is touched: restyling every element is what costs (about a second on the corpus).
    this.cy.batch(() => {
      this.cy.elements().filter((element) => !ids.has(element.id())).remove();
      for (const element of next) {
        const existing = this.cy.getElementById(element.data.id!);
        if (existing.empty()) {
          this.cy.add(element);
          continue;
        }
        if (existing.data('label') !== element.data['label'] || existing.data('size') !== element.data['size'] || existing.data('hub') !== element.data['hub']) existing.data(element.data);
        const classes = typeof element.classes === 'string' ? element.classes : '';
        if (classes && !existing.hasClass(classes.split(' ')[0]!)) existing.classes(classes);
        const position = existing.position();
        if (element.position && (position.x !== element.position.x || position.y !== element.position.y)) existing.position(element.position);
      }
    });
    if (catalogChanged) this.cy.style(stylesheet(this.kinds, this.dark, this.labels));
  }

  /** Ids of the nodes currently drawn, for tests and the list view's counts. */
  visibleNodeIds(): string[] {
    return this.cy.nodes(':visible').map((node) => node.id());
  }

  /** Where each shown node is drawn now (after a re-layout, not where the build put it). */
  positions(): Map<string, { x: number; y: number }> {
    return new Map(this.cy.nodes(':visible').map((node) => [node.id(), { ...node.position() }]));
  }

  /** A PNG of what is drawn now, at twice the screen's scale, on the canvas's background. */
  png(): Blob {
    return this.cy.png({ output: 'blob', full: false, scale: 2, bg: this.dark ? '#111418' : '#ffffff' });
  }

  destroy(): void {
    this.cy.destroy();
  }
}
