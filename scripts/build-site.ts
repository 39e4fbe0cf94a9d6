import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeOutputs } from '../src/build/emit.ts';
import { buildGraph } from '../src/build/pipeline.ts';
import { buildApp } from './lib/build-app.ts';
import { chooseRepo } from './lib/choose-repo.ts';
import { buildOptionsFrom, CONFIG_OPTIONS, loadConfig } from './lib/config.ts';

/** `npm run build`: the static site into dist/, with the graph of the chosen repository in dist/data/. */
const { values } = parseArgs({ options: { repo: { type: 'string' }, out: { type: 'string', default: 'dist' }, ...CONFIG_OPTIONS } });
const log = (line: string): void => void process.stderr.write(`${line}\n`);
const projectRoot = resolve(import.meta.dirname, '..');
const outDir = resolve(projectRoot, values.out);

try {
  const repo = await chooseRepo(values.repo, log);
  const config = await loadConfig(values, repo.path);
  await buildApp(outDir);
  log(`building the graph of ${repo.path} (${repo.reason})…`);
  const output = await buildGraph({ repo: repo.path, ...(repo.repoUrl ? { repoUrl: repo.repoUrl } : {}), ...buildOptionsFrom(config, repo.path, values) });
  await writeOutputs(resolve(outDir, 'data'), output.files);
  log(`site written to ${outDir}: ${output.graph.nodes.length} nodes, ${output.graph.edges.length} edges`);
} catch (error) {
  log(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
