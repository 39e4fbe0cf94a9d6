/**
 * Where node labels go in a static picture: each label tries spots around its node and
 * takes the first that covers no other label and no other node; a label with no free spot is
 * left out rather than drawn over another. Pure and deterministic: the order of the candidates
 * decides who wins (the caller puts the selection and hubs first).
 */

import { BoxIndex, type Box } from './box-index.ts';

export interface LabelRequest {
  id: string;
  /** The node's centre and radius. */
  x: number;
  y: number;
  radius: number;
  width: number;
  height: number;
}

export interface PlacedLabel {
  id: string;
  box: Box;
}

/**
 * Below, above, right, left of the node, then the four corners, then the same again a line
 * further out: a crowded node still finds a spot nearby before it goes unlabelled.
 */
function spots(request: LabelRequest): Box[] {
  const { x, y, radius, width, height } = request;
  const boxes: Box[] = [];
  for (const gap of [2, 2 + height]) {
    const near = radius + gap;
    boxes.push(
      { x: x - width / 2, y: y + near, width, height },
      { x: x - width / 2, y: y - near - height, width, height },
      { x: x + near, y: y - height / 2, width, height },
      { x: x - near - width, y: y - height / 2, width, height },
      { x: x + near * 0.7, y: y + near * 0.7, width, height },
      { x: x + near * 0.7, y: y - near * 0.7 - height, width, height },
      { x: x - near * 0.7 - width, y: y + near * 0.7, width, height },
      { x: x - near * 0.7 - width, y: y - near * 0.7 - height, width, height },
    );
  }
  return boxes;
}

/**
 * Places labels in the order given. `nodes` are the obstacles (every node drawn, labelled or
 * not); a label may touch its own node only.
 */
export function placeLabels(requests: readonly LabelRequest[], nodes: ReadonlyArray<{ id: string; x: number; y: number; radius: number }>): PlacedLabel[] {
  const index = new BoxIndex(64);
  for (const node of nodes) index.add({ x: node.x - node.radius, y: node.y - node.radius, width: 2 * node.radius, height: 2 * node.radius }, node.id);
  const placed: PlacedLabel[] = [];
  for (const request of requests) {
    const box = spots(request).find((spot) => !index.hits(spot, request.id));
    if (!box) continue;
    index.add(box, request.id);
    placed.push({ id: request.id, box });
  }
  return placed;
}
