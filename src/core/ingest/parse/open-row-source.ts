// Streams a table's rows from where a RowSource says they are: the parser that described it reads them again.
import { streamCsvRows } from './csv.ts';
import type { RowSource } from './row-source.ts';
import { streamSheetRows } from './xlsx.ts';

/** Streams the data rows a source describes. */
export function openRowSource(source: RowSource): AsyncGenerator<string[][]> {
  return source.kind === 'csv' ? streamCsvRows(source) : streamSheetRows(source);
}
