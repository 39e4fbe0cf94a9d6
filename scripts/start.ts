import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createServer } from 'vite';
import { writeOutputs } from '../src/build/emit.ts';
import { buildGraph } from '../src/build/pipeline.ts';
import { chooseRepo } from './lib/choose-repo.ts';
import { buildOptionsFrom, CONFIG_OPTIONS, loadConfig } from './lib/config.ts';

/** `npm start`: build the graph of a repository, then serve the explorer on it. */
const { values } = parseArgs({ options: { repo: { type: 'string' }, port: { type: 'string', default: '5173' }, ...CONFIG_OPTIONS } });
const log = (line: string): void => void process.stderr.write(`${line}\n`);
const projectRoot = resolve(import.meta.dirname, '..');

try {
  const repo = await chooseRepo(values.repo, log);
  log(`building the graph of ${repo.path} (${repo.reason})…`);
  const config = await loadConfig(values, repo.path);
  const output = await buildGraph({ repo: repo.path, ...(repo.repoUrl ? { repoUrl: repo.repoUrl } : {}), ...buildOptionsFrom(config, repo.path, values) });
  await writeOutputs(resolve(projectRoot, 'public/data'), output.files);
  log(`${output.graph.nodes.length} nodes, ${output.graph.edges.length} edges, ${output.report.brokenLinks.length} broken links`);
  const server = await createServer({ root: projectRoot, server: { port: Number(values.port) } });
  await server.listen();
  server.printUrls();
} catch (error) {
  log(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
