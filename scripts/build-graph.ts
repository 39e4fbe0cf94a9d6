import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeOutputs } from '../src/build/emit.ts';
import { buildGraph, type BuildOptions } from '../src/build/pipeline.ts';
import { runMain } from './lib/run-main.ts';
import { startWatching } from './lib/watch.ts';
import { buildOptionsFrom, CONFIG_OPTIONS, CONFIG_USAGE, loadConfig } from './lib/config.ts';

const USAGE = `usage: npm run graph -- --repo DIR [--out DIR] [--repo-url URL] [--ref REF]
                       [--profile NAME] [--config FILE] [--exclude GLOB]... [--cache DIR | --no-cache]
                       [--threads N] [--no-layout] [--stats FILE] [--watch] [--quiet]

Reads every markdown file of DIR and writes graph.json, search-index.json and report.json
into --out (default public/data). --no-layout skips node positions (the explorer then
has none to paint; for report-only runs such as link checking). --stats writes each
stage's wall time to FILE as JSON, and when each began, in ms since the process started.
--watch rebuilds whenever a file of DIR changes, keeping the positions of the nodes that
were there.
  ${CONFIG_USAGE}`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      repo: { type: 'string' },
      out: { type: 'string', default: 'public/data' },
      'repo-url': { type: 'string' },
      ref: { type: 'string' },
      ...CONFIG_OPTIONS,
      threads: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      'no-layout': { type: 'boolean', default: false },
      watch: { type: 'boolean', default: false },
      stats: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!values.repo) {
    process.stderr.write(`error: --repo is required\n${USAGE}\n`);
    return 2;
  }
  const config = await loadConfig(values, resolve(values.repo));
  const showProgress = !values.quiet && process.stderr.isTTY;
  const started = Date.now();
  // Since the process started (Node's own start-up and the bundle's compilation included).
  const stageStartMs: Record<string, number> = {};
  const options: BuildOptions = {
    repo: resolve(values.repo),
    ...(values['repo-url'] ? { repoUrl: values['repo-url'] } : {}),
    ...(values.ref ? { ref: values.ref } : {}),
    ...buildOptionsFrom(config, resolve(values.repo), values),
    ...(values.threads ? { threads: Number(values.threads) } : {}),
    layout: !values['no-layout'],
    onStage: (stage) => {
      stageStartMs[stage] ??= Math.round(performance.now());
      if (showProgress) process.stderr.write(`\r\x1b[K${stage}… ${((Date.now() - started) / 1000).toFixed(1)}s`);
    },
  };
  const output = await buildGraph(options);
  await writeOutputs(resolve(values.out), output.files);
  if (values.stats) await writeFile(resolve(values.stats), `${JSON.stringify({ timeByStageMs: output.timings, stageStartMs }, null, 2)}\n`);
  if (showProgress) process.stderr.write('\r\x1b[K');
  if (!values.quiet) {
    for (const warning of output.report.warnings) {
      process.stderr.write(`warning: ${warning.path}${warning.line ? `:${warning.line}` : ''}: ${warning.message}\n`);
    }
    const { stats } = output.report;
    process.stderr.write(
      `${stats.documents} documents, ${output.graph.nodes.length} nodes, ${output.graph.edges.length} edges, ` +
        `${output.report.brokenLinks.length} broken links, ${output.report.warnings.length} warnings → ${values.out}\n`,
    );
  }
  if (values.watch) {
    await startWatching({ options, out: resolve(values.out), initial: output, log: (line) => values.quiet || process.stderr.write(`${line}\n`) });
    if (!values.quiet) process.stderr.write(`watching ${options.repo} for changes (Ctrl-C to stop)\n`);
  }
  return 0;
}

runMain(main, 1);
