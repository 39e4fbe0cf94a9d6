import type { GraphDocument } from '../schema/graph.ts';
import type { Positions } from './layout.ts';
import { startWorker } from './workers.ts';

/**
 * The same layout in a worker thread, started before the graph exists (its start-up then
 * overlaps with parsing) and run while the main thread builds the search index. Only ids,
 * kinds and ends cross over: labels and sources play no part in the layout.
 */
export class LayoutWorker {
  private readonly worker = startWorker('layout-worker');
  private readonly failed = new Promise<never>((_, reject) => {
    this.worker.once('error', (error) => reject(new Error(`layout worker failed: ${error.message}`)));
  });

  run(graph: GraphDocument): Promise<Positions> {
    const slim: GraphDocument = {
      ...graph,
      nodes: graph.nodes.map((node) => ({ id: node.id, kind: node.kind, label: '', sources: [] })),
      edges: graph.edges.map((edge) => ({ source: edge.source, target: edge.target, kind: edge.kind, sources: [] })),
    };
    const positions = new Promise<Positions>((resolve) => {
      this.worker.once('message', (entries: Array<[string, { x: number; y: number }]>) => resolve(new Map(entries)));
    });
    this.worker.postMessage(slim);
    return Promise.race([positions, this.failed]).finally(() => this.dispose());
  }

  dispose(): void {
    void this.worker.terminate();
  }
}
