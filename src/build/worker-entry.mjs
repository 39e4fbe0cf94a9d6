// Entry of every build worker thread: registers the TypeScript loader in this thread, then
// runs the worker module named in workerData (a URL relative to this file).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(new URL(workerData.module, import.meta.url).href);
