// Starts the row worker: registers tsx in this thread (Node 20 workers do not inherit `--import` loaders), then loads the TypeScript entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
