// XLSX → one RawTable per sheet that holds a table: the zip-bomb guard, then the workbook's parts and its sheets streamed through saxes.
import { TitanError } from '../../errors.ts';
import type { IncomingFile, RawTable } from '../contracts.ts';
import { capSample, MAX_LLM_SAMPLE_ROWS } from '../sample-cap.ts';
import { DEFAULT_BATCH_ROWS } from './memory-table.ts';
import {
  cleanHeaders,
  createRowFilter,
  HEADER_SEARCH_ROWS,
  isBlankRow,
  locateHeader,
  widthOf,
} from './table-shape.ts';
import { unreadable } from './unreadable.ts';
import { createRowReader } from './xlsx-cells.ts';
import { type SheetExtras, scanWorkbook } from './xlsx-scan.ts';
import { sheetRows } from './xlsx-sheet.ts';
import { readWorkbookInfo, type SheetInfo, type WorkbookInfo } from './xlsx-workbook.ts';
import { DEFAULT_ZIP_LIMITS, readZipDirectory, type ZipEntry, type ZipLimits } from './zip-directory.ts';

export interface XlsxOptions {
  batchRows?: number;
  zipLimits?: ZipLimits;
  /** The largest shared-string table read (MAX_SHARED_STRINGS_BYTES otherwise). */
  maxSharedStringsBytes?: number;
}

/** Non-blank rows read up front per sheet: enough for a preamble, the header and a full sample. */
const HEAD_ROWS = HEADER_SEARCH_ROWS + MAX_LLM_SAMPLE_ROWS + 20;

function damagedWorkbook(err: unknown): TitanError {
  if (err instanceof TitanError) return err;
  return unreadable(
    'The workbook is damaged and could not be read: open it in Excel, save it again and re-upload it.',
    err,
  );
}

function refuseNonWorkbook(entries: readonly ZipEntry[]): void {
  const names = new Set(entries.map((e) => e.name));
  if (names.has('xl/workbook.xml') && names.has('xl/_rels/workbook.xml.rels')) return;
  if (names.has('mimetype') && names.has('content.xml')) {
    throw unreadable('This is an OpenDocument spreadsheet (.ods): open it and save it as .xlsx or CSV.');
  }
  if (names.has('word/document.xml'))
    throw unreadable('This is a Word document, not a spreadsheet: export the data as CSV.');
  if (names.has('[Content_Types].xml')) {
    throw unreadable(
      'The workbook is laid out in a way Titan cannot read: open it in Excel, save it as .xlsx and re-upload it.',
    );
  }
  throw unreadable(
    'This is a zip archive, not an Excel workbook: unzip it and upload the .xlsx or CSV inside.',
  );
}

/** How to stream a sheet's data rows, as plain data: a row worker thread can stream them from it too. */
export interface SheetRowSource {
  kind: 'xlsx';
  path: string;
  book: WorkbookInfo;
  sheet: SheetInfo;
  extras: SheetExtras | undefined;
  /** Non-blank rows before the first data row. */
  skip: number;
  /** The header row, which tells data rows from totals and repeated headers. */
  header: string[];
  batchRows: number;
}

/** The sheet's non-blank rows as strings, merges filled, a parsed chunk at a time. */
async function* readRows(
  path: string,
  book: WorkbookInfo,
  sheet: SheetInfo,
  extras: SheetExtras | undefined,
): AsyncGenerator<string[][]> {
  const fill = createRowReader(extras);
  try {
    for await (const chunk of sheetRows(path, sheet, book)) {
      const rows: string[][] = [];
      for (const row of chunk) {
        const cells = fill(row.number, row.cells);
        if (!isBlankRow(cells)) rows.push(cells);
      }
      if (rows.length > 0) yield rows;
    }
  } catch (err) {
    throw damagedWorkbook(err);
  }
}

export async function* streamSheetRows(plan: SheetRowSource): AsyncGenerator<string[][]> {
  const keep = createRowFilter(plan.header);
  let toSkip = plan.skip;
  let batch: string[][] = [];
  for await (const rows of readRows(plan.path, plan.book, plan.sheet, plan.extras)) {
    for (const cells of rows) {
      if (toSkip > 0) toSkip--;
      else if (keep(cells)) batch.push(cells);
      if (batch.length >= plan.batchRows) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}

interface SheetHead {
  sheet: SheetInfo;
  rows: string[][];
}

async function readHeads(
  path: string,
  book: WorkbookInfo,
  scan: Map<number, SheetExtras>,
): Promise<SheetHead[]> {
  const heads: SheetHead[] = [];
  for (const sheet of book.sheets) {
    // Hidden sheets hold lookups and scratch work, not the data the owner sees.
    if (sheet.state === 'hidden' || sheet.state === 'veryHidden') continue;
    const rows: string[][] = [];
    for await (const chunk of readRows(path, book, sheet, scan.get(sheet.number))) {
      rows.push(...chunk.slice(0, HEAD_ROWS - rows.length));
      if (rows.length >= HEAD_ROWS) break;
    }
    heads.push({ sheet, rows });
  }
  return heads;
}

function noTable(heads: readonly SheetHead[]): TitanError {
  if (heads.every((h) => h.rows.length === 0)) {
    return unreadable('The workbook has no data in any visible sheet: check you exported the right report.');
  }
  const headerOnly = heads.some((h) => {
    const at = locateHeader(h.rows);
    return at >= 0 && h.rows.length === at + 1;
  });
  return unreadable(
    headerOnly
      ? 'The workbook has a header row but no data rows: export it again once it has entries.'
      : `No sheet has a header row in its first ${HEADER_SEARCH_ROWS} rows: add a row of column names (e.g. Date, Item, Amount) above the data.`,
  );
}

/** Parses every visible sheet that holds a table; throws 'ingest.too_large' or 'ingest.unreadable' with a reason. */
export async function parseXlsx(file: IncomingFile, options: XlsxOptions = {}): Promise<RawTable[]> {
  const entries = await readZipDirectory(file.path, options.zipLimits ?? DEFAULT_ZIP_LIMITS);
  refuseNonWorkbook(entries);
  const scan = await scanWorkbook(file.path, entries);
  const book = await readWorkbookInfo(file.path, entries, options.maxSharedStringsBytes).catch(
    (err: unknown) => {
      throw damagedWorkbook(err);
    },
  );
  const heads = await readHeads(file.path, book, scan);
  const tables: RawTable[] = [];
  for (const head of heads) {
    const headerIndex = locateHeader(head.rows);
    if (headerIndex < 0) continue;
    const headerRow = head.rows[headerIndex]!;
    const keep = createRowFilter(headerRow);
    const data = head.rows.slice(headerIndex + 1).filter(keep);
    if (data.length === 0) continue;
    const source: SheetRowSource = {
      kind: 'xlsx',
      path: file.path,
      book,
      sheet: head.sheet,
      extras: scan.get(head.sheet.number),
      skip: headerIndex + 1,
      header: headerRow,
      batchRows: options.batchRows ?? DEFAULT_BATCH_ROWS,
    };
    const table: RawTable = {
      headers: cleanHeaders(headerRow, widthOf(data)),
      sample: capSample(data),
      rows: () => streamSheetRows(source),
      source,
    };
    if (head.sheet.name !== undefined) table.name = head.sheet.name;
    tables.push(table);
  }
  if (tables.length === 0) throw noTable(heads);
  return tables;
}
