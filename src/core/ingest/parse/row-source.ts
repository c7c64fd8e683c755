// Where a table's rows can be streamed from again, in any thread: a CSV or a worksheet, described as plain data.
import type { CsvDialect } from './csv/csv-dialect.ts';
import type { TextEncodingName } from './csv/text-encoding.ts';
import type { SheetExtras } from './xlsx/xlsx-scan.ts';
import type { SheetInfo, WorkbookInfo } from './xlsx/xlsx-workbook.ts';

/** How to stream a CSV's data rows, as plain data: a row worker thread can stream them from it too. */
export interface CsvRowSource {
  kind: 'csv';
  path: string;
  encoding: TextEncodingName;
  dialect: CsvDialect;
  /** Non-blank rows before the first data row (preamble and header). */
  skip: number;
  /** The header row, which tells data rows from totals and repeated headers. */
  header: string[];
  batchRows: number;
  chunkBytes: number;
  maxRowChars: number;
}

/** One sheet's share of a table: where its data rows start and the header that tells them from totals. */
export interface SheetPart {
  sheet: SheetInfo;
  extras: SheetExtras | undefined;
  /** Non-blank rows before the first data row. */
  skip: number;
  /** The header row, which tells data rows from totals and repeated headers. */
  header: string[];
}

/** How to stream a table's data rows, as plain data: a row worker thread can stream them from it too. */
export interface SheetRowSource {
  kind: 'xlsx';
  path: string;
  book: WorkbookInfo;
  /** The sheets whose rows make the table, in tab order: several when they share one layout (a sheet a month). */
  parts: SheetPart[];
  batchRows: number;
}

export type RowSource = CsvRowSource | SheetRowSource;
