import { dataUrl, DataError, loadGraph } from '../app/lib/load-data.ts';
import { mountEmbed, mountMessage, type EmbedTarget } from './embed-view.ts';
import { HEIGHT_MESSAGE, type HeightMessage } from './messages.ts';

/**
 * embed.html: one view of the graph, chosen by the query string, for an iframe on another site.
 * It loads the graph only (no search index, no report) and tells the framing page its height
 * whenever that changes, so the host's resize script can fit the frame to it.
 */
const root = document.getElementById('embed');
if (!root) throw new Error('embed.html has no #embed element');
const target: EmbedTarget = { root, explorer: new URL('./', document.baseURI).href };

function reportHeight(): void {
  if (window.parent === window) return;
  const message: HeightMessage = { type: HEIGHT_MESSAGE, height: Math.ceil(document.documentElement.getBoundingClientRect().height) };
  // Only a height leaves the frame, so any host may read it.
  window.parent.postMessage(message, '*');
}
new ResizeObserver(reportHeight).observe(document.documentElement);

loadGraph(dataUrl('graph.json'))
  .then((graph) => {
    document.title = `${graph.repo.name} · graph view`;
    mountEmbed(target, graph, window.location.search);
  })
  .catch((failure: unknown) => {
    mountMessage(target, 'The graph could not be loaded', [failure instanceof DataError || failure instanceof Error ? failure.message : String(failure)]);
  });
