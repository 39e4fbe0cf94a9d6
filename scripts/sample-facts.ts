import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildGraph } from '../src/build/pipeline.ts';
import { CONFIG_OPTIONS, loadConfig } from './lib/config.ts';

/**
 * `npm run sample -- --repo DIR [--kind KIND] [--size 30] [--seed 1]`: a seeded random sample of
 * the nodes of each entity kind, each with the source lines it was read from, for checking the
 * build's precision by eye. Prints counts per kind first.
 */
const { values } = parseArgs({
  options: { repo: { type: 'string' }, kind: { type: 'string', multiple: true }, size: { type: 'string', default: '30' }, seed: { type: 'string', default: '1' }, ...CONFIG_OPTIONS },
});
if (!values.repo) {
  process.stderr.write('usage: npm run sample -- --repo DIR [--kind KIND]... [--size N] [--seed N] [--profile NAME] [--config FILE]\n');
  process.exit(2);
}
const repo = resolve(values.repo);
const config = await loadConfig(values, repo);
const { graph } = await buildGraph({ repo, layout: false, profile: config.profile, excludes: config.excludes });

let state = Number(values.seed) >>> 0 || 1;
const random = (): number => {
  state = (state * 48271) % 2147483647;
  return state / 2147483647;
};
const lines = new Map<string, string[]>();
const lineOf = (path: string, line: number): string => {
  if (!lines.has(path)) {
    try {
      lines.set(path, readFileSync(join(repo, path), 'utf8').split('\n'));
    } catch {
      lines.set(path, []);
    }
  }
  return (lines.get(path)![line - 1] ?? '').trim().slice(0, 200);
};

const entityKinds = graph.kinds.nodes.map((info) => info.kind).filter((kind) => !['document', 'asset', 'external'].includes(kind));
const kinds = values.kind && values.kind.length > 0 ? values.kind : entityKinds;
for (const kind of kinds) {
  const nodes = graph.nodes.filter((node) => node.kind === kind);
  process.stdout.write(`\n## ${kind}: ${nodes.length} nodes\n`);
  const sample = nodes.map((node) => ({ node, key: random() })).sort((a, b) => a.key - b.key).slice(0, Number(values.size)).map((item) => item.node);
  for (const node of sample) {
    const edges = graph.edges.filter((edge) => (edge.source === node.id || edge.target === node.id) && ['role', 'author', 'affiliated_with', 'describes', 'assesses', 'about'].includes(edge.kind));
    process.stdout.write(`- ${node.label}  ${JSON.stringify(node.attrs ?? {})}\n`);
    for (const source of node.sources.slice(0, 2)) process.stdout.write(`    ${source.path}:${source.line}: ${lineOf(source.path, source.line)}\n`);
    for (const edge of edges.slice(0, 3)) process.stdout.write(`    ${edge.source} -${edge.kind}${edge.role ? `:${edge.role}` : ''}-> ${edge.target}\n`);
  }
}
