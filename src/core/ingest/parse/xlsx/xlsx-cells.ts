// Cell text as Excel shows it (numbers to 15 digits, dates as ISO), and merged ranges filled with their value.
import type { MergeRange, SheetExtras } from './xlsx-scan.ts';

/** Excel's day 0 and 1 (1899-12-30/31): a date cell on them holds only a time of day. */
const TIME_ONLY_DAYS = new Set(['1899-12-30', '1899-12-31']);

/** A date cell's text: the day, the time of a time-only cell, or both. The UTC fields hold the sheet's wall clock. */
export function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  if (TIME_ONLY_DAYS.has(day)) return time;
  return time === '00:00:00' ? day : `${day} ${time}`;
}

export function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  // 15 significant digits is what Excel shows; beyond that is binary noise (0.1 + 0.2).
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

/**
 * Fills merged ranges with their top-left value as rows stream past: a date merged down a day's bills
 * belongs to each bill. The merges come from the scan, since a sheet lists them after its rows.
 */
export function createRowReader(
  extras: SheetExtras | undefined,
): (rowNumber: number, cells: string[]) => string[] {
  const pending = [...(extras?.merges ?? [])].sort((a, b) => a.top - b.top);
  let active: { range: MergeRange; value: string }[] = [];
  return (rowNumber, cells) => {
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
