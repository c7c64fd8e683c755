// A worksheet's rows as cell text, streamed: shared and inline strings, numbers as Excel shows them, dates as ISO, formulas as their cached result.

import { unreadable } from '../unreadable.ts';
import { decodeOoxmlEscapes, SheetXmlScanner } from './sheet-xml.ts';
import { dateText, numberText } from './xlsx-cells.ts';
import { columnNumber, EXCEL_COLUMNS } from './xlsx-scan.ts';
import type { SheetInfo, WorkbookInfo } from './xlsx-workbook.ts';
import { entryChunks } from './zip-entry.ts';

/** One row of a sheet: its number and its cells' text from column A (gaps are ''). */
export interface SheetRow {
  number: number;
  cells: string[];
}

/** Excel serial → date, as Excel shows it (the sheet's wall clock, kept in UTC fields). */
function serialDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/**
 * The text a cell shows, from its type and cached value. A formula contributes only that cached value
 * (nothing is evaluated); text such as "=HYPERLINK(…)" stays the literal text it is.
 */
function cellValue(type: string, style: number, raw: string, inline: string, book: WorkbookInfo): string {
  switch (type) {
    case 's':
      return book.sharedStrings[Number(raw)] ?? '';
    case 'inlineStr':
      return decodeOoxmlEscapes(inline);
    case 'str':
      return decodeOoxmlEscapes(raw);
    case 'd':
      return raw;
    case 'b':
      return raw === '' ? '' : Number(raw) !== 0 ? 'TRUE' : 'FALSE';
    case 'e':
      return '';
    default: {
      if (raw === '') return '';
      const n = Number(raw);
      if (Number.isNaN(n)) return '';
      return book.dateStyles[style] ? dateText(serialDate(n, book.date1904)) : numberText(n);
    }
  }
}

const CELL_REF = /^([A-Z]+)(\d*)$/;
/** The only tags whose attributes the reader needs. */
const WITH_ATTRIBUTES = new Set(['row', 'c']);

/** Streams a sheet's rows, a parsed chunk of the sheet XML at a time; stops inflating when the consumer stops. */
export async function* sheetRows(
  path: string,
  sheet: SheetInfo,
  book: WorkbookInfo,
): AsyncGenerator<SheetRow[]> {
  let ready: SheetRow[] = [];
  let row: SheetRow | null = null;
  let lastRow = 0;
  // The cell being read: its column (0-based), type, style, cached value and inline text.
  let col = -1;
  let type = '';
  let style = 0;
  let raw = '';
  let inline = '';
  // What text is for: 'v' (cached value), 't' (inline string run), or nothing.
  let textFor: 'v' | 't' | '' = '';
  let inPhonetic = false;

  const open = (name: string, attributes: Record<string, string>): void => {
    if (name === 'row') {
      const r = Number(attributes.r);
      lastRow = Number.isInteger(r) && r > 0 ? r : lastRow + 1;
      row = { number: lastRow, cells: [] };
    } else if (name === 'c' && row) {
      const ref = CELL_REF.exec(attributes.r ?? '');
      col = ref ? columnNumber(ref[1]!) - 1 : row.cells.length;
      if (col >= EXCEL_COLUMNS) {
        throw unreadable(
          `The workbook has a cell beyond Excel's last column (XFD) in row ${lastRow}: it is damaged or was not made by Excel. Save it as CSV and upload that.`,
        );
      }
      type = attributes.t ?? 'n';
      style = Number(attributes.s ?? 0);
      raw = '';
      inline = '';
    } else if (name === 'v' && col >= 0) {
      textFor = 'v';
    } else if (name === 'rPh') {
      inPhonetic = true;
    } else if (name === 't' && col >= 0 && !inPhonetic) {
      textFor = 't';
    }
  };
  const text = (t: string): void => {
    if (textFor === 'v') raw += t;
    else if (textFor === 't') inline += t;
  };
  const close = (name: string): void => {
    if (name === 'v' || name === 't') textFor = '';
    else if (name === 'rPh') inPhonetic = false;
    else if (name === 'c' && row && col >= 0) {
      const value = cellValue(type, style, raw, inline, book);
      while (row.cells.length < col) row.cells.push('');
      row.cells[col] = value;
      col = -1;
    } else if (name === 'row' && row) {
      ready.push(row);
      row = null;
    }
  };

  const scanner = new SheetXmlScanner({ open, text, close }, WITH_ATTRIBUTES);
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of entryChunks(path, sheet.entry)) {
    scanner.write(decoder.decode(chunk, { stream: true }));
    if (ready.length === 0) continue;
    yield ready;
    ready = [];
  }
  scanner.write(decoder.decode());
  scanner.end();
  if (ready.length > 0) yield ready;
}
