import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Writes every file into a fresh folder beside `outDir`, then moves each into place with an
 * atomic rename: a build that fails before this point leaves the previous output untouched,
 * and a reader never sees a half-written file.
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
}
