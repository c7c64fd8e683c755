// Where a table's rows can be streamed from again, in any thread: a CSV or a worksheet, described as plain data.
import { type CsvRowSource, streamCsvRows } from './csv.ts';
import { type SheetRowSource, streamSheetRows } from './xlsx.ts';

export type RowSource = CsvRowSource | SheetRowSource;

/** Streams the data rows a source describes. */
export function openRowSource(source: RowSource): AsyncGenerator<string[][]> {
  return source.kind === 'csv' ? streamCsvRows(source) : streamSheetRows(source);
}
