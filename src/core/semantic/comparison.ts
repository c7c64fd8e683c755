// The period a query is compared with: the one just before, the same dates a week / month / year back, or a named one.
import { addDays } from '../analyst/calendar.ts';
import { periodDays, previousPeriod } from '../analyst/periods.ts';
import { TitanError } from '../errors.ts';
import type { Period } from '../model/answer.ts';
import type { Comparison } from './query.ts';

/** "Same dates last week" only makes sense for a week or less: a longer span would overlap itself. */
export const LAST_WEEK_MAX_DAYS = 7;

const daysInMonth = (year: number, month0: number): number =>
  new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();

/**
 * The same date `months` calendar months away. A day past the target month's end is clamped to it
 * (31 Mar → 28 Feb), and a month's last day maps to the target's last day (28 Feb → 31 Jan), so a whole
 * month compares with the whole month.
 */
export function shiftMonths(iso: string, months: number): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const toYear = Math.floor(index / 12);
  const toMonth0 = index - toYear * 12;
  const last = daysInMonth(toYear, toMonth0);
  const toDay = day === daysInMonth(year, month - 1) ? last : Math.min(day, last);
  return `${String(toYear).padStart(4, '0')}-${String(toMonth0 + 1).padStart(2, '0')}-${String(toDay).padStart(2, '0')}`;
}

type Span = Pick<Period, 'from' | 'to'>;

/** The days two periods share, if any: a change between overlapping periods counts those days on both sides. */
export function sharedDays(a: Span, b: Span): Span | undefined {
  // ISO dates order as text: the later start and the earlier end.
  const from = [a.from, b.from].sort()[1]!;
  const to = [a.to, b.to].sort()[0]!;
  return from <= to ? { from, to } : undefined;
}

/**
 * The comparison period of `compare` for `period`; throws request.invalid for "last week" over a longer span
 * and for a comparison period that shares days with the period.
 */
export function comparisonPeriod(period: Period, compare: Comparison): Period {
  const then = periodCompared(period, compare);
  const shared = sharedDays(period, then);
  if (shared) {
    throw new TitanError(
      'request.invalid',
      `${period.label} and ${then.label} share ${shared.from === shared.to ? shared.from : `${shared.from} to ${shared.to}`}, so a change between them would count those days twice: ask for each on its own.`,
      { detail: { compare: compare.kind, shared } },
    );
  }
  return then;
}

function periodCompared(period: Period, compare: Comparison): Period {
  switch (compare.kind) {
    case 'previous':
      return previousPeriod(period);
    case 'last_week': {
      const days = periodDays(period);
      if (days > LAST_WEEK_MAX_DAYS) {
        throw new TitanError(
          'request.invalid',
          `"${period.label}" is ${days} days, so the same dates a week earlier overlap it: compare it with the previous ${days} days instead.`,
          { detail: { compare: compare.kind, days } },
        );
      }
      return {
        from: addDays(period.from, -7),
        to: addDays(period.to, -7),
        label: days === 1 ? 'the same day last week' : 'the same days last week',
      };
    }
    case 'last_month':
      return {
        from: shiftMonths(period.from, -1),
        to: shiftMonths(period.to, -1),
        label: 'the same dates last month',
      };
    case 'last_year':
      return {
        from: shiftMonths(period.from, -12),
        to: shiftMonths(period.to, -12),
        label: 'the same dates last year',
      };
    case 'period':
      return compare.period;
  }
}
