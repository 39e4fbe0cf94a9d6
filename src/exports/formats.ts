import type { GraphDocument } from '../schema/graph.ts';
import { attrText, attributeColumns, edgeLabel, kindColour, sourcesText } from './graph-data.ts';
import { csvRow, dotString, xmlText } from './text.ts';

/**
 * The graph in the formats graph tools read. Each writer is a pure function of a graph
 * document (the whole graph or a view's subgraph) to named files; kind, role, attributes,
 * provenance (`path:line`) and positions go wherever the format can hold them.
 */
export const EXPORT_FORMATS = ['graphml', 'gexf', 'csv', 'neo4j', 'dot', 'cytoscape'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** File name to content. A format of one file names it `graph.<ext>`. */
export type ExportFiles = Map<string, string>;

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** GraphML, as networkx, yEd and Gephi read it: typed keys for every attribute. */
export function toGraphml(graph: GraphDocument): ExportFiles {
  const nodeColumns = attributeColumns(graph.nodes);
  const edgeColumns = attributeColumns(graph.edges);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="n_label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="n_kind" for="node" attr.name="kind" attr.type="string"/>',
    '  <key id="n_path" for="node" attr.name="path" attr.type="string"/>',
    '  <key id="n_sources" for="node" attr.name="sources" attr.type="string"/>',
    '  <key id="n_x" for="node" attr.name="x" attr.type="double"/>',
    '  <key id="n_y" for="node" attr.name="y" attr.type="double"/>',
    ...nodeColumns.map((column, index) => `  <key id="na${index}" for="node" attr.name="${xmlText(`attr_${column.name}`)}" attr.type="${column.type}"/>`),
    '  <key id="e_kind" for="edge" attr.name="kind" attr.type="string"/>',
    '  <key id="e_role" for="edge" attr.name="role" attr.type="string"/>',
    '  <key id="e_anchor" for="edge" attr.name="anchor" attr.type="string"/>',
    '  <key id="e_sources" for="edge" attr.name="sources" attr.type="string"/>',
    ...edgeColumns.map((column, index) => `  <key id="ea${index}" for="edge" attr.name="${xmlText(`attr_${column.name}`)}" attr.type="${column.type}"/>`),
    `  <graph id="${xmlText(graph.repo.name)}" edgedefault="directed">`,
  ];
  const data = (key: string, value: string | number | boolean): string => `      <data key="${key}">${xmlText(String(value))}</data>`;
  for (const node of graph.nodes) {
    lines.push(`    <node id="${xmlText(node.id)}">`, data('n_label', node.label), data('n_kind', node.kind));
    if (node.path !== undefined) lines.push(data('n_path', node.path));
    lines.push(data('n_sources', sourcesText(node.sources)));
    if (node.position) lines.push(data('n_x', node.position.x), data('n_y', node.position.y));
    nodeColumns.forEach((column, index) => {
      const value = node.attrs?.[column.name];
      if (value !== undefined) lines.push(data(`na${index}`, attrText(value)));
    });
    lines.push('    </node>');
  }
  graph.edges.forEach((edge, edgeIndex) => {
    lines.push(`    <edge id="e${edgeIndex}" source="${xmlText(edge.source)}" target="${xmlText(edge.target)}">`, data('e_kind', edge.kind));
    if (edge.role) lines.push(data('e_role', edge.role));
    if (edge.anchor) lines.push(data('e_anchor', edge.anchor));
    lines.push(data('e_sources', sourcesText(edge.sources)));
    edgeColumns.forEach((column, index) => {
      const value = edge.attrs?.[column.name];
      if (value !== undefined) lines.push(data(`ea${index}`, attrText(value)));
    });
    lines.push('    </edge>');
  });
  lines.push('  </graph>', '</graphml>', '');
  return new Map([['graph.graphml', lines.join('\n')]]);
}

const hexToRgb = (hex: string): [number, number, number] => {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return match ? [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)] : [140, 140, 140];
};

/** GEXF 1.3 for Gephi, with positions and the kinds' colours. */
export function toGexf(graph: GraphDocument): ExportFiles {
  const nodeColumns = [{ name: 'kind', type: 'string' as const }, { name: 'path', type: 'string' as const }, { name: 'sources', type: 'string' as const }, ...attributeColumns(graph.nodes).map((c) => ({ ...c, name: `attr_${c.name}` }))];
  const edgeColumns = [{ name: 'kind', type: 'string' as const }, { name: 'role', type: 'string' as const }, { name: 'anchor', type: 'string' as const }, { name: 'sources', type: 'string' as const }, ...attributeColumns(graph.edges).map((c) => ({ ...c, name: `attr_${c.name}` }))];
  const gexfType = (type: string): string => (type === 'double' ? 'double' : type === 'boolean' ? 'boolean' : 'string');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta><creator>tag-graph</creator><description>${xmlText(graph.repo.name)}</description></meta>`,
    '  <graph defaultedgetype="directed" mode="static">',
    '    <attributes class="node">',
    ...nodeColumns.map((column, index) => `      <attribute id="${index}" title="${xmlText(column.name)}" type="${gexfType(column.type)}"/>`),
    '    </attributes>',
    '    <attributes class="edge">',
    ...edgeColumns.map((column, index) => `      <attribute id="${index}" title="${xmlText(column.name)}" type="${gexfType(column.type)}"/>`),
    '    </attributes>',
    '    <nodes>',
  ];
  const value = (item: { kind: string; path?: string; role?: string; anchor?: string; sources: GraphDocument['nodes'][number]['sources']; attrs?: GraphDocument['nodes'][number]['attrs'] }, name: string): string | number | boolean | undefined => {
    if (name === 'kind') return item.kind;
    if (name === 'path') return item.path;
    if (name === 'role') return item.role;
    if (name === 'anchor') return item.anchor;
    if (name === 'sources') return sourcesText(item.sources);
    const attr = item.attrs?.[name.slice('attr_'.length)];
    return attr === undefined ? undefined : attrText(attr);
  };
  const attvalues = (item: Parameters<typeof value>[0], columns: ReadonlyArray<{ name: string }>): string[] => {
    const values = columns.flatMap((column, index) => {
      const found = value(item, column.name);
      return found === undefined ? [] : [`          <attvalue for="${index}" value="${xmlText(String(found))}"/>`];
    });
    return values.length > 0 ? ['        <attvalues>', ...values, '        </attvalues>'] : [];
  };
  for (const node of graph.nodes) {
    const [r, g, b] = hexToRgb(kindColour(graph, node.kind));
    lines.push(
      `      <node id="${xmlText(node.id)}" label="${xmlText(node.label)}">`,
      ...attvalues(node, nodeColumns),
      ...(node.position ? [`        <viz:position x="${node.position.x}" y="${-node.position.y}" z="0.0"/>`] : []),
      `        <viz:color r="${r}" g="${g}" b="${b}"/>`,
      '      </node>',
    );
  }
  lines.push('    </nodes>', '    <edges>');
  graph.edges.forEach((edge, index) => {
    lines.push(`      <edge id="e${index}" source="${xmlText(edge.source)}" target="${xmlText(edge.target)}" label="${xmlText(edgeLabel(edge))}">`, ...attvalues(edge, edgeColumns), '      </edge>');
  });
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return new Map([['graph.gexf', lines.join('\n')]]);
}

/** Gephi's spreadsheet import: `nodes.csv` (`Id,Label,…`) and `edges.csv` (`Source,Target,Type,Label,…`). */
export function toGephiCsv(graph: GraphDocument): ExportFiles {
  const nodeColumns = attributeColumns(graph.nodes);
  const edgeColumns = attributeColumns(graph.edges);
  let nodes = csvRow(['Id', 'Label', 'kind', 'path', 'sources', 'x', 'y', ...nodeColumns.map((c) => `attr_${c.name}`)]);
  for (const node of graph.nodes) {
    nodes += csvRow([node.id, node.label, node.kind, node.path ?? '', sourcesText(node.sources), node.position?.x ?? '', node.position?.y ?? '', ...nodeColumns.map((c) => (node.attrs?.[c.name] === undefined ? '' : attrText(node.attrs[c.name]!)))]);
  }
  let edges = csvRow(['Source', 'Target', 'Type', 'Label', 'kind', 'role', 'anchor', 'sources', ...edgeColumns.map((c) => `attr_${c.name}`)]);
  for (const edge of graph.edges) {
    edges += csvRow([edge.source, edge.target, 'Directed', edgeLabel(edge), edge.kind, edge.role ?? '', edge.anchor ?? '', sourcesText(edge.sources), ...edgeColumns.map((c) => (edge.attrs?.[c.name] === undefined ? '' : attrText(edge.attrs[c.name]!)))]);
  }
  return new Map([
    ['nodes.csv', nodes],
    ['edges.csv', edges],
  ]);
}

/** `person` → `Person`, `affiliated_with` → `AFFILIATED_WITH`: Neo4j's conventions for labels and types. */
const neo4jLabel = (kind: string): string => kind.replace(/(^|[-_])(\w)/g, (_, _sep: string, letter: string) => letter.toUpperCase());
const neo4jType = (kind: string): string => kind.replace(/-/g, '_').toUpperCase();
/** A Cypher identifier in backquotes, with backquotes doubled. */
const cypherName = (name: string): string => `\`${name.replace(/`/g, '``')}\``;

/** CSV for `neo4j-admin database import` (`:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`), and a `LOAD CSV` script that reads the same files. */
export function toNeo4j(graph: GraphDocument): ExportFiles {
  let nodes = csvRow(['id:ID', 'name', 'kind', 'path', 'sources', ':LABEL']);
  for (const node of graph.nodes) nodes += csvRow([node.id, node.label, node.kind, node.path ?? '', sourcesText(node.sources), neo4jLabel(node.kind)]);
  let relationships = csvRow([':START_ID', ':END_ID', ':TYPE', 'role', 'anchor', 'sources']);
  for (const edge of graph.edges) relationships += csvRow([edge.source, edge.target, neo4jType(edge.kind), edge.role ?? '', edge.anchor ?? '', sourcesText(edge.sources)]);
  const kinds = [...new Set(graph.nodes.map((node) => node.kind))].sort();
  const types = [...new Set(graph.edges.map((edge) => edge.kind))].sort();
  const script = [
    '// Put nodes.csv and relationships.csv in the import folder of the database, then run this.',
    'CREATE CONSTRAINT node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE;',
    ...kinds.map(
      (kind) =>
        `LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row WITH row WHERE row.kind = '${kind.replace(/'/g, "\\'")}' ` +
        `CREATE (:Node:${cypherName(neo4jLabel(kind))} {id: row.\`id:ID\`, name: row.name, kind: row.kind, path: row.path, sources: row.sources});`,
    ),
    ...types.map(
      (kind) =>
        `LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row WITH row WHERE row.\`:TYPE\` = '${neo4jType(kind)}' ` +
        `MATCH (a:Node {id: row.\`:START_ID\`}), (b:Node {id: row.\`:END_ID\`}) CREATE (a)-[:${cypherName(neo4jType(kind))} {role: row.role, anchor: row.anchor, sources: row.sources}]->(b);`,
    ),
    '',
  ].join('\n');
  return new Map([
    ['nodes.csv', nodes],
    ['relationships.csv', relationships],
    ['import.cypher', script],
  ]);
}

const DOT_SHAPES: Readonly<Record<string, string>> = {
  'round-rectangle': 'box',
  rectangle: 'box',
  ellipse: 'ellipse',
  star: 'star',
  hexagon: 'hexagon',
  diamond: 'diamond',
  octagon: 'octagon',
  triangle: 'triangle',
  tag: 'cds',
  vee: 'invtriangle',
};

/** Graphviz DOT: kinds as shapes and colours, relations as edge labels, positions as `pos` for neato -n. */
export function toDot(graph: GraphDocument): ExportFiles {
  const info = new Map(graph.kinds.nodes.map((kind) => [kind.kind, kind]));
  const lines = [`digraph ${dotString(graph.repo.name)} {`, '  graph [overlap=false, splines=true];', '  node [style=filled, fontname="Helvetica", fontsize=10];', '  edge [fontname="Helvetica", fontsize=8];'];
  for (const node of graph.nodes) {
    const kind = info.get(node.kind);
    const attributes = [
      `label=${dotString(node.label)}`,
      `shape=${DOT_SHAPES[kind?.shape ?? 'ellipse'] ?? 'ellipse'}`,
      `fillcolor=${dotString(kind?.color ?? '#8c8c8c')}`,
      `kind=${dotString(node.kind)}`,
      `sources=${dotString(sourcesText(node.sources))}`,
      ...(node.position ? [`pos=${dotString(`${node.position.x},${-node.position.y}`)}`] : []),
    ];
    lines.push(`  ${dotString(node.id)} [${attributes.join(', ')}];`);
  }
  for (const edge of graph.edges) {
    lines.push(`  ${dotString(edge.source)} -> ${dotString(edge.target)} [label=${dotString(edgeLabel(edge))}, kind=${dotString(edge.kind)}, sources=${dotString(sourcesText(edge.sources))}];`);
  }
  lines.push('}', '');
  return new Map([['graph.dot', lines.join('\n')]]);
}

/** Cytoscape.js JSON: elements with their data and positions, as `cy.json()` reads them (with `value`, `name` and an edge `key`, which networkx's reader also wants). */
export function toCytoscape(graph: GraphDocument): ExportFiles {
  const elements = {
    nodes: graph.nodes.map((node) => ({
      data: { id: node.id, value: node.id, name: node.label, label: node.label, kind: node.kind, ...(node.path !== undefined ? { path: node.path } : {}), sources: sourcesText(node.sources), ...(node.attrs ? { attrs: node.attrs } : {}) },
      ...(node.position ? { position: node.position } : {}),
    })),
    edges: graph.edges.map((edge, index) => ({
      data: { id: `e${index}`, key: index, source: edge.source, target: edge.target, kind: edge.kind, ...(edge.role ? { role: edge.role } : {}), ...(edge.anchor ? { anchor: edge.anchor } : {}), sources: sourcesText(edge.sources), ...(edge.attrs ? { attrs: edge.attrs } : {}) },
    })),
  };
  return new Map([['graph.cyjs', `${JSON.stringify({ elements }, null, 1)}\n`]]);
}

export function exportGraph(graph: GraphDocument, format: ExportFormat): ExportFiles {
  switch (format) {
    case 'graphml':
      return toGraphml(graph);
    case 'gexf':
      return toGexf(graph);
    case 'csv':
      return toGephiCsv(graph);
    case 'neo4j':
      return toNeo4j(graph);
    case 'dot':
      return toDot(graph);
    case 'cytoscape':
      return toCytoscape(graph);
  }
}
