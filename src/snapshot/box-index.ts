/** Axis-aligned boxes and a grid index of them: how both kinds of label placement test for room. */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** A uniform grid of buckets, so each box is tested only against those near it. */
export class BoxIndex {
  private readonly cells = new Map<string, Array<{ box: Box; owner: string }>>();
  constructor(private readonly size: number) {}

  private keys(box: Box): string[] {
    const keys: string[] = [];
    for (let cx = Math.floor(box.x / this.size); cx <= Math.floor((box.x + box.width) / this.size); cx += 1) {
      for (let cy = Math.floor(box.y / this.size); cy <= Math.floor((box.y + box.height) / this.size); cy += 1) keys.push(`${cx},${cy}`);
    }
    return keys;
  }

  add(box: Box, owner: string): void {
    for (const key of this.keys(box)) {
      const cell = this.cells.get(key);
      if (cell) cell.push({ box, owner });
      else this.cells.set(key, [{ box, owner }]);
    }
  }

  /** Whether the box meets anything not owned by `owner`. */
  hits(box: Box, owner: string): boolean {
    return this.keys(box).some((key) => (this.cells.get(key) ?? []).some((item) => item.owner !== owner && overlaps(item.box, box)));
  }
}
