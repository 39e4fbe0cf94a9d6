import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { GraphModel } from '../src/view/graph-model.ts';
import { validateGraph } from '../src/app/lib/load-data.ts';
import { checkView, viewSubgraph } from '../src/view/subset.ts';
import { EXPORT_FORMATS, exportGraph, isExportFormat } from '../src/exports/formats.ts';
import { OUTPUT_FILES } from '../src/schema/graph.ts';
import { runMain } from './lib/run-main.ts';

const USAGE = `usage: npm run export -- --format ${EXPORT_FORMATS.join('|')} --out PATH [--view "QUERY"] [--data DIR]

Writes the graph of a build (graph.json in --data, default public/data) in a format graph tools
read: GraphML, GEXF 1.3, Gephi's CSV (nodes.csv, edges.csv), Neo4j import CSV with a LOAD CSV
script, Graphviz DOT, Cytoscape.js JSON. --view takes an explorer URL's query string
("node=group:x&focus=1&depth=2&hide=external") and exports what that view shows. Formats of
one file write PATH; csv and neo4j write their files into the folder PATH.`;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { format: { type: 'string' }, out: { type: 'string' }, view: { type: 'string' }, data: { type: 'string', default: 'public/data' }, help: { type: 'boolean', default: false } } });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!values.format || !isExportFormat(values.format) || !values.out) {
    process.stderr.write(`error: ${!values.format ? '--format is required' : !isExportFormat(values.format) ? `unknown format "${values.format}"` : '--out is required'}\n${USAGE}\n`);
    return 2;
  }
  const path = join(resolve(values.data), OUTPUT_FILES.graph);
  const document = validateGraph(JSON.parse(await readFile(path, 'utf8')) as unknown, path);
  const model = new GraphModel(document);
  let graph = document;
  if (values.view !== undefined) {
    const { view, problems } = checkView(model, values.view);
    if (problems.length > 0) {
      process.stderr.write(`error: --view: ${problems.join('; ')}\n`);
      return 2;
    }
    graph = viewSubgraph(model, view);
  }
  const files = exportGraph(graph, values.format);
  const out = resolve(values.out);
  if (files.size === 1) {
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, [...files.values()][0]!);
  } else {
    await mkdir(out, { recursive: true });
    for (const [name, content] of files) await writeFile(join(out, name), content);
  }
  process.stderr.write(`${graph.nodes.length} nodes, ${graph.edges.length} edges → ${out}\n`);
  return 0;
}

runMain(main, 1);
