// A row worker thread, started before it is needed: it boots while the main thread reads the file's head and maps it.
import { TitanError, type TitanErrorCode } from '../../errors.ts';
import { startModuleWorker } from '../../threads/start-module-worker.ts';
import type { BuiltBatch } from '../load/row-builder.ts';
import type { RowSource } from '../parse/row-source.ts';
import type { BuildPlan, FromWorker, RowWorkerData, ToWorker } from './messages.ts';

/** Batches the worker may run ahead: enough to keep both threads busy, few enough to keep memory flat. */
const DEFAULT_WINDOW = 8;

export interface RowWorker {
  /** Streams a table's built rows; the worker stops when the stream ends or is abandoned. */
  build(source: RowSource, plan: BuildPlan): AsyncIterable<BuiltBatch>;
  /** Streams a table's raw rows, for this thread to build. Either this or build, once. */
  read(source: RowSource): AsyncIterable<string[][]>;
  /** Stops the worker; safe to call twice. Call it whatever happens, or the thread lives on. */
  close(): Promise<void>;
}

type Delivery = { batch: BuiltBatch | string[][] } | { end: true } | { error: Error };

function toError(message: Extract<FromWorker, { kind: 'error' }>): Error {
  // Codes come from our own worker, which only sends a TitanError's code.
  return message.code === undefined
    ? new Error(message.message)
    : new TitanError(message.code as TitanErrorCode, message.message);
}

export function startRowWorker(options: { window?: number } = {}): RowWorker {
  // `entry` is filled in by startModuleWorker.
  const data: Omit<RowWorkerData, 'entry'> = {
    window: options.window ?? DEFAULT_WINDOW,
    taken: new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT),
  };
  const taken = new Int32Array(data.taken);
  const worker = startModuleWorker(import.meta.url, './row-worker', { workerData: data });
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await worker.terminate();
  };

  // Batches arrive into a queue; the reader waits on `wake` when it is empty.
  const queue: Delivery[] = [];
  let wake: (() => void) | undefined;
  const deliver = (delivery: Delivery): void => {
    queue.push(delivery);
    wake?.();
    wake = undefined;
  };
  worker.on('message', (message: FromWorker) => {
    if (message.kind === 'batch') deliver({ batch: message.batch });
    else if (message.kind === 'end') deliver({ end: true });
    else deliver({ error: toError(message) });
  });
  worker.on('error', (error) => deliver({ error }));
  worker.on('exit', (code) => {
    if (!closed) deliver({ error: new Error(`the row worker stopped unexpectedly (exit code ${code})`) });
  });

  async function* stream(): AsyncGenerator<BuiltBatch | string[][]> {
    try {
      for (;;) {
        if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        const next = queue.shift()!;
        if ('error' in next) throw next.error;
        if ('end' in next) return;
        Atomics.add(taken, 0, 1);
        Atomics.notify(taken, 0);
        yield next.batch;
      }
    } finally {
      await close();
    }
  }

  let started = false;
  // Not a generator itself: the worker starts on the rows the moment it is asked, not when they are first read.
  function start(message: ToWorker): AsyncIterable<BuiltBatch | string[][]> {
    if (started) throw new Error('a row worker reads one table');
    started = true;
    worker.postMessage(message);
    return stream();
  }

  return {
    build: (source, plan) => start({ kind: 'build', source, plan }) as AsyncIterable<BuiltBatch>,
    read: (source) => start({ kind: 'read', source }) as AsyncIterable<string[][]>,
    close,
  };
}
