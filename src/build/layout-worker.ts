import { parentPort } from 'node:worker_threads';
import type { GraphDocument } from '../schema/graph.ts';
import { computeLayout } from './layout.ts';

/** Worker side of `layoutInWorker`: one graph in, its positions out. */
parentPort?.once('message', (graph: GraphDocument) => {
  void computeLayout(graph).then((positions) => parentPort?.postMessage([...positions]));
});
