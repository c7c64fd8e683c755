// A RawTable over rows already in memory (PDF pages, OCR, vision answers): same cleaning as streamed tables.
import type { RawTable } from '../port.ts';
import { capSample } from '../sample-cap.ts';
import { cleanHeaders, createRowFilter, widthOf } from './table-shape.ts';

/**
 * Rows per batch from rows(); the loader reads a batch at a time. Small on purpose: a batch lives across
 * awaits, so a big one survives young-generation GCs and gets copied; 5,000 spent ~25% more CPU in GC.
 * A power of two, so a clean batch is one multi-row INSERT in the SQLite warehouse.
 */
export const DEFAULT_BATCH_ROWS = 512;

export function createMemoryTable(
  name: string | undefined,
  headerRow: readonly string[],
  rows: readonly string[][],
  batchRows = DEFAULT_BATCH_ROWS,
): RawTable {
  const data = rows.filter(createRowFilter(headerRow));
  const table: RawTable = {
    headers: cleanHeaders(headerRow, widthOf(data)),
    sample: capSample(data),
    async *rows() {
      for (let i = 0; i < data.length; i += batchRows) yield data.slice(i, i + batchRows);
    },
  };
  if (name !== undefined) table.name = name;
  return table;
}
