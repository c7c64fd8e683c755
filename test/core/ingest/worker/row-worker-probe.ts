// Starts a row worker, reads a one-row CSV (argv[2]) through it and prints the rows as JSON: the row worker start-up
// test runs this in a process of its own, whose module loads it can record.
import { startRowWorker } from '../../../../src/core/ingest/worker/row-worker-thread.ts';
import { oneRowCsvSource } from './one-row-csv-source.ts';

const worker = startRowWorker();
const rows: string[][] = [];
for await (const batch of worker.read(oneRowCsvSource(process.argv[2]!))) {
  rows.push(...batch);
}
await worker.close();
console.log(JSON.stringify(rows));
