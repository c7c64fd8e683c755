// The seam between reading a file and loading it: parse + map + normalise + hash yield built row batches.
import type { Scope } from '../model/scope.ts';
import type { Category } from '../warehouse/tables.ts';
import type { BuiltBatch } from './load/row-builder.ts';
import type { ReadReport } from './map/read-report.ts';
import type { IncomingFile } from './port.ts';

export interface PreparedFile {
  /** The order of the values in every tuple. */
  columns: readonly string[];
  /** Every data row of the chosen table, built, in batches. */
  batches: AsyncIterable<BuiltBatch>;
  /** How the file was read: mapping, columns left out, date order (the loader adds what its rows show). */
  report: ReadReport;
  /** Which table of the file was chosen (sheet name), for messages. */
  table?: string;
  /** Releases what reading holds (a row worker), whether or not the batches were read to the end. */
  close?: () => Promise<void>;
}

/** Parses a file and maps its header; throws a TitanError ('ingest.*') when the file cannot be read or mapped. */
export type PrepareFile = (file: IncomingFile, category: Category, scope: Scope) => Promise<PreparedFile>;
