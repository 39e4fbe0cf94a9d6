import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Writes every file into a fresh folder beside `outDir`, then moves each into place with an
 * atomic rename: a build that fails before this point leaves the previous output untouched,
 * and a reader never sees a half-written file. A folder below `outDir` that the build writes
 * into is the build's own (search index shards, views): files in it that this build did not
 * write are left from an older one and removed.
 */
export async function writeOutputs(outDir: string, files: ReadonlyMap<string, string>): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const staging = join(outDir, `.staging-${process.pid}-${Date.now()}`);
  await mkdir(staging);
  try {
    // Names may hold folders (views/<name>.svg).
    for (const [name, content] of files) {
      await mkdir(dirname(join(staging, name)), { recursive: true });
      await writeFile(join(staging, name), content);
    }
    for (const name of files.keys()) {
      await mkdir(dirname(join(outDir, name)), { recursive: true });
      await rename(join(staging, name), join(outDir, name));
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  const written = new Set([...files.keys()].map((name) => join(outDir, name)));
  const folders = new Set([...written].map((path) => dirname(path)).filter((folder) => folder !== join(outDir)));
  for (const folder of folders) {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isFile() && !written.has(path)) await rm(path, { force: true });
    }
  }
}
