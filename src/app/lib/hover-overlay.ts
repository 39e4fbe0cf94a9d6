import type { Core, NodeSingular } from 'cytoscape';
import { fitCanvas, layerCanvas } from './layer-canvas.ts';

/** An edge at the hovered node, as the overlay draws it: its ends (node ids), colour and relation. */
export interface HoverEdge {
  source: string;
  target: string;
  color: string;
  relation: string;
}

/**
 * The hovered node's neighbourhood, drawn on a canvas of its own over cytoscape's: its edges
 * thicker and labelled with their relation, its nodes ringed and named. Cytoscape's canvas
 * renderer redraws every element whenever one changes style, so marking the neighbourhood with
 * classes cost a full redraw per hover (a p95 frame of 50 ms on the corpus, 367 ms at ten times
 * its size, npm run bench:app and bench:scale); this draws only the neighbourhood. Its edges
 * come from the view (`edgesAt`), since a large view's edges are not cytoscape's (edge-layer.ts).
 */
export class HoverOverlay {
  private readonly canvas: HTMLCanvasElement;
  private node: NodeSingular | undefined;
  private readonly redraw = (): void => this.draw();

  constructor(
    container: HTMLElement,
    private readonly cy: Core,
    private dark: boolean,
    private readonly edgesAt: (id: string) => readonly HoverEdge[],
  ) {
    this.canvas = layerCanvas(container, 'hover-layer', 2);
    // The neighbourhood follows the graph while it pans and zooms.
    cy.on('viewport', this.redraw);
  }

  show(node: NodeSingular | undefined): void {
    this.node = node;
    this.draw();
  }

  setTheme(dark: boolean): void {
    this.dark = dark;
    this.draw();
  }

  private draw(): void {
    const { canvas, cy } = this;
    const width = cy.width();
    const height = cy.height();
    const ratio = fitCanvas(canvas, width, height);
    const context = canvas.getContext('2d');
    if (!context) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    const node = this.node;
    if (!node || node.removed() || !node.visible()) return;
    const text = this.dark ? '#e6e6e6' : '#1f2933';
    const halo = this.dark ? '#111418' : '#ffffff';
    const drawn = this.edgesAt(node.id()).flatMap((edge) => {
      const source = cy.getElementById(edge.source);
      const target = cy.getElementById(edge.target);
      return source.nonempty() && target.nonempty() ? [{ ...edge, a: source.renderedPosition(), b: target.renderedPosition() }] : [];
    });
    context.lineCap = 'round';
    for (const { a, b, color } of drawn) {
      context.strokeStyle = color;
      context.lineWidth = 2.5;
      context.beginPath();
      context.moveTo(a.x, a.y);
      context.lineTo(b.x, b.y);
      context.stroke();
    }
    const label = (value: string, x: number, y: number, size: number): void => {
      context.font = `${size}px system-ui, sans-serif`;
      context.textAlign = 'center';
      context.textBaseline = 'top';
      context.lineJoin = 'round';
      context.lineWidth = 3;
      context.strokeStyle = halo;
      context.strokeText(value, x, y);
      context.fillStyle = text;
      context.fillText(value, x, y);
    };
    for (const { a, b, relation } of drawn) label(relation, (a.x + b.x) / 2, (a.y + b.y) / 2 - 6, 10);
    const neighbours = new Set([node.id(), ...drawn.flatMap((edge) => [edge.source, edge.target])]);
    for (const id of neighbours) {
      const other = cy.getElementById(id);
      if (other.empty() || !other.visible()) continue;
      const { x, y } = other.renderedPosition();
      const radius = other.renderedWidth() / 2 + 2;
      context.strokeStyle = text;
      context.lineWidth = id === node.id() ? 3 : 2;
      context.beginPath();
      context.arc(x, y, radius, 0, 2 * Math.PI);
      context.stroke();
      // Where cytoscape draws the label (text-margin-y 3), so this one covers it.
      label(other.data('caption') as string, x, y + other.renderedWidth() / 2 + 3 * cy.zoom(), 12);
    }
  }

  destroy(): void {
    this.cy.off('viewport', this.redraw);
    this.canvas.remove();
  }
}
