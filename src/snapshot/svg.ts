import { xmlText } from '../exports/text.ts';
import type { GraphDocument } from '../schema/graph.ts';
import { byCodePoint } from '../build/text/order.ts';
import { hubIds } from '../view/hubs.ts';
import { Kinds, SHAPE_OUTLINE } from '../view/kind-style.ts';
import type { LabelLevel } from '../view/view.ts';
import { placeLabels, type LabelRequest } from './label-placement.ts';
import { shorten, textWidth } from './text-width.ts';

export interface SnapshotInput {
  /** The nodes and edges to draw; every node needs a position. */
  graph: GraphDocument;
  theme: 'light' | 'dark';
  labels: LabelLevel;
  title: string;
  subtitle: string;
  /** Drawn with the ring the explorer gives the selection. */
  selected?: string;
}

const PALETTE = {
  light: { background: '#ffffff', text: '#1f2933', muted: '#52606d', edgeOpacity: 0.6, selection: '#c2410c', nodeStroke: '#ffffff' },
  dark: { background: '#0d1117', text: '#e6edf3', muted: '#9aa5b1', edgeOpacity: 0.7, selection: '#ffd166', nodeStroke: '#0d1117' },
} as const;

const FONT = "DejaVu Sans, Verdana, 'Segoe UI', Arial, sans-serif";
const LABEL_SIZE = 11;
const LABEL_CHARS = 32;
const MARGIN = 20;
const HEADER = 56;
/** The widest drawing the graph is scaled down to. */
const MAX_DRAWING = { width: 1100, height: 860 };

/** Numbers as SVG writes them: at most one decimal, no trailing zero, no `-0`. */
function num(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** The outline of a node shape centred on (x, y) with radius r, as an SVG element. */
function shapeElement(shape: string, x: number, y: number, r: number, attributes: string): string {
  const outline = SHAPE_OUTLINE[shape as keyof typeof SHAPE_OUTLINE] ?? SHAPE_OUTLINE.ellipse;
  if ('ellipse' in outline) return `<circle cx="${num(x)}" cy="${num(y)}" r="${num(r)}" ${attributes}/>`;
  const at = (u: number): number => -r + (2 * r * u) / 100;
  if ('rectangle' in outline) {
    const { inset, radius } = outline.rectangle;
    const side = 2 * r * (1 - (2 * inset) / 100);
    const corner = radius > 0 ? ` rx="${num((side * radius) / 100)}"` : '';
    return `<rect x="${num(x + at(inset))}" y="${num(y + at(inset))}" width="${num(side)}" height="${num(side)}"${corner} ${attributes}/>`;
  }
  const points = outline.polygon.map(([u, v]) => `${num(x + at(u))},${num(y + at(v))}`).join(' ');
  return `<polygon points="${points}" ${attributes}/>`;
}

function dash(line: string): string {
  return line === 'dashed' ? ' stroke-dasharray="6 4"' : line === 'dotted' ? ' stroke-dasharray="1.5 3"' : '';
}

/**
 * A view of the graph as a self-contained SVG: kind colours and shapes as the explorer draws
 * them, labels that do not overlap (those with no free spot are left out), a title and a legend.
 * No scripts, filters, fonts or external references, so places that only show images (GitHub's
 * image proxy, say) show it. The same input gives the same bytes.
 */
export function renderSnapshotSvg(input: SnapshotInput): string {
  const { graph, theme } = input;
  const colours = PALETTE[theme];
  const kinds = new Kinds(graph.kinds);
  const nodes = [...graph.nodes].sort((a, b) => byCodePoint(a.id, b.id));
  const edges = [...graph.edges].sort((a, b) => byCodePoint(a.source, b.source) || byCodePoint(a.target, b.target) || byCodePoint(a.kind, b.kind));
  const degree = new Map<string, number>();
  for (const edge of edges) {
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
  }
  for (const node of nodes) if (!node.position) throw new Error(`snapshot: node ${node.id} has no position; lay the view out first`);

  // Scale the layout into the drawing area, never enlarging it past 1.5.
  const xs = nodes.map((node) => node.position!.x);
  const ys = nodes.map((node) => node.position!.y);
  const [minX, maxX, minY, maxY] = nodes.length ? [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)] : [0, 0, 0, 0];
  const scale = Math.min(1.5, MAX_DRAWING.width / Math.max(1, maxX - minX), MAX_DRAWING.height / Math.max(1, maxY - minY));
  const radius = (id: string): number => Math.min(16, 5 + 1.6 * Math.sqrt(degree.get(id) ?? 0));
  const place = new Map(nodes.map((node) => [node.id, { x: (node.position!.x - minX) * scale, y: (node.position!.y - minY) * scale, r: radius(node.id) }]));

  const hubs = hubIds(nodes.map((node) => node.id), (id) => degree.get(id) ?? 0);
  const labelled = input.labels === 'none' ? [] : nodes.filter((node) => input.labels === 'all' || hubs.has(node.id) || node.id === input.selected);
  const labelText = new Map(labelled.map((node) => [node.id, shorten(node.label, LABEL_CHARS)]));
  const requests: LabelRequest[] = labelled
    .sort((a, b) => Number(b.id === input.selected) - Number(a.id === input.selected) || (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || byCodePoint(a.id, b.id))
    .map((node) => {
      const p = place.get(node.id)!;
      return { id: node.id, x: p.x, y: p.y, radius: p.r, width: textWidth(labelText.get(node.id)!, LABEL_SIZE) + 4, height: LABEL_SIZE * 1.3 };
    });
  const labels = placeLabels(requests, nodes.map((node) => ({ id: node.id, ...place.get(node.id)!, radius: place.get(node.id)!.r })));

  // The drawing's extent: nodes and the labels placed around them.
  let left = 0;
  let top = 0;
  let right = 0;
  let bottom = 0;
  for (const p of place.values()) {
    left = Math.min(left, p.x - p.r);
    top = Math.min(top, p.y - p.r);
    right = Math.max(right, p.x + p.r);
    bottom = Math.max(bottom, p.y + p.r);
  }
  for (const { box } of labels) {
    left = Math.min(left, box.x);
    top = Math.min(top, box.y);
    right = Math.max(right, box.x + box.width);
    bottom = Math.max(bottom, box.y + box.height);
  }
  const width = Math.ceil(Math.max(right - left + 2 * MARGIN, 520));
  const offsetX = MARGIN - left + (width - (right - left + 2 * MARGIN)) / 2;
  const offsetY = HEADER - top;
  const at = (p: { x: number; y: number }): { x: number; y: number } => ({ x: p.x + offsetX, y: p.y + offsetY });

  const legend = legendOf(graph, kinds, colours.text, width);
  const legendTop = bottom + offsetY + MARGIN;
  const height = Math.ceil(legendTop + legend.height + MARGIN);

  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="title desc" font-family="${xmlText(FONT)}">`);
  out.push(`<title id="title">${xmlText(input.title)}</title>`);
  out.push(`<desc id="desc">${xmlText(`${input.subtitle}. Nodes: ${nodes.map((node) => node.label).join('; ')}`)}</desc>`);
  out.push(`<rect width="100%" height="100%" fill="${colours.background}"/>`);
  out.push(`<text x="${MARGIN}" y="26" font-size="16" font-weight="bold" fill="${colours.text}">${xmlText(input.title)}</text>`);
  out.push(`<text x="${MARGIN}" y="44" font-size="11" fill="${colours.muted}">${xmlText(input.subtitle)}</text>`);
  out.push(`<g stroke-width="1.2" stroke-opacity="${colours.edgeOpacity}">`);
  for (const edge of edges) {
    const a = place.get(edge.source);
    const b = place.get(edge.target);
    if (!a || !b || edge.source === edge.target) continue;
    const info = kinds.edge(edge.kind);
    const [p, q] = [at(a), at(b)];
    out.push(`<line x1="${num(p.x)}" y1="${num(p.y)}" x2="${num(q.x)}" y2="${num(q.y)}" stroke="${info.color}"${dash(info.line)}/>`);
  }
  out.push('</g>');
  out.push(`<g stroke="${colours.nodeStroke}" stroke-width="1">`);
  for (const node of nodes) {
    const p = place.get(node.id)!;
    const c = at(p);
    const info = kinds.node(node.kind);
    if (node.id === input.selected) out.push(`<circle cx="${num(c.x)}" cy="${num(c.y)}" r="${num(p.r + 4)}" fill="none" stroke="${colours.selection}" stroke-width="3"/>`);
    out.push(shapeElement(info.shape, c.x, c.y, p.r, `fill="${info.color}"`));
  }
  out.push('</g>');
  out.push(`<g font-size="${LABEL_SIZE}" fill="${colours.text}" stroke="${colours.background}" stroke-width="3" stroke-linejoin="round" paint-order="stroke">`);
  for (const { id, box } of [...labels].sort((a, b) => byCodePoint(a.id, b.id))) {
    const text = labelText.get(id)!;
    const x = box.x + offsetX + 2;
    const baseline = box.y + offsetY + LABEL_SIZE * 0.98;
    out.push(`<text x="${num(x)}" y="${num(baseline)}" textLength="${num(box.width - 4)}" lengthAdjust="spacingAndGlyphs">${xmlText(text)}</text>`);
  }
  out.push('</g>');
  out.push(`<g transform="translate(${MARGIN} ${num(legendTop)})" font-size="11" fill="${colours.text}">${legend.body}</g>`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** The kinds and relations drawn, each with its swatch, in rows that wrap at the picture's width. */
function legendOf(graph: GraphDocument, kinds: Kinds, text: string, width: number): { body: string; height: number } {
  const nodeCounts = new Map<string, number>();
  for (const node of graph.nodes) nodeCounts.set(node.kind, (nodeCounts.get(node.kind) ?? 0) + 1);
  const edgeKinds = new Set(graph.edges.map((edge) => edge.kind));
  const items: Array<{ swatch: (x: number, y: number) => string; label: string }> = [];
  for (const kind of [...nodeCounts.keys()].sort((a, b) => kinds.order(a) - kinds.order(b) || byCodePoint(a, b))) {
    const info = kinds.node(kind);
    items.push({ swatch: (x, y) => shapeElement(info.shape, x + 6, y, 6, `fill="${info.color}"`), label: `${info.label} (${nodeCounts.get(kind)})` });
  }
  for (const kind of [...edgeKinds].sort(byCodePoint)) {
    const info = kinds.edge(kind);
    items.push({ swatch: (x, y) => `<line x1="${num(x)}" y1="${num(y)}" x2="${num(x + 14)}" y2="${num(y)}" stroke="${info.color}" stroke-width="2"${dash(info.line)}/>`, label: info.label });
  }
  const rowHeight = 18;
  const usable = width - 2 * MARGIN;
  let x = 0;
  let y = 6;
  const body: string[] = [];
  for (const item of items) {
    const itemWidth = 20 + textWidth(item.label, 11) + 16;
    if (x > 0 && x + itemWidth > usable) {
      x = 0;
      y += rowHeight;
    }
    body.push(item.swatch(x, y));
    body.push(`<text x="${num(x + 20)}" y="${num(y + 4)}" fill="${text}" textLength="${num(textWidth(item.label, 11))}" lengthAdjust="spacingAndGlyphs">${xmlText(item.label)}</text>`);
    x += itemWidth;
  }
  return { body: body.join(''), height: items.length ? y + 10 : 0 };
}
