// XLSX → one RawTable per layout of the sheets that hold a table: the zip-bomb guard, then the workbook's parts and its sheets streamed through saxes.
import { TitanError } from '../../../errors.ts';
import type { IncomingFile, RawTable } from '../../port.ts';
import { capSample, MAX_LLM_SAMPLE_ROWS } from '../../sample-cap.ts';
import { DEFAULT_BATCH_ROWS } from '../memory-table.ts';
import type { SheetPart, SheetRowSource } from '../row-source.ts';
import { cleanHeaders, createRowFilter, HEADER_SEARCH_ROWS, isBlankRow, widthOf } from '../table-shape.ts';
import { unreadable } from '../unreadable.ts';
import { createRowReader } from './xlsx-cells.ts';
import { dropRepeatedSheets } from './xlsx-repeats.ts';
import { type SheetExtras, scanWorkbook } from './xlsx-scan.ts';
import { sheetRows } from './xlsx-sheet.ts';
import {
  CHART_SHEET,
  noSheetToRead,
  OTHER_SHEET,
  readSheetHead,
  type SheetSkipListener,
  type SkippedSheet,
  unreadSheetReason,
} from './xlsx-skipped.ts';
import { readWorkbookInfo, type SheetInfo, type WorkbookInfo } from './xlsx-workbook.ts';
import { DEFAULT_ZIP_LIMITS, readZipDirectory, type ZipEntry, type ZipLimits } from './zip-directory.ts';

export interface XlsxOptions {
  batchRows?: number;
  zipLimits?: ZipLimits;
  /** The largest shared-string table read (MAX_SHARED_STRINGS_BYTES otherwise). */
  maxSharedStringsBytes?: number;
  /** Told of each sheet left out (hidden, empty, a chart, no table), for the ingest report. */
  onSheetSkipped?: SheetSkipListener;
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
  let batch: string[][] = [];
  for (const part of plan.parts) {
    const keep = createRowFilter(part.header);
    let toSkip = part.skip;
    for await (const rows of readRows(plan.path, plan.book, part.sheet, part.extras)) {
      for (const cells of rows) {
        if (toSkip > 0) toSkip--;
        else if (keep(cells)) batch.push(cells);
        if (batch.length >= plan.batchRows) {
          yield batch;
          batch = [];
        }
      }
    }
  }
  if (batch.length > 0) yield batch;
}

async function readHead(
  path: string,
  book: WorkbookInfo,
  sheet: SheetInfo,
  extras: SheetExtras | undefined,
): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const chunk of readRows(path, book, sheet, extras)) {
    rows.push(...chunk.slice(0, HEAD_ROWS - rows.length));
    if (rows.length >= HEAD_ROWS) break;
  }
  return rows;
}

/** A sheet that holds a table: its part and the data rows read up front. */
interface FoundSheet {
  part: SheetPart;
  data: string[][];
}

/** Sheets with the same column names, in the same order, are one table: owners keep a sheet a month or a site. */
function layoutKey(header: readonly string[]): string {
  const cells = header.map((h) => h.trim().toLowerCase().replace(/\s+/g, ' '));
  while (cells.at(-1) === '') cells.pop();
  return cells.join('\u001f');
}

function groupByLayout(found: readonly FoundSheet[]): FoundSheet[][] {
  const groups = new Map<string, FoundSheet[]>();
  for (const sheet of found) {
    const key = layoutKey(sheet.part.header);
    groups.set(key, [...(groups.get(key) ?? []), sheet]);
  }
  return [...groups.values()];
}

function toTable(
  path: string,
  book: WorkbookInfo,
  group: readonly FoundSheet[],
  batchRows: number,
): RawTable {
  const data = group.flatMap((g) => g.data);
  const source: SheetRowSource = { kind: 'xlsx', path, book, parts: group.map((g) => g.part), batchRows };
  const table: RawTable = {
    headers: cleanHeaders(group[0]!.part.header, widthOf(data)),
    sample: capSample(data),
    rows: () => streamSheetRows(source),
    source,
  };
  const names = group.flatMap((g) => (g.part.sheet.name === undefined ? [] : [g.part.sheet.name]));
  if (names.length > 0) table.name = names.join(', ');
  return table;
}

const sheetName = (sheet: SheetInfo): string => sheet.name ?? `sheet${sheet.number}`;

/**
 * Parses every visible sheet that holds a table, sheets of one layout as one table; each sheet left out is told to
 * `onSheetSkipped` with why. Throws 'ingest.too_large' or 'ingest.unreadable' with a reason (naming every sheet when
 * none holds a table).
 */
export async function parseXlsx(file: IncomingFile, options: XlsxOptions = {}): Promise<RawTable[]> {
  const entries = await readZipDirectory(file.path, options.zipLimits ?? DEFAULT_ZIP_LIMITS);
  refuseNonWorkbook(entries);
  const scan = await scanWorkbook(file.path, entries);
  const book = await readWorkbookInfo(file.path, entries, options.maxSharedStringsBytes).catch(
    (err: unknown) => {
      throw damagedWorkbook(err);
    },
  );
  const skipped: SkippedSheet[] = [];
  const found: FoundSheet[] = [];
  for (const sheet of book.sheets) {
    const unread = unreadSheetReason(sheet);
    if (unread !== undefined) {
      skipped.push({ sheet: sheetName(sheet), reason: unread });
      continue;
    }
    const extras = scan.get(sheet.number);
    const head = readSheetHead(await readHead(file.path, book, sheet, extras));
    if ('reason' in head) skipped.push({ sheet: sheetName(sheet), reason: head.reason });
    else found.push({ part: { sheet, extras, skip: head.at + 1, header: head.header }, data: head.data });
  }
  for (const { name, kind } of book.nonWorksheets)
    skipped.push({ sheet: name, reason: kind === 'chart' ? CHART_SHEET : OTHER_SHEET });
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  const tables = groupByLayout(found).map((group) => {
    const { kept, skipped: repeats } = dropRepeatedSheets(group, sheetName);
    skipped.push(...repeats);
    return toTable(file.path, book, kept, batchRows);
  });
  if (tables.length === 0) throw noSheetToRead(skipped);
  for (const sheet of skipped) options.onSheetSkipped?.(sheet);
  return tables;
}
