// What the row worker and the main thread say to each other: what to read (and maybe build), then its rows in batches.
import type { Scope } from '../../model/scope.ts';
import type { Category } from '../../warehouse/tables.ts';
import type { BuiltBatch } from '../load/row-builder.ts';
import type { RowMapping } from '../normalise/normalise-row.ts';
import type { RowSource } from '../parse/row-source.ts';

/** Handed to the worker at start (structured-cloned, so plain data only). */
export interface RowWorkerData {
  /** The TypeScript worker module the bootstrap imports once tsx is registered. */
  entry: string;
  /** Batches the worker may send ahead of the main thread taking them. */
  window: number;
  /** One Int32: batches the main thread has taken. Shared memory, because a message per batch cost more than the batch. */
  taken: SharedArrayBuffer;
}

/** How to build each row; decided on the main thread, which holds the mapping store and the LLM. */
export interface BuildPlan {
  mapping: RowMapping;
  category: Category;
  scope: Scope;
}

export type ToWorker =
  /** Parse and build: the main thread only inserts (CSV, whose parsing is cheap). */
  | { kind: 'build'; source: RowSource; plan: BuildPlan }
  /** Parse only: the main thread builds and inserts (a worksheet, whose parsing costs as much as the rest). */
  | { kind: 'read'; source: RowSource };

export type FromWorker =
  /** A BuiltBatch after 'build', a batch of raw rows (string[][]) after 'read'. */
  | { kind: 'batch'; batch: BuiltBatch | string[][] }
  | { kind: 'end' }
  /** `code` is set when the worker threw a TitanError, so the main thread rethrows the same one. */
  | { kind: 'error'; code?: string; message: string };
