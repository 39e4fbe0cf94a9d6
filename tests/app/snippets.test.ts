import { describe, expect, it } from 'vitest';
import { embedSnippets, viewName } from '../../src/view/snippets.ts';
import { defaultViewState, readView } from '../../src/view/view.ts';

const site = 'https://example.org/graph/';
const view = { ...defaultViewState(['external']), selected: 'doc:a "b" & <c>.md', focus: true, depth: 2 as const, query: 'typed search', mode: 'list' as const, theme: 'dark' as const, labels: 'hubs' as const };

describe('embed snippets', () => {
  const snippets = embedSnippets({ site, view, defaultHidden: ['external'], name: viewName(view), title: 'A "b" & <c>' });

  it('links the explorer at the whole view, and embeds the graph part of it only', () => {
    expect(snippets.link).toBe(`${site}?node=doc%3Aa+%22b%22+%26+%3Cc%3E.md&focus=1&depth=2&q=typed+search&view=list&theme=dark&labels=hubs`);
    expect(snippets.embedUrl).toBe(`${site}embed.html?node=doc%3Aa+%22b%22+%26+%3Cc%3E.md&focus=1&depth=2&theme=dark&labels=hubs`);
    expect(readView(new URL(snippets.embedUrl).search).problems).toEqual([]);
  });

  it('escapes every value it writes into markup', () => {
    expect(snippets.iframe.split('\n')[0]).toBe(`<iframe src="${site}embed.html?node=doc%3Aa+%22b%22+%26+%3Cc%3E.md&amp;focus=1&amp;depth=2&amp;theme=dark&amp;labels=hubs" title="A &quot;b&quot; &amp; &lt;c&gt;" style="width: 100%; height: 480px; border: 0" loading="lazy"></iframe>`);
    expect(snippets.component).toBe(
      `<script type="module" src="${site}embed/tag-graph.js"></script>\n<tag-graph data="${site}data/" node="doc:a &quot;b&quot; &amp; &lt;c&gt;.md" focus="1" depth="2" theme="dark" labels="hubs"></tag-graph>`,
    );
    expect(snippets.picture).toContain(`<img alt="A &quot;b&quot; &amp; &lt;c&gt;" src="${site}data/views/a-b-c-md.light.svg">`);
  });

  it('declares the view for the build and names the command that draws it', () => {
    expect(JSON.parse(snippets.config)).toEqual({ views: { 'a-b-c-md': 'node=doc%3Aa+%22b%22+%26+%3Cc%3E.md&focus=1&depth=2&theme=dark&labels=hubs' } });
    expect(snippets.command).toBe('npm run snapshot -- --view "node=doc%3Aa+%22b%22+%26+%3Cc%3E.md&focus=1&depth=2&theme=dark&labels=hubs" --out a-b-c-md.svg');
    expect(viewName(defaultViewState())).toBe('graph');
  });
});
