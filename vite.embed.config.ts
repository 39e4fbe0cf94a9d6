import { defineConfig } from 'vite';

/**
 * The embed scripts other sites load: the <tag-graph> web component (cytoscape bundled, one ES
 * module) and the resize script for pages that frame embed.html. Written into the site's embed/.
 */
export default defineConfig({
  base: './',
  publicDir: false,
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'dist/embed',
    emptyOutDir: false,
    copyPublicDir: false,
    // Vite leaves a library's ES output unminified (for bundlers downstream); these go straight to browsers.
    rolldownOptions: { output: { minify: true } },
    lib: { entry: { 'tag-graph': 'src/embed/tag-graph.ts', resize: 'src/embed/resize.ts' }, formats: ['es'], fileName: (_format, name) => `${name}.js` },
  },
});
