import { join, resolve } from 'node:path';
import { build } from 'vite';

const projectRoot = resolve(import.meta.dirname, '../..');

/**
 * The static site without data: the explorer and embed.html (vite.config.ts), then the embed
 * scripts other sites load, into embed/ (vite.embed.config.ts).
 */
export async function buildApp(outDir: string, options: { copyPublicDir?: boolean; logLevel?: 'warn' | 'error' } = {}): Promise<void> {
  const logLevel = options.logLevel ?? 'warn';
  await build({ root: projectRoot, build: { outDir, emptyOutDir: true, copyPublicDir: options.copyPublicDir ?? true }, logLevel });
  await build({ root: projectRoot, configFile: join(projectRoot, 'vite.embed.config.ts'), build: { outDir: join(outDir, 'embed') }, logLevel });
}
