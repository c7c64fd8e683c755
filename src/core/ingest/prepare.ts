// The seam between reading a file and loading it: parse + map + normalise yield row batches and a row converter.
import type { Category } from '../warehouse/tables.ts';
import type { IncomingFile } from './contracts.ts';
import type { RowConverter } from './load/load-rows.ts';

export interface PreparedFile {
  /** Every data row of the chosen table, in batches. */
  batches: AsyncIterable<string[][]>;
  /** Maps one raw row onto the category's canonical columns, or says why it cannot. */
  convert: RowConverter;
  /** Which table of the file was chosen (sheet name), for messages. */
  table?: string;
}

/** Parses a file and maps its header; throws a TitanError ('ingest.*') when the file cannot be read or mapped. */
export type PrepareFile = (file: IncomingFile, category: Category) => Promise<PreparedFile>;
