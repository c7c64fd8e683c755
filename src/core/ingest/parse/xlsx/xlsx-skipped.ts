// Why a sheet of a workbook held no table to read, in words an owner can act on; and the error when no sheet did.
import type { TitanError } from '../../../errors.ts';
import { createRowFilter, HEADER_SEARCH_ROWS, locateHeader } from '../table-shape.ts';
import { unreadable } from '../unreadable.ts';
import type { SheetInfo } from './xlsx-workbook.ts';

/** A sheet not read, and why (the ingest report's `sheetsSkipped`). */
export interface SkippedSheet {
  sheet: string;
  reason: string;
}

/** Told of each sheet a workbook parser leaves out, once the workbook has been read. */
export type SheetSkipListener = (skipped: SkippedSheet) => void;

export const CHART_SHEET = 'is a chart, not a table of rows';
export const OTHER_SHEET = 'is a macro or dialog sheet, not a table of rows';
const HIDDEN_SHEET = 'is hidden: unhide it in Excel and upload again if it holds data to load';
const PIVOT_SHEET =
  'is a pivot table, a summary of other rows: upload the rows it summarises, not the summary';
const EMPTY_SHEET = 'is empty';
const NO_HEADER_SHEET = `has no row of column names (e.g. Date, Item, Amount) in its first ${HEADER_SEARCH_ROWS} rows: add one above its data, if it holds any`;
const HEADER_ONLY_SHEET = 'has column names but no rows under them';

/** Excel's own label over a pivot table's row field: a sheet with it holds pasted pivot values. */
const PIVOT_LABEL = /^row labels$/i;

/** Why a sheet is left out before its rows are read (hidden, a pivot), or undefined to read it. */
export function unreadSheetReason(sheet: SheetInfo): string | undefined {
  if (sheet.state === 'hidden' || sheet.state === 'veryHidden') return HIDDEN_SHEET;
  if (sheet.pivot) return PIVOT_SHEET;
  return undefined;
}

/** What a sheet's first rows hold: a table (its header row and the data rows under it), or why not. */
export type SheetHead = { at: number; header: string[]; data: string[][] } | { reason: string };

export function readSheetHead(rows: readonly string[][]): SheetHead {
  if (rows.length === 0) return { reason: EMPTY_SHEET };
  const at = locateHeader(rows);
  if (at < 0) return { reason: NO_HEADER_SHEET };
  const header = rows[at]!;
  if (header.some((cell) => PIVOT_LABEL.test(cell.trim()))) return { reason: PIVOT_SHEET };
  const data = rows.slice(at + 1).filter(createRowFilter(header));
  return data.length === 0 ? { reason: HEADER_ONLY_SHEET } : { at, header, data };
}

/** The error for a workbook none of whose sheets holds a table: each sheet named with why. */
export function noSheetToRead(skipped: readonly SkippedSheet[]): TitanError {
  if (skipped.length === 0)
    return unreadable('The workbook has no sheets: check you exported the right report.');
  if (skipped.every((s) => s.reason === EMPTY_SHEET)) {
    return unreadable('The workbook has no data in any sheet: check you exported the right report.');
  }
  if (
    skipped.some((s) => s.reason === HEADER_ONLY_SHEET) &&
    skipped.every((s) => s.reason !== NO_HEADER_SHEET)
  ) {
    const only = skipped.filter((s) => s.reason === HEADER_ONLY_SHEET).map((s) => `"${s.sheet}"`);
    return unreadable(
      `The workbook has a header row but no data rows (${only.join(', ')}): export it again once it has entries.`,
    );
  }
  const each = skipped.map((s) => `"${s.sheet}" ${s.reason}`).join('; ');
  return unreadable(`No sheet of this workbook holds a table Titan can load: ${each}.`);
}
