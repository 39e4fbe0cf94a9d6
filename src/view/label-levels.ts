import { BoxIndex, type Box } from '../snapshot/box-index.ts';
import { textWidth } from '../snapshot/text-width.ts';

/**
 * Label level of detail for a zoomable graph, decided once per layout rather than on every
 * frame. Cytoscape draws a label's text in graph units and hides it while it would be drawn
 * smaller than `min-zoomed-font-size` on screen; so a label whose font is F graph units appears
 * from zoom READABLE / F on. The most important nodes get the largest fonts (they appear at the
 * overview), the rest smaller ones (they appear as you zoom in). Each level holds a bounded
 * number of labels (the overview the best-connected 2%, each further level three times as many
 * in all), so the overview names hubs rather than whatever fits. A node whose label would
 * cover another label at every size gets none (it shows on hover and selection). Labels may
 * cross nodes: in a dense centre, keeping clear of nodes too would leave its hubs unlabelled.
 * Positions and fonts are both in graph units, so labels that do not overlap at one zoom do not
 * overlap at any: labels never pile up, and zooming costs no restyle.
 */

/** The smallest label on screen, in CSS pixels: cytoscape's `min-zoomed-font-size`. */
export const READABLE_PX = 9;

export interface LabelNode {
  id: string;
  /** The label as drawn, on one line. */
  label: string;
  x: number;
  y: number;
  /** The node's drawn width and height. */
  size: number;
  /** Higher is labelled first, at the larger sizes. */
  importance: number;
}

/** Where a label is drawn, as the explorer draws it: centred under its node, one line, a small gap. */
export function labelBox(node: LabelNode, font: number): Box {
  const width = textWidth(node.label, font);
  return { x: node.x - width / 2, y: node.y + node.size / 2 + font * 0.3, width, height: font * 1.25 };
}

/**
 * The font size, in graph units, of each node's label; 0 for none. `overview` is the zoom at
 * which the whole drawing fits the screen: the first level of labels is readable there, and each
 * of the `levels - 1` further levels at twice the zoom of the one before.
 */
export function labelFontSizes(nodes: readonly LabelNode[], overview: number, levels = 5): Map<string, number> {
  const sizes = new Map<string, number>();
  if (nodes.length === 0 || !(overview > 0)) return sizes;
  const fonts = Array.from({ length: levels }, (_, level) => READABLE_PX / (overview * 2 ** level));
  const grid = new BoxIndex(Math.max(8, fonts[Math.min(2, levels - 1)]! * 6));
  const firstLevel = Math.max(12, Math.ceil(nodes.length * 0.02));
  const room = fonts.map((_, level) => firstLevel * 3 ** level);
  const placed = fonts.map(() => 0);
  const order = [...nodes].sort((a, b) => b.importance - a.importance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const node of order) {
    let chosen = 0;
    for (const [level, font] of fonts.entries()) {
      // Shown from this level on, it counts against this level's room and every later one's.
      if (room.slice(level).some((cap, later) => placed[level + later]! >= cap)) continue;
      const box = labelBox(node, font);
      if (!grid.hits(box, node.id)) {
        grid.add(box, node.id);
        for (let later = level; later < levels; later += 1) placed[later]! += 1;
        chosen = font;
        break;
      }
    }
    sizes.set(node.id, chosen);
  }
  return sizes;
}
