// What each suite question expects Titan to read: measure(s), the exact period, filters, grouping, ranking, or a decline.
//
// Periods follow the conventions the analyst has always used (src/core/analyst/periods.ts), on TODAY, Thu 3 Dec 2026:
// today is still trading, so "last N days" is the N complete days before today; "last week" is Monday–Sunday before
// this one; "this week" is Monday to today; "last month" is the calendar month before this one; a day or month
// named without a year is the most recent one not in the future; "this financial year" starts on 1 April.
import { addDays, weekdayOf } from '../../src/core/analyst/calendar.ts';
import type { DimensionId, MeasureId } from '../../src/core/semantic/query.ts';
import { TODAY } from './cafe/cafe-book.ts';

export interface Range {
  from: string;
  to: string;
}

export interface ExpectedFilter {
  dimension: DimensionId;
  /** Values exactly as stored in the owner's files; any of them matches. */
  values: string[];
}

export interface Expectation {
  /** The measure(s) asked for; the first is the one ranked, shared or compared. */
  measures: MeasureId[];
  period: Range;
  filters: ExpectedFilter[];
  groupBy?: DimensionId;
  rank?: { order: 'desc' | 'asc'; limit: number };
  /** A share question: the group whose % of the first measure's total is the answer. */
  shareOf?: string;
  /** A comparison: the period the figure is compared with. */
  compare?: Range;
  /**
   * A point-in-time figure ("how much rice is in stock?", "today's rate"): `from` is not read, and `to` may be
   * any day from the last day the register has a row for up to `period.to` (the figure is the same on each).
   */
  snapshot?: boolean;
  /** Other readings that are the same figure by definition (salaries as the labour measure). */
  alsoAccept?: { measures: MeasureId[]; filters: ExpectedFilter[] }[];
}

/**
 * "unsupported": Titan has no data that could answer it (table turnover, delivery commission): it must decline.
 * "no-data": the question is answerable in kind, but no row exists for its period or name: no figure may be given.
 */
export type DeclineKind = 'unsupported' | 'no-data';

export type Family =
  | 'point-day'
  | 'range'
  | 'month'
  | 'relative'
  | 'past-year'
  | 'top-n'
  | 'best-worst-day'
  | 'item'
  | 'vendor'
  | 'staff'
  | 'category'
  | 'payment-mode'
  | 'counts'
  | 'stock'
  | 'rates'
  | 'expenses'
  | 'wastage'
  | 'comparison'
  | 'share'
  | 'typo'
  | 'hinglish'
  | 'decline'
  | 'no-data';

export type Question =
  | { id: string; family: Family; text: string; expect: Expectation }
  | { id: string; family: Family; text: string; decline: DeclineKind; probe?: Expectation };

/** A question Titan must not answer with a figure; `probe` (no-data only) is the reading whose rows do not exist. */
export type Refusal = { decline: 'unsupported' } | { decline: 'no-data'; probe: Expectation };

type Entry = [text: string, expect: Expectation | Refusal];

/** Numbers a family's questions `<prefix>-<family>-<n>`. */
export function family(prefix: string, name: Family, entries: Entry[]): Question[] {
  return entries.map(([text, e], i) => {
    const id = `${prefix}-${name}-${i + 1}`;
    return 'decline' in e ? { id, family: name, text, ...e } : { id, family: name, text, expect: e };
  });
}

export interface ExpectOptions {
  filters?: ExpectedFilter[];
  groupBy?: DimensionId;
  rank?: Expectation['rank'];
  shareOf?: string;
  compare?: Range;
  snapshot?: boolean;
  alsoAccept?: Expectation['alsoAccept'];
}

/** The expectation for `measure` (or several) over `period`. */
export function wants(
  measure: MeasureId | MeasureId[],
  period: Range,
  options: ExpectOptions = {},
): Expectation {
  return { measures: Array.isArray(measure) ? measure : [measure], period, filters: [], ...options };
}

export const unsupported = (): Refusal => ({ decline: 'unsupported' });
/** The question reads as `probe`, but the café's rows hold nothing for it. */
export const noData = (probe: Expectation): Refusal => ({ decline: 'no-data', probe });

// Filters, by dimension.
const filter =
  (dimension: DimensionId) =>
  (...values: string[]): ExpectedFilter => ({ dimension, values });
export const item = filter('item');
export const category = filter('category');
export const vendor = filter('vendor');
export const staff = filter('staff');
export const mode = filter('payment_mode');
export const head = filter('expense_head');

export const top = (limit: number): Expectation['rank'] => ({ order: 'desc', limit });
export const bottom = (limit: number): Expectation['rank'] => ({ order: 'asc', limit });

// Periods.
export const on = (iso: string): Range => ({ from: iso, to: iso });
export const between = (from: string, to: string): Range => ({ from, to });
export const daysAgo = (n: number): string => addDays(TODAY, -n);
export const today = (): Range => on(TODAY);
export const yesterday = (): Range => on(daysAgo(1));
/** The N complete days before today. */
export const lastDays = (n: number): Range => between(daysAgo(n), daysAgo(1));
/** The N days before `range`, ending the day before it starts. */
export const daysBefore = (range: Range, n: number): Range =>
  between(addDays(range.from, -n), addDays(range.from, -1));
const monday = addDays(TODAY, -((weekdayOf(TODAY) + 6) % 7));
export const thisWeek = (): Range => between(monday, TODAY);
export const lastWeek = (): Range => between(addDays(monday, -7), addDays(monday, -1));
export function month(year: number, m: number): Range {
  const mm = String(m).padStart(2, '0');
  const next = m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`;
  return between(`${year}-${mm}-01`, addDays(next, -1));
}
export const thisMonth = (): Range => between(`${TODAY.slice(0, 8)}01`, TODAY);
export const year = (y: number): Range => between(`${y}-01-01`, `${y}-12-31`);
/** The most recent given weekday (0 = Sunday) before today. */
export function lastWeekday(weekday: number): string {
  const back = (weekdayOf(TODAY) - weekday + 7) % 7 || 7;
  return daysAgo(back);
}
