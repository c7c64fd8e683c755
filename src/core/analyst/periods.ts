// Period arithmetic every figure shares: how many days a period covers, and the equal period just before it.
import type { Period } from '../model/answer.ts';
import { addDays, daysBetween } from './calendar.ts';

/** Number of days a period covers, both ends included. */
export function periodDays(period: Period): number {
  return daysBetween(period.from, period.to) + 1;
}

/** The equal-length period just before `period` (for "change vs previous"). */
export function previousPeriod(period: Period): Period {
  const days = periodDays(period);
  return { from: addDays(period.from, -days), to: addDays(period.from, -1), label: `previous ${days} days` };
}

/** The N complete days before today (today is still trading). */
export function lastDays(days: number, today: string): Period {
  return { from: addDays(today, -days), to: addDays(today, -1), label: `last ${days} days` };
}
