import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm run graph` as package.json says it (`node [V8 options] script entry`), for benchmarks
 * and tests that run the build as users do, without npm's own start-up: the arguments to give
 * node, the script and entry as absolute paths. One reading, so a changed flag reaches them all.
 */
export function graphCommandArgs(root: string): { nodeOptions: string[]; script: string[] } {
  const [runner, ...words] = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['graph']!.split(' ');
  if (runner !== 'node') throw new Error(`package.json: the graph script runs ${runner}, not node`);
  return { nodeOptions: words.filter((word) => word.startsWith('-')), script: words.filter((word) => !word.startsWith('-')).map((word) => join(root, word)) };
}
