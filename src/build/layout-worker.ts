import { parentPort } from 'node:worker_threads';
import type { GraphDocument } from '../schema/graph.ts';
import { computeLayout, loadLayoutLibrary } from './layout.ts';

/** Worker side of `LayoutWorker`: one graph in, its positions out. The library loads while the main thread parses. */
void loadLayoutLibrary();
parentPort?.once('message', (graph: GraphDocument) => {
  void computeLayout(graph).then((positions) => parentPort?.postMessage([...positions]));
});
