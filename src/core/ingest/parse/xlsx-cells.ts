// exceljs cell values → the strings of a RawTable: cached formula results (never evaluated), dates as ISO, merges filled.
import type { MergeRange, SheetExtras } from './xlsx-scan.ts';

/** Excel's day 0 and 1 (1899-12-30/31): a date cell on them holds only a time of day. */
const TIME_ONLY_DAYS = new Set(['1899-12-30', '1899-12-31']);

function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  // exceljs encodes the sheet's wall-clock time as UTC, so the UTC fields are what the sheet shows.
  const iso = date.toISOString();
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  if (TIME_ONLY_DAYS.has(day)) return time;
  return time === '00:00:00' ? day : `${day} ${time}`;
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  // 15 significant digits is what Excel shows; beyond that is binary noise (0.1 + 0.2).
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

/**
 * The text of a cell as exceljs's stream reader gives it. A formula contributes only its cached result,
 * so nothing is ever evaluated; a formula with no cached result is blank. Strings such as
 * "=HYPERLINK(…)" stay the literal text they are.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value !== 'object') return '';
  if ('result' in value) return cellText(value.result);
  if ('richText' in value && Array.isArray(value.richText)) {
    return value.richText.map((run: { text?: unknown }) => cellText(run.text)).join('');
  }
  if ('text' in value) return cellText(value.text);
  return '';
}

/**
 * Turns one sheet's stream of rows into rows of strings, repairing what the stream reader skips: merged
 * ranges are filled with their top-left value (a date merged down a day's bills belongs to each bill)
 * and t="d" cells get their ISO text back.
 */
export function createRowReader(
  extras: SheetExtras | undefined,
): (rowNumber: number, values: unknown[]) => string[] {
  const pending = [...(extras?.merges ?? [])].sort((a, b) => a.top - b.top);
  let active: { range: MergeRange; value: string }[] = [];
  const isoDates = extras?.isoDates;
  return (rowNumber, values) => {
    // A plain loop: this runs for every row of a sheet, and exceljs's values are sparse (index 0 unused).
    const cells: string[] = new Array(Math.max(0, values.length - 1));
    for (let i = 0; i < cells.length; i++) cells[i] = cellText(values[i + 1]);
    const dates = isoDates?.get(rowNumber);
    if (dates) for (const [col, text] of dates) cells[col - 1] = text;
    if (active.length > 0) active = active.filter((m) => m.range.bottom >= rowNumber);
    while (pending.length > 0 && pending[0]!.top <= rowNumber) {
      const range = pending.shift()!;
      if (range.bottom >= rowNumber)
        active.push({ range, value: range.top === rowNumber ? (cells[range.left - 1] ?? '') : '' });
    }
    for (const { range, value } of active) {
      for (let col = range.left; col <= range.right; col++) cells[col - 1] = value;
    }
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    return cells;
  };
}
