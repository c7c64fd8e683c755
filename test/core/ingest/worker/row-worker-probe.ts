// Starts a row worker, reads a one-row CSV (argv[2]) through it and prints the rows as JSON: the row worker start-up
// test runs this in a process of its own, whose module loads it can record.
import { startRowWorker } from '../../../../src/core/ingest/worker/row-worker-thread.ts';

const worker = startRowWorker();
const rows: string[][] = [];
for await (const batch of worker.read({
  kind: 'csv',
  path: process.argv[2]!,
  encoding: 'utf-8',
  dialect: { delimiter: ',', newline: '\n' },
  skip: 1,
  header: ['Date', 'Item', 'Amount'],
  batchRows: 1024,
  chunkBytes: 65536,
  maxRowChars: 1 << 20,
})) {
  rows.push(...batch);
}
await worker.close();
console.log(JSON.stringify(rows));
