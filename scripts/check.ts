import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FORMATS, formatFindings, type Format } from '../src/findings/formats.ts';
import { buildGraph } from '../src/build/pipeline.ts';
import { atOrAbove, SEVERITIES, type Severity } from '../src/schema/findings.ts';
import { runMain } from './lib/run-main.ts';
import { buildOptionsFrom, CONFIG_OPTIONS, CONFIG_USAGE, loadConfig } from './lib/config.ts';

const USAGE = `usage: npm run check -- --repo DIR [--fail-on error|warning|info|never] [--format text|json|github|sarif|markdown|csv]
                       [--out FILE] [--repo-url URL] [--ref REF] [--profile NAME] [--config FILE] [--exclude GLOB]...
                       [--cache DIR | --no-cache]

Checks the links and consistency of the repository in DIR and prints what it finds (to FILE
with --out). Exits 1 when a finding is at or above --fail-on (default: error), 2 on bad usage.
  ${CONFIG_USAGE}`;

const isFormat = (value: string): value is Format => (FORMATS as readonly string[]).includes(value);
const isSeverity = (value: string): value is Severity => (SEVERITIES as readonly string[]).includes(value);

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      repo: { type: 'string' },
      'fail-on': { type: 'string', default: 'error' },
      format: { type: 'string', default: 'text' },
      out: { type: 'string' },
      'repo-url': { type: 'string' },
      ref: { type: 'string' },
      help: { type: 'boolean', default: false },
      ...CONFIG_OPTIONS,
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const failOn = values['fail-on'];
  const format = values.format;
  if (!values.repo || !isFormat(format) || !(isSeverity(failOn) || failOn === 'never')) {
    process.stderr.write(`error: ${!values.repo ? '--repo is required' : !isFormat(format) ? `unknown format "${format}"` : `unknown --fail-on "${failOn}"`}\n${USAGE}\n`);
    return 2;
  }
  const repo = resolve(values.repo);
  const config = await loadConfig(values, repo);
  const output = await buildGraph({
    repo,
    ...(values['repo-url'] ? { repoUrl: values['repo-url'] } : {}),
    ...(values.ref ? { ref: values.ref } : {}),
    ...buildOptionsFrom(config, repo, values),
    layout: false,
    searchIndex: false,
  });
  const { findings } = output.report;
  const text = formatFindings(format, {
    findings,
    repoName: output.graph.repo.name,
    ...(output.graph.repo.url ? { repoUrl: output.graph.repo.url } : {}),
    ...((output.graph.repo.commit ?? output.graph.repo.ref) ? { ref: output.graph.repo.commit ?? output.graph.repo.ref } : {}),
    version: process.env['npm_package_version'] ?? '0.0.0',
  });
  if (values.out) {
    await mkdir(dirname(resolve(values.out)), { recursive: true });
    await writeFile(resolve(values.out), text);
  } else process.stdout.write(text);
  return failOn !== 'never' && atOrAbove(findings, failOn).length > 0 ? 1 : 0;
}

runMain(main, 2);
