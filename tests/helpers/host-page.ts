import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostPage {
  url: string;
  close(): Promise<void>;
}

/**
 * A docs page on its own origin (its own port) that embeds one view of the site at `siteUrl`
 * twice, as another site would: in a frame sized by the resize script, and as the web component.
 */
export async function serveHostPage(siteUrl: string, view: { node: string; focus: boolean; depth: number }, themes: { frame: string; component: string }): Promise<HostPage> {
  const query = new URLSearchParams({ node: view.node, ...(view.focus ? { focus: '1' } : {}), depth: String(view.depth), theme: themes.frame }).toString();
  const attribute = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host docs page</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>:root { color-scheme: light dark; } body { font: 16px/1.5 system-ui, sans-serif; max-width: 760px; margin: 2rem auto; padding: 0 1rem; } iframe { width: 100%; border: 0; }</style>
<script type="module" src="${siteUrl}embed/resize.js"></script>
<script type="module" src="${siteUrl}embed/tag-graph.js"></script></head>
<body><main><h1>Supply chain work</h1><p>Who works on this, and what it connects to, live from the graph:</p>
<iframe id="frame" title="${attribute(view.node)} neighbourhood" src="${attribute(`${siteUrl}embed.html?${query}`)}" loading="eager"></iframe>
<p>The same view as a web component:</p>
<tag-graph id="component" data="${attribute(`${siteUrl}data/`)}" node="${attribute(view.node)}"${view.focus ? ' focus="1"' : ''} depth="${view.depth}" theme="${attribute(themes.component)}"></tag-graph>
</main></body></html>`;
  const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
