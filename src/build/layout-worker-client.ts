import type { GraphDocument } from '../schema/graph.ts';
import type { Positions } from './layout.ts';
import { StageWorker } from './workers.ts';

/**
 * The same layout in a worker thread, started before the graph exists (its start-up then
 * overlaps with parsing) and run while the main thread finishes the build. Only ids, kinds and
 * ends cross over: labels and sources play no part in the layout.
 */
export class LayoutWorker extends StageWorker<Array<[string, { x: number; y: number }]>> {
  constructor() {
    super('layout-worker');
  }

  async run(graph: GraphDocument): Promise<Positions> {
    const slim: GraphDocument = {
      ...graph,
      nodes: graph.nodes.map((node) => ({ id: node.id, kind: node.kind, label: '', sources: [] })),
      edges: graph.edges.map((edge) => ({ source: edge.source, target: edge.target, kind: edge.kind, sources: [] })),
    };
    this.post(slim);
    return new Map(await this.result());
  }
}
