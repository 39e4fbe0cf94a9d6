import cytoscape, { type Core, type ElementDefinition, type NodeSingular, type StylesheetJson } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { EdgeKind, GraphDocument } from '../../schema/graph.ts';
import { hubIds } from '../../view/hubs.ts';
import { EdgeLayer } from './edge-layer.ts';
import { HoverOverlay, type HoverEdge } from './hover-overlay.ts';
import { Kinds } from '../../view/kind-style.ts';
import { labelFontSizes, READABLE_PX } from '../../view/label-levels.ts';
import { shorten } from '../../snapshot/text-width.ts';
import type { LabelLevel } from '../../view/view.ts';
import type { LineStyle } from '../../schema/kinds.ts';

cytoscape.use(fcose);

export interface GraphViewCallbacks {
  onSelect(id: string | undefined): void;
  /** How many labels are drawn at the current zoom, after it changes (at most once a frame). */
  onLabels?(drawn: number): void;
}

/** What the canvas gives for exports while it is shown: a picture, and where each node is drawn. */
export interface CanvasPicture {
  png(): Promise<Blob>;
  positions(): Map<string, { x: number; y: number }>;
}

export interface GraphViewOptions {
  /** What is shown at first (all by default): cytoscape holds only what is shown, so hidden elements cost nothing. */
  visible?: { nodes: ReadonlySet<string>; edgeAllowed: (kind: EdgeKind) => boolean };
  /** Which nodes carry a label; the selection and the hovered neighbourhood always do. */
  labels?: LabelLevel;
  /** Pan, zoom, drag and select; an embed may be a still picture. */
  interactive?: boolean;
}

function stylesheet(kinds: Kinds, dark: boolean): StylesheetJson {
  const text = dark ? '#e6e6e6' : '#1f2933';
  const outline = dark ? '#111418' : '#ffffff';
  return [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        // Each label's size comes from its level of detail (label-levels.ts): it shows from the
        // zoom at which it is READABLE_PX on screen, and never over another label.
        label: 'data(caption)',
        'font-size': 'data(fontSize)',
        'min-zoomed-font-size': READABLE_PX,
        color: text,
        'text-outline-color': outline,
        'text-outline-width': 2,
        'text-valign': 'bottom',
        'text-margin-y': 3,
      },
    },
    { selector: 'node[fontSize = 0]', style: { label: '' } },
    ...kinds.nodes.map((info) => ({ selector: `node.${info.kind}`, style: { 'background-color': info.color, shape: info.shape } }) as StylesheetJson[number]),
    {
      selector: 'edge',
      // Edges answer no pointer events (nothing here is done on an edge): cytoscape then leaves
      // them out of its hit test on every mouse move, which tried each edge of the graph.
      style: { width: 1, 'curve-style': 'haystack', opacity: 0.55, 'haystack-radius': 0, events: 'no' },
    },
    ...kinds.edges.map((info) => ({ selector: `edge.${info.kind}`, style: { 'line-color': info.color, 'line-style': info.line } }) as StylesheetJson[number]),
    // The selection and a path are labelled whatever their level, at a size set for the zoom.
    { selector: 'node:selected', style: { label: 'data(caption)', 'border-width': 4, 'border-color': dark ? '#ffd166' : '#f2994a', 'min-zoomed-font-size': 0, 'z-index': 10 } },
    { selector: 'node.on-path', style: { label: 'data(caption)', 'border-width': 4, 'border-color': '#ff4d6d', 'min-zoomed-font-size': 0, 'z-index': 9 } },
    { selector: 'edge.on-path', style: { 'line-color': '#ff4d6d', width: 4, opacity: 1, 'z-index': 9 } },
    { selector: '.faded', style: { opacity: 0.15 } },
    { selector: 'node.faded', style: { 'text-opacity': 0.3 } },
  ];
}

/** Views up to this many nodes are laid out on their own; larger ones keep the build's positions. */
export const RELAYOUT_LIMIT = 400;

/** A fresh copy of an element's definition: cytoscape keeps what it is given. */
function copyOf(element: ElementDefinition): ElementDefinition {
  return { ...element, data: { ...element.data }, ...(element.position ? { position: { ...element.position } } : {}) };
}

/** A label on one line: long titles end in an ellipsis. */
function caption(label: string): string {
  return shorten(label, 40);
}

/** Cytoscape elements for a graph; an edge's id is its identity (ends, kind, role, anchor), so builds can be compared. */
function elementsOf(graph: GraphDocument, degree: (id: string) => number, kinds: Kinds): ElementDefinition[] {
  const hubs = hubIds(graph.nodes.map((node) => node.id), degree);
  return [
    ...graph.nodes.map((node) => ({
      group: 'nodes' as const,
      data: { id: node.id, label: node.label, caption: caption(node.label), size: Math.min(60, 10 + 4 * Math.sqrt(degree(node.id))), hub: hubs.has(node.id), fontSize: 0 },
      classes: kinds.node(node.kind).satellite ? `${node.kind} satellite` : node.kind,
      position: node.position ? { ...node.position } : { x: 0, y: 0 },
    })),
    ...graph.edges.map((edge) => ({
      group: 'edges' as const,
      data: { id: `edge\u0000${edge.source}\u0000${edge.target}\u0000${edge.kind}\u0000${edge.role ?? ''}\u0000${edge.anchor ?? ''}`, source: edge.source, target: edge.target, kind: edge.kind, relation: kinds.relation(edge.kind, edge.role, true) },
      classes: edge.kind,
    })),
  ];
}

/** Whether a view shows this element: a node in its set, or an edge of a shown kind between two. */
function shows(element: ElementDefinition, visible: NonNullable<GraphViewOptions['visible']>): boolean {
  if (element.group === 'nodes') return visible.nodes.has(element.data.id!);
  return visible.edgeAllowed(element.data['kind'] as EdgeKind) && visible.nodes.has(element.data['source'] as string) && visible.nodes.has(element.data['target'] as string);
}

/** Padding around a fitted drawing, and the closest a fit zooms in (a handful of nodes is not a poster). */
const FIT_PADDING = 30;
const FIT_MAX_ZOOM = 1.5;

/** The width and height of the box around these points, and its centre; undefined for none. */
function extent(points: Iterable<{ x: number; y: number }>): { w: number; h: number; cx: number; cy: number } | undefined {
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { x, y } of points) {
    x1 = Math.min(x1, x);
    y1 = Math.min(y1, y);
    x2 = Math.max(x2, x);
    y2 = Math.max(y2, y);
  }
  return x1 > x2 ? undefined : { w: x2 - x1, h: y2 - y1, cx: (x1 + x2) / 2, cy: (y1 + y2) / 2 };
}

/** The zoom at which a drawing of this extent fits a canvas of this size. */
function fitZoom(box: { w: number; h: number }, width: number, height: number): number {
  const zoom = Math.min(FIT_MAX_ZOOM, (width - 2 * FIT_PADDING) / Math.max(1, box.w), (height - 2 * FIT_PADDING) / Math.max(1, box.h));
  return zoom > 0 ? zoom : 1;
}

/**
 * The viewport that fits the shown nodes, from their positions alone: cytoscape's own fit would
 * first compute every element's style to measure it (a quarter of a second on the corpus).
 */
function initialViewport(positions: Array<{ x: number; y: number }>, container: HTMLElement): { zoom: number; pan: { x: number; y: number } } {
  const box = extent(positions);
  if (!box) return { zoom: 1, pan: { x: 0, y: 0 } };
  const width = container.clientWidth;
  const height = container.clientHeight;
  const zoom = fitZoom(box, width, height);
  return { zoom, pan: { x: width / 2 - zoom * box.cx, y: height / 2 - zoom * box.cy } };
}

/** Entities are labelled before documents, and documents before what hangs from them. */
function kindWeight(classes: readonly string[]): number {
  return classes.includes('satellite') ? 0.25 : classes.includes('document') ? 0.5 : 1;
}

interface LabelCandidate {
  id: string;
  caption: string;
  x: number;
  y: number;
  size: number;
  hub: boolean;
  weight: number;
}

/** A node as label levels see it, from its element data, position and classes. */
function labelCandidate(data: Record<string, unknown>, position: { x: number; y: number }, classes: readonly string[]): LabelCandidate {
  return { id: String(data['id']), caption: String(data['caption']), x: position.x, y: position.y, size: Number(data['size']), hub: data['hub'] === true, weight: kindWeight(classes) };
}

/**
 * The label level of detail of what is shown (see label-levels.ts), for a canvas of this size:
 * the same whether computed before cytoscape has the elements or from its nodes afterwards.
 */
function labelFonts(shown: readonly LabelCandidate[], degree: (id: string) => number, labels: LabelLevel, width: number, height: number): Map<string, number> {
  const box = extent(shown);
  if (labels === 'none' || !box) return new Map();
  const chosen = labels === 'hubs' ? shown.filter((node) => node.hub) : shown;
  return labelFontSizes(
    chosen.map((node) => ({ id: node.id, label: node.caption, x: node.x, y: node.y, size: node.size, importance: node.weight * degree(node.id) })),
    fitZoom(box, width, height),
  );
}

/**
 * Edges above which a graph hides those cytoscape holds while it is panned or zoomed: a view of
 * such a graph may give cytoscape up to EDGE_LAYER_FROM of them (beyond, the edge layer has them).
 */
const LARGE_GRAPH_EDGES = 10_000;

/** Shown edges above which a view's edges are drawn by the edge layer rather than held by cytoscape. */
export const EDGE_LAYER_FROM = 10_000;

/**
 * Makes `cy.resize()` do nothing while the container keeps its size and pixel ratio. Cytoscape
 * calls it from a ResizeObserver, whose first report comes right after the first paint with the
 * size the canvas already has, and a resize redraws every layer of the canvas: 1.4 s of blocked
 * page at 50 times the corpus (see docs/design.md).
 */
function skipSameSizeResizes(cy: Core, container: HTMLElement): void {
  const resize = cy.resize.bind(cy);
  const sizeOf = (): string => `${container.clientWidth}×${container.clientHeight}@${window.devicePixelRatio}`;
  let size = sizeOf();
  cy.resize = () => {
    const now = sizeOf();
    if (now === size) return cy;
    size = now;
    return resize();
  };
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
  /** Where the build put each node (from `definitions`): what a view that is not laid out on its own shows. */
  private home = new Map<string, { x: number; y: number }>();
  /** Whether the shown nodes were laid out on their own, away from home. */
  private away = false;
  /** Every element of the graph; cytoscape holds only those shown. */
  private definitions: ElementDefinition[] = [];
  private readonly degree: (id: string) => number;

  constructor(container: HTMLElement, graph: GraphDocument, degree: (id: string) => number, dark: boolean, callbacks: GraphViewCallbacks, options: GraphViewOptions = {}) {
    this.kinds = new Kinds(graph.kinds);
    this.catalog = JSON.stringify(graph.kinds);
    this.dark = dark;
    this.labels = options.labels ?? 'all';
    const interactive = options.interactive ?? true;
    this.degree = degree;
    this.setDefinitions(elementsOf(graph, degree, this.kinds));
    const visible = options.visible;
    const shown = visible ? this.definitions.filter((element) => shows(element, visible)) : this.definitions;
    const nodes = shown.filter((element) => element.group === 'nodes').map(copyOf);
    this.setShownEdges(shown.filter((element) => element.group === 'edges'));
    // A large view's edges go to the edge layer, drawn once cytoscape exists; cytoscape holds its nodes.
    const elements = this.layered ? nodes : [...nodes, ...this.shownEdges.map(copyOf)];
    // Labels get their levels before cytoscape styles anything: one styling pass, not two.
    const fonts = labelFonts(
      nodes.map((element) => labelCandidate(element.data, element.position!, String(element.classes).split(' '))),
      degree,
      this.labels,
      container.clientWidth,
      container.clientHeight,
    );
    for (const element of nodes) element.data['fontSize'] = fonts.get(element.data.id!) ?? 0;
    this.cy = cytoscape({
      container,
      elements,
      layout: { name: 'preset', fit: false },
      ...initialViewport(nodes.map((element) => element.position!), container),
      style: stylesheet(this.kinds, dark),
      userZoomingEnabled: interactive,
      userPanningEnabled: interactive,
      autoungrabify: !interactive,
      autounselectify: !interactive,
      selectionType: 'single',
      boxSelectionEnabled: false,
      minZoom: 0.02,
      maxZoom: 4,
      // While a large graph is panned or zoomed its edges are not drawn: drawing them kept pans
      // at 10× the corpus to 8 frames a second (see docs/design.md).
      hideEdgesOnViewport: graph.edges.length > LARGE_GRAPH_EDGES,
      wheelSensitivity: 0.3,
    });
    skipSameSizeResizes(this.cy, container);
    this.container = container;
    this.syncEdgeLayer();
    this.onLabels = callbacks.onLabels;
    this.onLabels?.(this.labelsDrawn());
    // A mark for benchmarks and the browser's performance panel: when the graph first shows.
    this.cy.one('render', () => performance.mark('tag-graph:graph-painted'));
    // The selection's label keeps one size on screen, whatever the zoom.
    let counting = false;
    this.cy.on('zoom', () => {
      this.sizeMarkedLabels();
      if (counting || !this.onLabels) return;
      counting = true;
      requestAnimationFrame(() => {
        counting = false;
        this.onLabels?.(this.labelsDrawn());
      });
    });

    if (!interactive) return;
    this.cy.on('tap', 'node', (event) => callbacks.onSelect(event.target.id()));
    this.cy.on('tap', (event) => {
      if (event.target === this.cy) callbacks.onSelect(undefined);
    });
    // Hover draws on an overlay: restyling the neighbourhood made cytoscape redraw every element.
    this.hover = new HoverOverlay(container, this.cy, dark, (id) => this.hoverEdges(id));
    this.cy.on('mouseover', 'node', (event) => this.hover?.show(event.target as NodeSingular));
    this.cy.on('mouseout', 'node', () => this.hover?.show(undefined));
  }

  private hover: HoverOverlay | undefined;
  private onLabels: ((drawn: number) => void) | undefined;
  private readonly container: HTMLElement;
  /** The edges shown now: their definitions, as drawn (same order), and each node's among them (for hover). */
  private shownEdges: ElementDefinition[] = [];
  private shownDrawn: Array<HoverEdge & { line: LineStyle }> = [];
  private shownEdgesAt = new Map<string, HoverEdge[]>();
  /** Whether the shown edges are too many for cytoscape, and the edge layer draws them. */
  private get layered(): boolean {
    return this.shownEdges.length > EDGE_LAYER_FROM;
  }
  private edgeLayer: EdgeLayer | undefined;

  /** Keeps the edges shown now; says whether they differ from those before. */
  private setShownEdges(edges: ElementDefinition[]): boolean {
    const same = edges.length === this.shownEdges.length && edges.every((edge, index) => edge === this.shownEdges[index]);
    if (same) return false;
    this.shownEdges = edges;
    this.shownDrawn = edges.map((edge) => this.drawnEdge(edge));
    this.shownEdgesAt = new Map();
    for (const drawn of this.shownDrawn) {
      for (const end of new Set([drawn.source, drawn.target])) {
        const list = this.shownEdgesAt.get(end) ?? [];
        list.push(drawn);
        this.shownEdgesAt.set(end, list);
      }
    }
    return true;
  }

  /** An edge's ends, colour and relation, from its definition: what the hover overlay and the edge layer draw. */
  private drawnEdge(edge: ElementDefinition): HoverEdge & { line: LineStyle } {
    const { color, line } = this.kinds.edge(String(edge.data['kind']));
    return { source: String(edge.data['source']), target: String(edge.data['target']), color, line, relation: String(edge.data['relation']) };
  }

  /** Gives the edge layer the shown edges when they are its to draw, and none otherwise. */
  private syncEdgeLayer(): void {
    if (!this.layered && !this.edgeLayer) return;
    this.edgeLayer ??= new EdgeLayer(this.container, this.cy);
    this.edgeLayer.set(this.layered ? this.shownDrawn : []);
  }

  private hoverEdges(id: string): readonly HoverEdge[] {
    return this.shownEdgesAt.get(id) ?? [];
  }

  /** Labels drawn at the current zoom by their level of detail (hover and selection aside). */
  labelsDrawn(): number {
    const zoom = this.cy.zoom();
    return this.cy.nodes().filter((node) => (node.data('fontSize') as number) * zoom >= READABLE_PX).length;
  }

  /** The selection's and the path's labels at a steady 12 px on screen. */
  private sizeMarkedLabels(): void {
    const size = 12 / this.cy.zoom();
    this.cy.nodes(':selected, .on-path').style('font-size', size);
  }

  /**
   * Label level of detail for what is shown now (see label-levels.ts): best-connected entities
   * first, documents and what hangs from them after.
   */
  private relabel(): void {
    const shown = this.cy.nodes();
    const fonts = labelFonts(
      shown.map((node) => labelCandidate(node.data() as Record<string, unknown>, node.position(), node.classes())),
      this.degree,
      this.labels,
      this.cy.width(),
      this.cy.height(),
    );
    this.cy.batch(() => {
      shown.forEach((node) => {
        const font = fonts.get(node.id()) ?? 0;
        if (node.data('fontSize') !== font) node.data('fontSize', font);
      });
    });
    this.onLabels?.(this.labelsDrawn());
  }

  /**
   * Shows only these nodes, and the edges of allowed kinds between them. With `layOut`, a view
   * of up to RELAYOUT_LIMIT nodes is laid out on its own, from where the build put its nodes;
   * otherwise every node is where the build put it.
   */
  setVisible(nodeIds: ReadonlySet<string>, edgeAllowed: (kind: EdgeKind) => boolean, layOut = false): void {
    // Cytoscape holds only what is shown: leaving elements out is cheaper than hiding them, as
    // every element it holds is styled. Only what changes is removed or added.
    const visible = { nodes: nodeIds, edgeAllowed };
    const wasLayered = this.layered;
    const shown = this.definitions.filter((element) => shows(element, visible));
    const edgesChanged = this.setShownEdges(shown.filter((element) => element.group === 'edges'));
    const layered = this.layered;
    let changed = false;
    this.cy.batch(() => {
      const gone = this.cy.elements().filter((element) => (element.isNode() ? !nodeIds.has(element.id()) : layered || !edgeAllowed(element.data('kind')) || !nodeIds.has(element.data('source')) || !nodeIds.has(element.data('target'))));
      if (gone.nonempty()) {
        gone.remove();
        changed = true;
      }
      const added = shown.filter((element) => (element.group === 'nodes' || !layered) && this.cy.getElementById(element.data.id!).empty());
      if (added.length > 0) {
        // Where the build put them; a view laid out on its own is laid out again below.
        this.cy.add(added.map(copyOf));
        changed = true;
      }
    });
    // A view is laid out on its own only with its edges in cytoscape, which its layout follows.
    const own = layOut && nodeIds.size <= RELAYOUT_LIMIT && !layered;
    // The same nodes laid out the same way (a keystroke in the search box, say): nothing to redo.
    let moved = false;
    if (changed || own !== this.away) {
      moved = own || this.away;
      if (moved) this.goHome();
      if (own) this.relayout(false);
      else this.relabel();
    }
    // Last, so the layer draws the nodes where they ended up; and only when its picture changes
    // (at 50× the corpus a redraw is 50–70 ms).
    if ((layered || wasLayered) && (edgesChanged || moved || layered !== wasLayered)) this.syncEdgeLayer();
  }

  /** Every element of a build, and the positions the build gave its nodes. */
  private setDefinitions(definitions: ElementDefinition[]): void {
    this.definitions = definitions;
    this.home = new Map(definitions.flatMap((element) => (element.group === 'nodes' && element.position ? [[element.data.id!, element.position] as const] : [])));
  }

  /** Every node back where the build put it. */
  private goHome(): void {
    this.cy.batch(() => {
      this.cy.nodes().forEach((node) => {
        const place = this.home.get(node.id());
        const now = node.position();
        if (place && (place.x !== now.x || place.y !== now.y)) node.position(place);
      });
    });
    this.away = false;
  }

  select(id: string | undefined, centre: boolean): void {
    this.cy.batch(() => {
      this.cy.nodes(':selected').unselect().removeStyle('font-size');
      if (id) this.cy.getElementById(id).select();
    });
    this.sizeMarkedLabels();
    const node = id ? this.cy.getElementById(id) : undefined;
    if (centre && node && node.nonempty()) {
      this.cy.animate({ center: { eles: node }, zoom: Math.max(this.cy.zoom(), 1) }, { duration: 250 });
    }
  }

  /**
   * Draws a path prominently and fades everything else; touching every element, it runs only
   * when the path changes.
   */
  highlightPath(ids: readonly string[] | undefined): void {
    const key = ids?.join('\u0000') ?? '';
    if (key === this.pathKey) return;
    this.pathKey = key;
    this.cy.batch(() => {
      this.cy.elements('.on-path').removeClass('on-path').removeStyle('font-size');
      this.cy.elements('.faded').removeClass('faded');
      if (!ids || ids.length === 0) return;
      ids.forEach((id, index) => {
        this.cy.getElementById(id).addClass('on-path');
        const next = ids[index + 1];
        if (next) this.cy.getElementById(id).edgesWith(this.cy.getElementById(next)).addClass('on-path');
      });
      this.cy.elements().not('.on-path').addClass('faded');
    });
    this.edgeLayer?.setPath(ids);
    this.sizeMarkedLabels();
  }

  private pathKey = '';

  /** Zooms about the centre of the canvas: the keyboard's way to zoom, and a steadier one than a wheel. */
  zoomBy(factor: number): void {
    this.cy.zoom({ level: this.cy.zoom() * factor, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
  }

  /** Fits what is shown, without zooming a handful of nodes up to poster size. */
  fit(): void {
    this.cy.fit(this.cy.elements(':visible'), FIT_PADDING);
    if (this.cy.zoom() > FIT_MAX_ZOOM) this.cy.zoom({ level: FIT_MAX_ZOOM, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
  }

  /**
   * A fast force layout of what is visible; for focused and filtered views. From the current
   * positions unless `randomize`: the same view then gets the same picture on every load.
   */
  relayout(randomize = true): void {
    const visible = this.cy.elements(':visible');
    visible.layout({ name: 'fcose', quality: 'default', uniformNodeDimensions: true, idealEdgeLength: () => 80, nodeRepulsion: () => 9000, animate: false, randomize, fit: true, padding: 30 } as cytoscape.LayoutOptions).run();
    this.away = true;
    this.relabel();
  }

  setTheme(dark: boolean): void {
    // A new stylesheet restyles every element (about 400 ms on the corpus): only for a new theme.
    if (dark === this.dark) return;
    this.dark = dark;
    this.hover?.setTheme(dark);
    this.cy.style(stylesheet(this.kinds, dark));
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
    this.setDefinitions(next);
    const ids = new Set(next.map((element) => element.data.id!));
    // Only what changed is touched: restyling every element is what costs (about a second on the
    // corpus). New elements are added by the next setVisible, which knows whether they are shown.
    this.cy.batch(() => {
      this.cy.elements().filter((element) => !ids.has(element.id())).remove();
      for (const element of next) {
        const existing = this.cy.getElementById(element.data.id!);
        if (existing.empty()) continue;
        if (existing.data('label') !== element.data['label'] || existing.data('size') !== element.data['size'] || existing.data('hub') !== element.data['hub']) existing.data(element.data);
        const classes = typeof element.classes === 'string' ? element.classes : '';
        if (classes && !existing.hasClass(classes.split(' ')[0]!)) existing.classes(classes);
        const position = existing.position();
        if (element.position && (position.x !== element.position.x || position.y !== element.position.y)) existing.position(element.position);
      }
    });
    if (catalogChanged) this.cy.style(stylesheet(this.kinds, this.dark));
    this.relabel();
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
  async png(): Promise<Blob> {
    const background = this.dark ? '#111418' : '#ffffff';
    const layer = this.edgeLayer;
    if (!layer || layer.size === 0) return this.cy.png({ output: 'blob', full: false, scale: 2, bg: background });
    // The edge layer's edges beneath cytoscape's nodes, as on screen.
    const scale = 2;
    const picture = document.createElement('canvas');
    picture.width = Math.round(this.cy.width() * scale);
    picture.height = Math.round(this.cy.height() * scale);
    const context = picture.getContext('2d');
    if (!context) throw new Error('PNG export: no 2D canvas in this browser');
    context.fillStyle = background;
    context.fillRect(0, 0, picture.width, picture.height);
    layer.paint(context, scale);
    context.setTransform(1, 0, 0, 1, 0, 0);
    const nodes = await createImageBitmap(this.cy.png({ output: 'blob', full: false, scale }));
    context.drawImage(nodes, 0, 0, picture.width, picture.height);
    return new Promise((resolve, reject) => picture.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG export: the canvas gave no picture'))), 'image/png'));
  }

  destroy(): void {
    this.hover?.destroy();
    this.edgeLayer?.destroy();
    this.cy.destroy();
  }
}
