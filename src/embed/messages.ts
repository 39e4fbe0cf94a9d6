/**
 * What an embed page tells the page that frames it. Isomorphic: the embed sends it, the host's
 * resize script reads it, and both check it the same way.
 */
export const HEIGHT_MESSAGE = 'tag-graph:height';

export interface HeightMessage {
  type: typeof HEIGHT_MESSAGE;
  /** The content's height in CSS pixels. */
  height: number;
}

export function isHeightMessage(value: unknown): value is HeightMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  return message['type'] === HEIGHT_MESSAGE && typeof message['height'] === 'number' && Number.isFinite(message['height']) && message['height'] >= 0;
}
