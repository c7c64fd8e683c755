// Starts one of our TypeScript modules from sources: registers tsx in this thread or process (Node 20 workers do not
// inherit `--import` loaders), then imports the module (workerData.entry in a thread, argv[2] in a child process).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData?.entry ?? process.argv[2]);
