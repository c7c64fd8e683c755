// Converting between row objects and RowBlocks, for engines that take one shape and callers that have the other.
import type { Row, RowBlock, SqlValue } from './port.ts';
import { collectColumns } from './sql-identifiers.ts';

/** Rows as a block over `columns` (the union of their keys unless given); a key a row lacks is null. */
export function rowsToBlock(
  rows: readonly Row[],
  columns: readonly string[] = collectColumns(rows),
): RowBlock {
  const values: SqlValue[] = [];
  for (const row of rows) for (const c of columns) values.push(row[c] ?? null);
  return { columns, values };
}

/** How many rows a block holds. */
export const blockRows = (block: RowBlock): number =>
  block.columns.length === 0 ? 0 : block.values.length / block.columns.length;

/** A block as row objects, shared values included in each. */
export function blockToRows(block: RowBlock): Row[] {
  const width = block.columns.length;
  return Array.from({ length: blockRows(block) }, (_, r) => {
    const row: Row = { ...block.shared };
    block.columns.forEach((column, i) => {
      row[column] = block.values[r * width + i] ?? null;
    });
    return row;
  });
}
