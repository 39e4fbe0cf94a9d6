import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Relative asset paths: the built site works from any folder (a GitHub Pages subpath, say).
  base: './',
  plugins: [svelte()],
  worker: { format: 'es' },
  // Two pages: the explorer, and embed.html (one view, for an iframe on another site).
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1200, rollupOptions: { input: { index: 'index.html', embed: 'embed.html' } } },
  test: {
    testTimeout: 120_000,
    hookTimeout: 180_000,
    projects: [
      { extends: true, test: { name: 'node', include: ['tests/**/*.test.ts'], exclude: ['tests/components/**'] } },
      // Components run in a DOM with Svelte's browser build.
      { extends: true, resolve: { conditions: ['browser'] }, test: { name: 'components', include: ['tests/components/**/*.test.ts'], environment: 'happy-dom' } },
    ],
  },
});
