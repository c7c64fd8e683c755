// The row worker's body: streams a table's rows from its source and, when asked, normalises, completes and hashes them too.
import { parentPort, workerData } from 'node:worker_threads';
import { TitanError } from '../../errors.ts';
import { openRowSource } from '../parse/open-row-source.ts';
import type { FromWorker, RowWorkerData, ToWorker } from './messages.ts';

type FromWorkerBatch = Extract<FromWorker, { kind: 'batch' }>['batch'];

const port = parentPort!;
const data = workerData as RowWorkerData;
const taken = new Int32Array(data.taken);
const send = (message: FromWorker): void => port.postMessage(message);

function fail(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  send(err instanceof TitanError ? { kind: 'error', code: err.code, message } : { kind: 'error', message });
}

/** The rows a message asks for: built, or as the parser reads them. */
async function batchesFor(message: ToWorker): Promise<AsyncIterable<FromWorkerBatch>> {
  const rows = openRowSource(message.source);
  if (message.kind === 'read') return rows;
  // Loaded only for a build: the normaliser and builder are half the worker's modules, which a read never runs.
  const [{ buildBatches, createRowBuilder }, { createRowNormaliser }] = await Promise.all([
    import('../load/row-builder.ts'),
    import('../normalise/normalise-row.ts'),
  ]);
  const { plan } = message;
  const builder = createRowBuilder(
    createRowNormaliser(plan.mapping, plan.category),
    plan.category,
    plan.scope,
  );
  return buildBatches(rows, builder);
}

async function stream(message: ToWorker): Promise<void> {
  let sent = 0;
  for await (const batch of await batchesFor(message)) {
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
  stream(message).catch(fail);
});
