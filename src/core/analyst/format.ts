// The one way Titan writes a number: ₹ with Indian grouping, percentages, quantities and counts.
import type { Fact } from '../model/answer.ts';

/** Units whose facts are whole counts ("312 bills"). */
/** Count units, each with the word for one of it ("1 item", not "1 items"). */
const COUNT_UNITS = new Map([
  ['bills', 'bill'],
  ['covers', 'cover'],
  ['rows', 'row'],
  ['lines', 'line'],
  ['items', 'item'],
  ['portions', 'portion'],
  ['orders', 'order'],
  ['days', 'day'],
  ['voids', 'void'],
  ['comps', 'comp'],
  ['staff', 'staff'],
]);

const grouped = (min: number, max: number) =>
  new Intl.NumberFormat('en-IN', { minimumFractionDigits: min, maximumFractionDigits: max });
const WHOLE = grouped(0, 0);
const PAISE = grouped(2, 2);
const ONE_DECIMAL = grouped(0, 1);

/** Formats |value|, so a rounded "-0" never appears; callers add the sign. */
const digits = (format: Intl.NumberFormat, value: number): string => format.format(Math.abs(value));
const sign = (format: Intl.NumberFormat, value: number): string =>
  value < 0 && format.format(Math.abs(value)) !== format.format(0) ? '-' : '';

/** Whole rupees with Indian grouping: 123456.7 → "₹1,23,457"; -1234 → "-₹1,234". */
export function formatInr(value: number): string {
  return `${sign(WHOLE, value)}₹${digits(WHOLE, value)}`;
}

/** Rupees and paise, for unit prices: 57.4 → "₹57.40". */
export function formatInrPrecise(value: number): string {
  return `${sign(PAISE, value)}₹${digits(PAISE, value)}`;
}

/** A value already in percent, at most one decimal: 23.44 → "23.4%", 30 → "30%". */
export function formatPct(value: number): string {
  return `${sign(ONE_DECIMAL, value)}${digits(ONE_DECIMAL, value)}%`;
}

/** A signed change in percent as words: 23.4 → "up 23.4%", -8 → "down 8%", ~0 → "flat". */
export function formatChange(value: number): string {
  if (digits(ONE_DECIMAL, value) === '0') return 'flat';
  return `${value > 0 ? 'up' : 'down'} ${formatPct(Math.abs(value))}`;
}

/** A whole count with Indian grouping: 45210 → "45,210". */
export function formatCount(value: number): string {
  return `${sign(WHOLE, value)}${digits(WHOLE, value)}`;
}

/** A measured quantity, at most one decimal: (12.46, "kg") → "12.5 kg". */
export function formatQty(value: number, unit: string): string {
  return `${sign(ONE_DECIMAL, value)}${digits(ONE_DECIMAL, value)} ${unit}`;
}

/** A multiple of something ("5.3× the median"). */
export function formatTimes(value: number): string {
  return `${sign(ONE_DECIMAL, value)}${digits(ONE_DECIMAL, value)}×`;
}

/**
 * A fact exactly as headlines show it, chosen by its unit:
 * "INR" → "₹1,176" · "INR/week" → "₹1,176/week" · "INR/kg" (any "INR/<qty unit>") → "₹57.40/kg" ·
 * "%" → "23.4%" · "x" → "5.3×" · count units (bills, covers, rows …) → "312 bills" · anything else is a
 * quantity → "12.5 kg".
 */
export function formatFact(fact: Pick<Fact, 'value' | 'unit'>): string {
  const { value, unit } = fact;
  if (unit === 'INR') return formatInr(value);
  if (unit === 'INR/week') return `${formatInr(value)}/week`;
  if (unit.startsWith('INR/')) return `${formatInrPrecise(value)}/${unit.slice(4)}`;
  if (unit === '%') return formatPct(value);
  if (unit === 'x') return formatTimes(value);
  const one = COUNT_UNITS.get(unit);
  if (one !== undefined) return `${formatCount(value)} ${value === 1 ? one : unit}`;
  return formatQty(value, unit);
}

/**
 * Just the digits of a fact as they appear in text, without sign, ₹ or unit ("1,176", "23.4", "57.40").
 * A grounding check can compare every number token in a text against these.
 */
export function formatFactNumber(fact: Pick<Fact, 'value' | 'unit'>): string {
  const { value, unit } = fact;
  if (unit === 'INR' || unit === 'INR/week' || COUNT_UNITS.has(unit)) return digits(WHOLE, value);
  if (unit.startsWith('INR/')) return digits(PAISE, value);
  return digits(ONE_DECIMAL, value);
}
