// Finding the table inside rows of cells: which row is the header, and which rows are blank, totals or repeats.
import { parseDate } from '../normalise/date.ts';

/** Leading non-blank rows searched for the header (report titles, outlet names and dates come first). */
export const HEADER_SEARCH_ROWS = 30;

const TOTALS = /^(?:grand|sub|net|bill|day|page)?[\s-]*totals?\s*[:.]?$/i;

// The row checks run on every row of a file, so they loop without allocating.
export function isBlankRow(row: readonly string[]): boolean {
  for (const cell of row) if (cell.trim() !== '') return false;
  return true;
}

/** What String.prototype.trim removes (JavaScript's WhiteSpace and LineTerminator). */
function isTrimmed(code: number): boolean {
  return (
    code <= 32 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Only a cell ending in l, s, ":" or "." (before any spaces) can be a totals label: most cells are ruled out without a regex. */
function mayBeTotal(cell: string): boolean {
  let end = cell.length - 1;
  while (end >= 0 && isTrimmed(cell.charCodeAt(end))) end -= 1;
  const last = cell.charCodeAt(end) | 32;
  return end >= 4 && (last === 108 || last === 115 || last === 58 || last === 46);
}

/** A "Total", "Grand Total" or "Sub-total:" row: a summary of the rows above, never data. */
export function isTotalsRow(row: readonly string[]): boolean {
  for (const cell of row) if (mayBeTotal(cell) && TOTALS.test(cell.trim())) return true;
  return false;
}

/**
 * A totals line among header candidates: a totals label and no other label ("Grand Total", "", "4,500").
 * A header may name a column "Total" beside others ("Date, Item, Qty, Total"), or hold a side cell
 * "Total" with its =SUM beside the real column names: both have other labels, so both stay headers.
 */
function isTotalsLine(row: readonly string[]): boolean {
  let totals = false;
  for (const raw of row) {
    const cell = raw.trim();
    if (mayBeTotal(cell) && TOTALS.test(cell)) totals = true;
    else if (cell !== '' && isLabel(cell)) return false;
  }
  return totals;
}

function distinctFilled(row: readonly string[]): number {
  return new Set(row.map((c) => c.trim()).filter((c) => c !== '')).size;
}

/** A cell that names something: has letters and is not a date ("Jan 5, 2024" is a value, not a label). */
function isLabel(cell: string): boolean {
  return /\p{L}/u.test(cell) && parseDate(cell) === null;
}

/**
 * Index of the header among the given (non-blank) rows, or -1: the first row with two or more distinct
 * cells, at least one label, at least half as wide as the widest row and not much narrower than the row
 * under it. Titles ("Sales Report", merged across the top) and "Outlet: X" lines fail one of these.
 */
export function locateHeader(rows: readonly (readonly string[])[]): number {
  const head = rows.slice(0, HEADER_SEARCH_ROWS);
  const widths = head.map(distinctFilled);
  const needed = Math.max(2, Math.ceil(Math.max(0, ...widths) / 2));
  return head.findIndex((row, i) => {
    const width = widths[i]!;
    const below = i + 1 < head.length ? widths[i + 1]! : 0;
    return (
      width >= needed && width >= 0.6 * below && row.some((c) => isLabel(c.trim())) && !isTotalsLine(row)
    );
  });
}

/**
 * Header cells as names: trimmed and single-spaced, blanks named "Column N", repeats suffixed " (2)",
 * padded to `width` so every data column has a name.
 */
export function cleanHeaders(row: readonly string[], width: number): string[] {
  const seen = new Map<string, number>();
  return Array.from({ length: Math.max(width, row.length) }, (_, i) => {
    const name = (row[i] ?? '').replace(/\s+/g, ' ').trim() || `Column ${i + 1}`;
    const count = (seen.get(name.toLowerCase()) ?? 0) + 1;
    seen.set(name.toLowerCase(), count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

/** Keeps data rows: drops blank rows, totals rows and the header repeated (as on every printed page). */
export function createRowFilter(headerRow: readonly string[]): (row: readonly string[]) => boolean {
  const header = headerRow.map((c) => c.trim());
  const isHeader = (row: readonly string[]): boolean => {
    if (row.length !== header.length) return false;
    for (let i = 0; i < row.length; i += 1) if (row[i]!.trim() !== header[i]) return false;
    return true;
  };
  return (row) => !isBlankRow(row) && !isTotalsRow(row) && !isHeader(row);
}

/** The widest row, so headers cover every data column. */
export function widthOf(rows: readonly (readonly string[])[]): number {
  return rows.reduce((max, row) => Math.max(max, row.length), 0);
}
