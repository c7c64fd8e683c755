// The row worker's body: streams a table's rows from its source, then normalises, completes and hashes them for the main thread to insert.
import { parentPort, workerData } from 'node:worker_threads';
import { TitanError } from '../../errors.ts';
import { buildBatches, createRowBuilder } from '../load/row-builder.ts';
import { createRowNormaliser } from '../normalise/normalise-row.ts';
import { openRowSource } from '../parse/row-source.ts';
import type { FromWorker, RowWorkerData, ToWorker } from './messages.ts';

const port = parentPort!;
const data = workerData as RowWorkerData;
const taken = new Int32Array(data.taken);
const send = (message: FromWorker): void => port.postMessage(message);

function fail(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  send(err instanceof TitanError ? { kind: 'error', code: err.code, message } : { kind: 'error', message });
}

async function build({ source, plan }: ToWorker): Promise<void> {
  const builder = createRowBuilder(
    createRowNormaliser(plan.mapping, plan.category),
    plan.category,
    plan.scope,
  );
  let sent = 0;
  for await (const batch of buildBatches(openRowSource(source), builder)) {
    // A window of batches in flight: the main thread inserts while this one builds, and memory stays flat.
    for (let seen = Atomics.load(taken, 0); sent - seen >= data.window; seen = Atomics.load(taken, 0)) {
      await Atomics.waitAsync(taken, 0, seen).value;
    }
    sent += 1;
    send({ kind: 'batch', batch });
  }
  send({ kind: 'end' });
}

port.on('message', (message: ToWorker) => {
  build(message).catch(fail);
});
