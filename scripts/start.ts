import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createServer } from 'vite';
import { writeOutputs } from '../src/build/emit.ts';
import { buildGraph, type BuildOptions } from '../src/build/pipeline.ts';
import { chooseRepo } from './lib/choose-repo.ts';
import { buildOptionsFrom, CONFIG_OPTIONS, loadConfig } from './lib/config.ts';
import { startWatching } from './lib/watch.ts';

/**
 * `npm start`: build the graph of a repository, serve the explorer on it, and rebuild whenever
 * a file of the repository changes; the open page takes the new data without reloading.
 */
const { values } = parseArgs({
  options: { repo: { type: 'string' }, port: { type: 'string', default: '5173' }, 'no-watch': { type: 'boolean' }, 'public-dir': { type: 'string', default: 'public' }, ...CONFIG_OPTIONS },
});
const log = (line: string): void => void process.stderr.write(`${line}\n`);
const projectRoot = resolve(import.meta.dirname, '..');
// The data is written into the folder the dev server serves as the site's root (`public/` by default).
const publicDir = resolve(projectRoot, values['public-dir']);
const dataDir = resolve(publicDir, 'data');

try {
  const repo = await chooseRepo(values.repo, log);
  const config = await loadConfig(values, repo.path);
  const options: BuildOptions = { repo: repo.path, ...(repo.repoUrl ? { repoUrl: repo.repoUrl } : {}), ...buildOptionsFrom(config, repo.path, values) };
  log(`building the graph of ${repo.path} (${repo.reason})…`);
  const output = await buildGraph(options);
  await writeOutputs(dataDir, output.files);
  log(`${output.graph.nodes.length} nodes, ${output.graph.edges.length} edges, ${output.report.brokenLinks.length} broken links`);
  const server = await createServer({ root: projectRoot, publicDir, server: { port: Number(values.port), strictPort: true } });
  await server.listen();
  server.printUrls();
  if (!values['no-watch']) {
    await startWatching({
      options,
      out: dataDir,
      initial: output,
      notify: (what, changed) => server.ws.send({ type: 'custom', event: `tag-graph:${what}`, data: { changed } }),
      log,
    });
    log(`watching ${repo.path} for changes`);
  }
} catch (error) {
  log(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
