// Runs a TypeScript entry point of the build as one bundled ES module, dependencies included,
// compiled with esbuild into .cache/bin/ENTRY/ (worker threads and lazily loaded libraries as
// chunks beside it; each entry in a folder of its own, so making one bundle never deletes
// another's, and a folder holds one bundle and nothing else, as the facts cache's code version
// assumes). A cold `npm run graph` then starts in a fraction of the time a per-file TypeScript
// loader takes, and loads one file instead of hundreds of small packages. The bundle is reused
// while no file it was made from (nor the lock file or this script) is newer than it.
//   node scripts/run-bundled.mjs scripts/build-graph.ts [args…]
import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node scripts/run-bundled.mjs ENTRY.ts [args…]\n');
  process.exit(2);
}
const name = basename(entry).replace(/\.ts$/, '');
const outdir = resolve(root, '.cache/bin', name);
const stampPath = resolve(outdir, `${name}.inputs.json`);
const alwaysInputs = ['package.json', 'package-lock.json', 'scripts/run-bundled.mjs'];

/** Whether the stamp exists and no input is newer; a missing input means the bundle is stale. */
function isFresh() {
  try {
    const stampTime = statSync(stampPath).mtimeMs;
    const inputs = JSON.parse(readFileSync(stampPath, 'utf8'));
    return [...alwaysInputs, ...inputs].every((input) => statSync(resolve(root, input)).mtimeMs <= stampTime);
  } catch {
    return false;
  }
}

if (!isFresh()) {
  // The stamp takes the time the build began: a file saved while it ran counts as newer.
  const startedAt = new Date();
  const { build } = await import('esbuild');
  // Chunk names carry content hashes: start empty so old ones do not pile up.
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    entryPoints: [
      { in: resolve(root, entry), out: name },
      { in: resolve(root, 'src/build/extract-worker.ts'), out: 'extract-worker' },
      { in: resolve(root, 'src/build/layout-worker.ts'), out: 'layout-worker' },
      { in: resolve(root, 'src/build/search-index-worker.ts'), out: 'search-index-worker' },
    ],
    outdir,
    // Input paths in the metafile are then relative to the project, as the freshness check reads them.
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    // Chunks sit beside the entries, so a worker's URL relative to any of them resolves alike.
    chunkNames: '[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // CommonJS packages inside an ES module bundle still call require().
    banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
    outExtension: { '.js': '.mjs' },
    metafile: true,
    logLevel: 'error',
  });
  writeFileSync(stampPath, `${JSON.stringify(Object.keys(result.metafile.inputs).sort())}\n`);
  utimesSync(stampPath, startedAt, startedAt);
}
process.argv = [process.argv[0], resolve(outdir, `${name}.mjs`), ...args];
await import(pathToFileURL(process.argv[1]).href);
