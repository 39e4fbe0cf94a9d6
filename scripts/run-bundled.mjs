// Runs a TypeScript entry point of the build as one bundled ES module, compiled with esbuild
// into .cache/bin/ first (tens of milliseconds). A cold `npm run graph` then starts in a
// fraction of the time a per-file TypeScript loader takes. Worker threads are bundled beside it.
//   node scripts/run-bundled.mjs scripts/build-graph.ts [args…]
import { build } from 'esbuild';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node scripts/run-bundled.mjs ENTRY.ts [args…]\n');
  process.exit(2);
}
const outdir = resolve(root, '.cache/bin');
await build({
  entryPoints: [
    { in: resolve(root, entry), out: basename(entry).replace(/\.ts$/, '') },
    { in: resolve(root, 'src/build/extract-worker.ts'), out: 'extract-worker' },
    { in: resolve(root, 'src/build/layout-worker.ts'), out: 'layout-worker' },
    { in: resolve(root, 'src/build/search-index-worker.ts'), out: 'search-index-worker' },
  ],
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outExtension: { '.js': '.mjs' },
  logLevel: 'error',
});
process.argv = [process.argv[0], resolve(outdir, basename(entry).replace(/\.ts$/, '.mjs')), ...args];
await import(pathToFileURL(process.argv[1]).href);
