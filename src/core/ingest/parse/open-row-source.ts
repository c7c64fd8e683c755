// Streams a table's rows from where a RowSource says they are: the parser that described it reads them again.
// Each parser is loaded when its kind is first opened, so a row worker reading a CSV starts without the
// workbook reader (a third of its start-up).
import type { RowSource } from './row-source.ts';

/** Streams the data rows a source describes. */
export async function* openRowSource(source: RowSource): AsyncGenerator<string[][]> {
  if (source.kind === 'csv') {
    const { streamCsvRows } = await import('./csv/csv-stream.ts');
    yield* streamCsvRows(source);
  } else {
    const { streamSheetRows } = await import('./xlsx/xlsx.ts');
    yield* streamSheetRows(source);
  }
}
