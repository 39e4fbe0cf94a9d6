import type { Core } from 'cytoscape';
import type { EdgeKindInfo, LineStyle } from '../../schema/kinds.ts';
import { fitCanvas, layerCanvas } from './layer-canvas.ts';

/** An edge as the layer draws it: its ends (node ids), and its relation's colour and line. */
export interface LayerEdge extends Pick<EdgeKindInfo, 'color' | 'line'> {
  source: string;
  target: string;
}

/** What cytoscape's stylesheet gives an edge, in graph units, so that both ways look alike. */
const EDGE_OPACITY = 0.55;
const FADED_OPACITY = 0.15;
const PATH_COLOUR = '#ff4d6d';
const PATH_WIDTH = 4;
const DASHES: Record<LineStyle, number[]> = { solid: [], dashed: [6, 3], dotted: [1, 2] };
/** How long after the last pan or zoom event the edges are drawn again. */
const SETTLE_MS = 120;

/**
 * The edges of a large view, drawn on a canvas of our own beneath cytoscape's: one stroked path
 * per relation instead of an element each, which cytoscape styles, measures and draws into its
 * layer textures one by one (at ten times the corpus, 13,000 shown edges were a third of the
 * time to first paint, and all of the long task after it). Like cytoscape's own option for
 * large graphs, the edges are not drawn while the view moves, and are drawn again once it
 * settles. Nodes stay cytoscape's, so picking, dragging, selection and labels are unchanged.
 */
export class EdgeLayer {
  private readonly canvas: HTMLCanvasElement;
  private edges: readonly LayerEdge[] = [];
  /** Consecutive nodes of the highlighted path, as `a\u0000b` both ways round. */
  private pathSteps = new Set<string>();
  /** Where each node is, in graph units; read from cytoscape again after a node moves. */
  private positions = new Map<string, { x: number; y: number }>();
  private positionsStale = true;
  private settle: ReturnType<typeof setTimeout> | undefined;
  private readonly onViewport = (): void => {
    this.clear();
    clearTimeout(this.settle);
    this.settle = setTimeout(() => this.draw(), SETTLE_MS);
  };
  private dragging = false;
  /**
   * While a node is dragged the layer is empty, and it is drawn again when the node is let go,
   * with the node where it was left: cytoscape's own option for large graphs hides edges during
   * a drag the same way. Redrawing every edge on each moved frame made a drag at 50× the corpus
   * run at 650–830 ms a frame.
   */
  private readonly onDrag = (): void => {
    this.positionsStale = true;
    if (this.dragging) return;
    this.dragging = true;
    this.clear();
  };
  private readonly onFree = (): void => {
    if (!this.dragging) return;
    this.dragging = false;
    this.draw();
  };

  constructor(
    container: HTMLElement,
    private readonly cy: Core,
  ) {
    // Before cytoscape's own canvases, at the same stacking level: they are painted over it.
    this.canvas = layerCanvas(container, 'edge-layer', 0, true);
    cy.on('viewport', this.onViewport);
    cy.on('drag', 'node', this.onDrag);
    cy.on('free', 'node', this.onFree);
  }

  /** Draws these edges from now on (none: the layer is empty). */
  set(edges: readonly LayerEdge[]): void {
    this.edges = edges;
    this.positionsStale = true;
    this.draw();
  }

  /** Draws the edges between consecutive nodes of `ids` prominently and fades the rest. */
  setPath(ids: readonly string[] | undefined): void {
    const steps = ids ?? [];
    this.pathSteps = new Set(
      steps.slice(1).flatMap((id, index) => {
        const previous = steps[index]!;
        return [`${previous}\u0000${id}`, `${id}\u0000${previous}`];
      }),
    );
    this.draw();
  }

  /** How many edges the layer draws: none while the view's edges are cytoscape's. */
  get size(): number {
    return this.edges.length;
  }

  /**
   * Draws the edges into `context` as cytoscape shows the graph now, at `scale` pixels to a CSS
   * pixel; only their parts within the view: zoomed in on a large graph, most edges are off the
   * canvas, and a dashed line is dashed along all its length, seen or not.
   */
  paint(context: CanvasRenderingContext2D, scale: number): void {
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    context.setTransform(scale * zoom, 0, 0, scale * zoom, scale * pan.x, scale * pan.y);
    const extent: Extent = this.cy.extent();
    if (this.positionsStale) {
      this.positions = new Map(this.cy.nodes().map((node) => [node.id(), { ...node.position() }] as const));
      this.positionsStale = false;
    }
    const faded = this.pathSteps.size > 0;
    const onPath: Array<[Point, Point]> = [];
    // One path per look (colour and dashes): a stroke each, not one per edge.
    const byLook = new Map<string, { look: Pick<LayerEdge, 'color' | 'line'>; ends: Array<[Point, Point]> }>();
    for (const edge of this.edges) {
      const from = this.positions.get(edge.source);
      const to = this.positions.get(edge.target);
      const seen = from && to ? clip(from, to, extent) : undefined;
      if (!seen) continue;
      const [a, b] = seen;
      if (faded && this.pathSteps.has(`${edge.source}\u0000${edge.target}`)) {
        onPath.push([a, b]);
        continue;
      }
      const key = `${edge.color} ${edge.line}`;
      const group = byLook.get(key) ?? { look: edge, ends: [] };
      group.ends.push([a, b]);
      byLook.set(key, group);
    }
    context.lineCap = 'butt';
    context.globalAlpha = faded ? FADED_OPACITY : EDGE_OPACITY;
    context.lineWidth = 1;
    for (const { look, ends } of byLook.values()) {
      context.strokeStyle = look.color;
      context.setLineDash(DASHES[look.line]);
      strokeAll(context, ends);
    }
    context.globalAlpha = 1;
    context.setLineDash([]);
    context.strokeStyle = PATH_COLOUR;
    context.lineWidth = PATH_WIDTH;
    strokeAll(context, onPath);
  }

  private draw(): void {
    clearTimeout(this.settle);
    const ratio = fitCanvas(this.canvas, this.cy.width(), this.cy.height());
    this.clear();
    const context = this.canvas.getContext('2d');
    if (context) this.paint(context, ratio);
  }

  private clear(): void {
    const context = this.canvas.getContext('2d');
    context?.setTransform(1, 0, 0, 1, 0, 0);
    context?.clearRect(0, 0, this.canvas.width, this.canvas.height);
  }

  destroy(): void {
    clearTimeout(this.settle);
    this.cy.off('viewport', this.onViewport);
    this.cy.off('drag', 'node', this.onDrag);
    this.cy.off('free', 'node', this.onFree);
    this.canvas.remove();
  }
}

export interface Extent {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

type Point = { x: number; y: number };

/** The part of the segment from `a` to `b` inside `extent` (Liang–Barsky), or undefined when none is. */
export function clip(a: Point, b: Point, extent: Extent): [Point, Point] | undefined {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let enter = 0;
  let leave = 1;
  for (const [p, q] of [
    [-dx, a.x - extent.x1],
    [dx, extent.x2 - a.x],
    [-dy, a.y - extent.y1],
    [dy, extent.y2 - a.y],
  ] as const) {
    if (p === 0) {
      if (q < 0) return undefined;
      continue;
    }
    const t = q / p;
    if (p < 0) enter = Math.max(enter, t);
    else leave = Math.min(leave, t);
    if (enter > leave) return undefined;
  }
  return [
    { x: a.x + enter * dx, y: a.y + enter * dy },
    { x: a.x + leave * dx, y: a.y + leave * dy },
  ];
}

function strokeAll(context: CanvasRenderingContext2D, ends: ReadonlyArray<readonly [Point, Point]>): void {
  if (ends.length === 0) return;
  context.beginPath();
  for (const [a, b] of ends) {
    context.moveTo(a.x, a.y);
    context.lineTo(b.x, b.y);
  }
  context.stroke();
}
