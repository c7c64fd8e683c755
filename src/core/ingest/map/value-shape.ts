// What a column's sample values look like (dates? numbers? statuses?), to confirm or reject a header's name.
import type { ColumnDef } from '../../warehouse/tables.ts';
import { parseDate, parseTime } from '../normalise/date.ts';
import { isBlankish, parseNumber } from '../normalise/number.ts';
import { normaliseStatus } from '../normalise/status.ts';
import { normaliseUnit, splitQuantity } from '../normalise/units.ts';

/** Shares (0..1) of a column's non-blank sample values that read as each kind. */
export interface ColumnProfile {
  filled: number;
  date: number;
  number: number;
  quantity: number;
  status: number;
  unit: number;
  time: number;
}

const KNOWN_UNITS = new Set(['kg', 'l', 'pcs', 'pkt', 'btl']);

function share(values: readonly string[], test: (v: string) => boolean): number {
  if (values.length === 0) return 0;
  let hits = 0;
  for (const v of values) if (test(v)) hits++;
  return hits / values.length;
}

/** Profiles every column of a sample; a column with no values gets zero shares and filled 0. */
export function profileColumns(width: number, sample: readonly (readonly string[])[]): ColumnProfile[] {
  return Array.from({ length: width }, (_, col) => {
    const values = sample.map((row) => row[col] ?? '').filter((v) => !isBlankish(v));
    return {
      filled: values.length,
      date: share(values, (v) => parseDate(v) !== null),
      number: share(values, (v) => parseNumber(v) !== null),
      quantity: share(values, (v) => {
        const split = splitQuantity(v);
        return split !== null && parseNumber(split.value) !== null;
      }),
      status: share(values, (v) => normaliseStatus(v) !== null),
      unit: share(values, (v) => KNOWN_UNITS.has(normaliseUnit(v)?.unit ?? '')),
      time: share(values, (v) => parseTime(v) !== null),
    };
  });
}

/** Text targets that a column of plain numbers cannot be. */
const WORDY = new Set(['item', 'description', 'vendor', 'category', 'payment_mode', 'staff']);

/**
 * How well a column's values fit a target, 0.2..1 (0.8 for an empty column: nothing confirms or contradicts the
 * name). Multiplies the header score, so a "Date" column full of names loses to one full of dates.
 */
export function shapeFit(target: ColumnDef, profile: ColumnProfile): number {
  if (profile.filled === 0) return 0.8;
  const byShare = (s: number): number => (s >= 0.8 ? 1 : 0.2 + 0.8 * s);
  if (target.type === 'date') return byShare(profile.date);
  if (target.type === 'float' || target.type === 'integer') {
    // Quantities may carry their unit ("1.5 kg"); amounts may not.
    return byShare(target.name.endsWith('qty') ? profile.quantity : profile.number);
  }
  if (target.name === 'status') return byShare(profile.status);
  if (target.name === 'unit') return byShare(profile.unit);
  if (target.name === 'order_time') return byShare(profile.time);
  if (WORDY.has(target.name) && profile.number >= 0.9) return 0.4;
  return 1;
}
