/**
 * A canvas of our own over the graph's container, at the stacking level `zIndex` among
 * cytoscape's (whose container sits at 0): `below` puts it before cytoscape's canvases, so they
 * paint over it. It takes no pointer events and is hidden from assistive technology.
 */
export function layerCanvas(container: HTMLElement, testId: string, zIndex: number, below = false): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.setAttribute('aria-hidden', 'true');
  canvas.dataset['testid'] = testId;
  Object.assign(canvas.style, { position: 'absolute', inset: '0', pointerEvents: 'none', zIndex: String(zIndex) });
  if (getComputedStyle(container).position === 'static') container.style.position = 'relative';
  if (below) container.prepend(canvas);
  else container.append(canvas);
  return canvas;
}

/** Sizes the canvas to `width` × `height` CSS pixels at the screen's pixel ratio (only when that changed), and returns the ratio. */
export function fitCanvas(canvas: HTMLCanvasElement, width: number, height: number): number {
  const ratio = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
  }
  return ratio;
}
