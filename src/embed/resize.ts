import { isHeightMessage } from './messages.ts';

/**
 * For pages that frame embed.html: include this module once and every such frame takes the
 * height its content reports. A message counts only from a frame of this page, matched by its
 * window, so no other page or script can resize anything.
 */
window.addEventListener('message', (event: MessageEvent) => {
  if (!isHeightMessage(event.data)) return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === event.source) frame.style.height = `${event.data.height}px`;
  }
});
