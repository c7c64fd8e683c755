// A big CSV or xlsx opened in a row worker thread: it parses and builds rows while the main thread inserts them.
import { Worker } from 'node:worker_threads';
import { TitanError, type TitanErrorCode } from '../../errors.ts';
import type { IncomingFile } from '../contracts.ts';
import type { BuiltBatch } from '../load/row-builder.ts';
import type { ZipLimits } from '../parse/zip-directory.ts';
import type { BuildPlan, FromWorker, RowWorkerData, TableHead, ToWorker } from './messages.ts';

/** Batches the worker may run ahead: enough to keep both threads busy, few enough to keep memory flat. */
const DEFAULT_WINDOW = 8;

export interface WorkerOpenOptions {
  /** What sniffFile said the file is: PDFs and photos stay on the main thread, with vision and OCR. */
  kind: 'csv' | 'zip';
  batchRows?: number;
  zipLimits?: ZipLimits;
  window?: number;
}

export interface WorkerFile {
  /** The file's tables (same as parseFile finds), without their rows. */
  tables: TableHead[];
  /** Streams one table's built rows; callable once. */
  build(plan: BuildPlan): AsyncIterable<BuiltBatch>;
  /** Stops the worker; safe to call twice. Call it whatever happens, or the thread lives on. */
  close(): Promise<void>;
}

type Delivery = { batch: BuiltBatch } | { end: true } | { error: Error };

function toError(message: Extract<FromWorker, { kind: 'error' }>): Error {
  // Codes come from our own worker, which only sends a TitanError's code.
  return message.code === undefined
    ? new Error(message.message)
    : new TitanError(message.code as TitanErrorCode, message.message);
}

/** Parses the file in a worker (same parsers, same errors as parseFile) and returns its table heads. */
export async function openInWorker(file: IncomingFile, options: WorkerOpenOptions): Promise<WorkerFile> {
  const data: RowWorkerData = {
    entry: new URL('./row-worker.ts', import.meta.url).href,
    file: { name: file.name, path: file.path, size: file.size },
    kind: options.kind,
    window: options.window ?? DEFAULT_WINDOW,
    taken: new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT),
    ...(options.batchRows === undefined ? {} : { batchRows: options.batchRows }),
    ...(options.zipLimits === undefined ? {} : { zipLimits: options.zipLimits }),
  };
  const taken = new Int32Array(data.taken);
  const worker = new Worker(new URL('./row-worker-boot.mjs', import.meta.url), { workerData: data });
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await worker.terminate();
  };
  const send = (message: ToWorker): void => worker.postMessage(message);

  // Batches arrive into a queue; the reader waits on `wake` when it is empty.
  const queue: Delivery[] = [];
  let wake: (() => void) | undefined;
  const deliver = (delivery: Delivery): void => {
    queue.push(delivery);
    wake?.();
    wake = undefined;
  };

  const heads = new Promise<TableHead[]>((resolve, reject) => {
    const died = (error: Error): void => {
      reject(error);
      deliver({ error });
    };
    worker.on('message', (message: FromWorker) => {
      if (message.kind === 'tables') resolve(message.tables);
      else if (message.kind === 'batch') deliver({ batch: message.batch });
      else if (message.kind === 'end') deliver({ end: true });
      else died(toError(message));
    });
    worker.on('error', died);
    worker.on('exit', (code) => {
      if (!closed) died(new Error(`the row worker stopped unexpectedly (exit code ${code})`));
    });
  });

  let started = false;
  async function* build(plan: BuildPlan): AsyncGenerator<BuiltBatch> {
    if (started) throw new Error('a worker-read file streams its rows once');
    started = true;
    try {
      send({ kind: 'build', plan });
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

  try {
    return { tables: await heads, build, close };
  } catch (err) {
    await close();
    throw err;
  }
}
