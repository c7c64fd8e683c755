// What the row worker and the main thread say to each other: table heads first, then one table's built rows in batches.
import type { Scope } from '../../model/scope.ts';
import type { Category } from '../../warehouse/tables.ts';
import type { IncomingFile } from '../contracts.ts';
import type { BuiltBatch } from '../load/row-builder.ts';
import type { RowMapping } from '../normalise/normalise-row.ts';
import type { ZipLimits } from '../parse/zip-directory.ts';

/** Handed to the worker at start (structured-cloned, so plain data only). */
export interface RowWorkerData {
  /** The TypeScript worker module the bootstrap imports once tsx is registered. */
  entry: string;
  file: IncomingFile;
  /** What sniffFile found; the worker runs the matching parser, as parseFile would. */
  kind: 'csv' | 'zip';
  batchRows?: number;
  zipLimits?: ZipLimits;
  /** Batches the worker may send ahead of the main thread taking them. */
  window: number;
  /** One Int32: batches the main thread has taken. Shared memory, because a message per batch cost more than the batch. */
  taken: SharedArrayBuffer;
}

/** A table's shape without its rows: enough for the main thread to pick and map it. */
export interface TableHead {
  name?: string;
  headers: string[];
  sample: string[][];
}

/** Which table to stream and how to build its rows; decided on the main thread, which holds the mapping store and the LLM. */
export interface BuildPlan {
  table: number;
  mapping: RowMapping;
  category: Category;
  scope: Scope;
}

export type FromWorker =
  | { kind: 'tables'; tables: TableHead[] }
  | { kind: 'batch'; batch: BuiltBatch }
  | { kind: 'end' }
  /** `code` is set when the worker threw a TitanError, so the main thread rethrows the same one. */
  | { kind: 'error'; code?: string; message: string };

export type ToWorker = { kind: 'build'; plan: BuildPlan };
