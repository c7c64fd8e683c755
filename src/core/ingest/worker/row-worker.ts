// The row worker's body: parses a CSV or xlsx file, then normalises, completes and hashes one table's rows for the main thread to insert.
import { parentPort, workerData } from 'node:worker_threads';
import { TitanError } from '../../errors.ts';
import type { RawTable } from '../contracts.ts';
import { buildBatches, createRowBuilder } from '../load/row-builder.ts';
import { createRowNormaliser } from '../normalise/normalise-row.ts';
import type { BuildPlan, FromWorker, RowWorkerData, ToWorker } from './messages.ts';

const port = parentPort!;
const data = workerData as RowWorkerData;
const send = (message: FromWorker): void => port.postMessage(message);

const taken = new Int32Array(data.taken);

function fail(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  send(err instanceof TitanError ? { kind: 'error', code: err.code, message } : { kind: 'error', message });
}

async function stream(table: RawTable, plan: BuildPlan): Promise<void> {
  const builder = createRowBuilder(
    createRowNormaliser(plan.mapping, plan.category),
    plan.category,
    plan.scope,
  );
  let sent = 0;
  for await (const batch of buildBatches(table.rows(), builder)) {
    // A window of batches in flight: the main thread inserts while this one builds, and memory stays flat.
    for (let seen = Atomics.load(taken, 0); sent - seen >= data.window; seen = Atomics.load(taken, 0)) {
      await Atomics.waitAsync(taken, 0, seen).value;
    }
    sent += 1;
    send({ kind: 'batch', batch });
  }
  send({ kind: 'end' });
}

async function main(): Promise<void> {
  const options = {
    ...(data.batchRows === undefined ? {} : { batchRows: data.batchRows }),
    ...(data.zipLimits === undefined ? {} : { zipLimits: data.zipLimits }),
  };
  // Only the one parser is loaded (exceljs alone takes ~0.2 s), and none of the PDF or OCR stack.
  const tables =
    data.kind === 'csv'
      ? [await (await import('../parse/csv.ts')).parseCsv(data.file, options)]
      : await (await import('../parse/xlsx.ts')).parseXlsx(data.file, options);
  port.on('message', (message: ToWorker) => {
    const table = tables[message.plan.table];
    if (table === undefined) fail(new Error(`the file has no table ${message.plan.table}`));
    else stream(table, message.plan).catch(fail);
  });
  send({
    kind: 'tables',
    tables: tables.map(({ name, headers, sample }) =>
      name === undefined ? { headers, sample } : { name, headers, sample },
    ),
  });
}

main().catch(fail);
