import { isKindName, OUTPUT_FILES, SCHEMA_VERSION, type BuildReport, type GraphDocument } from '../../schema/graph.ts';

export class DataError extends Error {}

/** Where the build's output sits: `data/` beside the page, whatever path the site is served from. */
export function dataUrl(name: string, base: string = document.baseURI): string {
  return new URL(`data/${name}`, base).href;
}

async function fetchJson(url: string): Promise<unknown> {
  let response: Response;
  try {
    // Revalidated every time: in watch mode the same address holds a newer build.
    response = await fetch(url, { cache: 'no-cache' });
  } catch (error) {
    throw new DataError(`could not load ${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok) throw new DataError(`could not load ${url}: HTTP ${response.status}`);
  try {
    return await response.json();
  } catch {
    throw new DataError(`${url} is not valid JSON`);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks the shape the app relies on, and names the first thing that is wrong. */
export function validateGraph(value: unknown, url: string = OUTPUT_FILES.graph): GraphDocument {
  if (!isObject(value)) throw new DataError(`${url}: not a JSON object`);
  if (value['schemaVersion'] !== SCHEMA_VERSION) throw new DataError(`${url}: schema version ${String(value['schemaVersion'])}, this app reads version ${SCHEMA_VERSION}; rebuild the data`);
  if (!isObject(value['repo']) || typeof value['repo']['name'] !== 'string') throw new DataError(`${url}: missing repo`);
  if (!Array.isArray(value['nodes']) || !Array.isArray(value['edges'])) throw new DataError(`${url}: missing nodes or edges`);
  const kinds = value['kinds'];
  if (!isObject(kinds) || !Array.isArray(kinds['nodes']) || !Array.isArray(kinds['edges'])) throw new DataError(`${url}: missing the catalogue of kinds`);
  kinds['nodes'].forEach((info: unknown, index) => {
    if (!isObject(info) || !isKindName(info['kind']) || typeof info['label'] !== 'string' || typeof info['color'] !== 'string' || typeof info['searchBoost'] !== 'number') {
      throw new DataError(`${url}: node kind ${index} is malformed`);
    }
  });
  kinds['edges'].forEach((info: unknown, index) => {
    if (!isObject(info) || !isKindName(info['kind']) || typeof info['label'] !== 'string' || typeof info['outgoing'] !== 'string' || typeof info['incoming'] !== 'string') {
      throw new DataError(`${url}: edge kind ${index} is malformed`);
    }
  });
  const ids = new Set<string>();
  value['nodes'].forEach((node: unknown, index) => {
    if (!isObject(node) || typeof node['id'] !== 'string' || typeof node['label'] !== 'string' || !isKindName(node['kind']) || !Array.isArray(node['sources'])) {
      throw new DataError(`${url}: node ${index} is malformed`);
    }
    ids.add(node['id']);
  });
  value['edges'].forEach((edge: unknown, index) => {
    if (!isObject(edge) || typeof edge['source'] !== 'string' || typeof edge['target'] !== 'string' || !isKindName(edge['kind'])) {
      throw new DataError(`${url}: edge ${index} is malformed`);
    }
    if (!ids.has(edge['source']) || !ids.has(edge['target'])) throw new DataError(`${url}: edge ${index} points at a node that does not exist`);
  });
  return value as unknown as GraphDocument;
}

export function validateReport(value: unknown, url: string = OUTPUT_FILES.report): BuildReport {
  if (!isObject(value) || !Array.isArray(value['brokenLinks']) || !Array.isArray(value['warnings']) || !Array.isArray(value['possibleDuplicates'])) {
    throw new DataError(`${url}: not a build report`);
  }
  return value as unknown as BuildReport;
}

export interface LoadedData {
  graph: GraphDocument;
  report: BuildReport;
  searchIndexUrl: string;
}

/** The graph alone, as embeds load it: no report, no search index. */
export async function loadGraph(url: string): Promise<GraphDocument> {
  return validateGraph(await fetchJson(url), url);
}

export async function loadData(): Promise<LoadedData> {
  const graphUrl = dataUrl(OUTPUT_FILES.graph);
  const reportUrl = dataUrl(OUTPUT_FILES.report);
  const [graph, report] = await Promise.all([loadGraph(graphUrl), fetchJson(reportUrl)]);
  return { graph, report: validateReport(report, reportUrl), searchIndexUrl: dataUrl(OUTPUT_FILES.searchIndex) };
}
