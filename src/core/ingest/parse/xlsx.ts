// XLSX → one RawTable per sheet that holds a table, read with exceljs's streaming reader after the zip-bomb guard.
import ExcelJS from 'exceljs';
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
import { workbookFeed } from './xlsx-feed.ts';
import { type SheetExtras, scanWorkbook } from './xlsx-scan.ts';
import { DEFAULT_ZIP_LIMITS, readZipDirectory, type ZipEntry, type ZipLimits } from './zip-directory.ts';

export interface XlsxOptions {
  batchRows?: number;
  zipLimits?: ZipLimits;
}

/** Non-blank rows read up front per sheet: enough for a preamble, the header and a full sample. */
const HEAD_ROWS = HEADER_SEARCH_ROWS + MAX_LLM_SAMPLE_ROWS + 20;

/** The parts of exceljs's stream reader used here; its type declarations omit events, name and state. */
interface StreamedRow {
  number: number;
  values: unknown;
}
interface StreamedSheet {
  name?: string;
  state?: string;
  /** The reader's event stream, a chunk of events at a time (its row iterator wraps this one row per await). */
  parse(): AsyncIterable<{ eventType: string; value: unknown }[]>;
}
interface StreamedWorkbook extends AsyncIterable<StreamedSheet> {
  on(event: 'entry', listener: (entry: { type: string; id?: string }) => void): void;
}

function damagedWorkbook(err: unknown): TitanError {
  if (err instanceof TitanError) return err;
  return unreadable(
    'The workbook is damaged and could not be read: open it in Excel, save it again and re-upload it.',
    err,
  );
}

/** Streams (sheet number, sheet) pairs; the number is N of xl/worksheets/sheetN.xml, stable across reads. */
async function* sheetsOf(
  path: string,
  entries: readonly ZipEntry[],
  only?: number,
): AsyncGenerator<{ number: number; sheet: StreamedSheet }> {
  const input = workbookFeed(path, entries, only === undefined ? undefined : new Set([only]));
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    // Styles give number formats, which is how exceljs knows a number is a date.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  }) as unknown as StreamedWorkbook;
  let current = 0;
  // exceljs announces each worksheet entry just before yielding its reader.
  workbook.on('entry', (entry) => {
    if (entry.type === 'worksheet') current = Number(entry.id);
  });
  try {
    for await (const sheet of workbook) yield { number: current, sheet };
  } catch (err) {
    throw damagedWorkbook(err);
  } finally {
    input.destroy();
  }
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

interface SheetPlan {
  path: string;
  entries: readonly ZipEntry[];
  sheet: number;
  extras: SheetExtras | undefined;
  /** Non-blank rows before the first data row. */
  skip: number;
  keep: (row: readonly string[]) => boolean;
  batchRows: number;
}

/** The sheet's non-blank rows as strings, a parsed chunk at a time: one await per chunk, not per row. */
async function* readRows(sheet: StreamedSheet, extras: SheetExtras | undefined): AsyncGenerator<string[][]> {
  const read = createRowReader(extras);
  try {
    for await (const events of sheet.parse()) {
      const rows: string[][] = [];
      for (const { eventType, value } of events) {
        if (eventType !== 'row') continue;
        const row = value as StreamedRow;
        const cells = read(row.number, row.values as unknown[]);
        if (!isBlankRow(cells)) rows.push(cells);
      }
      if (rows.length > 0) yield rows;
    }
  } catch (err) {
    throw damagedWorkbook(err);
  }
}

async function* streamSheet(plan: SheetPlan): AsyncGenerator<string[][]> {
  for await (const { sheet } of sheetsOf(plan.path, plan.entries, plan.sheet)) {
    let toSkip = plan.skip;
    let batch: string[][] = [];
    for await (const rows of readRows(sheet, plan.extras)) {
      for (const cells of rows) {
        if (toSkip > 0) toSkip--;
        else if (plan.keep(cells)) batch.push(cells);
        if (batch.length >= plan.batchRows) {
          yield batch;
          batch = [];
        }
      }
    }
    if (batch.length > 0) yield batch;
    return;
  }
}

interface SheetHead {
  number: number;
  name: string | undefined;
  rows: string[][];
}

async function readHeads(
  path: string,
  entries: readonly ZipEntry[],
  scan: Map<number, SheetExtras>,
): Promise<SheetHead[]> {
  const heads: SheetHead[] = [];
  let left = scan.size;
  for await (const { number, sheet } of sheetsOf(path, entries)) {
    left -= 1;
    // Hidden sheets hold lookups and scratch work, not the data the owner sees.
    if (sheet.state !== 'hidden' && sheet.state !== 'veryHidden') {
      const rows: string[][] = [];
      for await (const chunk of readRows(sheet, scan.get(number))) {
        rows.push(...chunk.slice(0, HEAD_ROWS - rows.length));
        if (rows.length >= HEAD_ROWS) break;
      }
      heads.push({ number, name: sheet.name, rows });
    }
    // Past the last sheet's head there is nothing left to learn: stop rather than unzip the rest.
    if (left === 0) break;
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
  const heads = await readHeads(file.path, entries, scan);
  const tables: RawTable[] = [];
  for (const head of heads) {
    const headerIndex = locateHeader(head.rows);
    if (headerIndex < 0) continue;
    const headerRow = head.rows[headerIndex]!;
    const keep = createRowFilter(headerRow);
    const data = head.rows.slice(headerIndex + 1).filter(keep);
    if (data.length === 0) continue;
    const plan: SheetPlan = {
      path: file.path,
      entries,
      sheet: head.number,
      extras: scan.get(head.number),
      skip: headerIndex + 1,
      keep,
      batchRows: options.batchRows ?? DEFAULT_BATCH_ROWS,
    };
    const table: RawTable = {
      headers: cleanHeaders(headerRow, widthOf(data)),
      sample: capSample(data),
      rows: () => streamSheet(plan),
    };
    if (head.name !== undefined) table.name = head.name;
    tables.push(table);
  }
  if (tables.length === 0) throw noTable(heads);
  return tables;
}
