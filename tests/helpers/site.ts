import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp as buildStaticApp } from '../../scripts/lib/build-app.ts';
import { writeOutputs } from '../../src/build/emit.ts';
import { buildGraph } from '../../src/build/pipeline.ts';

/** Builds the static app once into a temporary folder (without data) and returns its path. */
export async function buildApp(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'explorer-app-'));
  await buildStaticApp(outDir, { copyPublicDir: false, logLevel: 'error' });
  return outDir;
}

/** Builds the graph of `repo` into a temporary data folder and returns its path. */
export async function buildData(repo: string, options: { repoUrl?: string; ref?: string } = {}): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'explorer-data-'));
  const output = await buildGraph({ repo, ...options });
  await writeOutputs(outDir, output.files);
  return outDir;
}
