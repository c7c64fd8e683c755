// ISO-date arithmetic the reader needs beyond calendar.ts: months, Monday weeks, the Indian financial year.
import { addDays, weekdayOf } from '../analyst/calendar.ts';

export { addDays, daysBetween, weekdayOf } from '../analyst/calendar.ts';

const pad = (n: number): string => String(n).padStart(2, '0');

/** The ISO date for year/month (1–12)/day, or null when there is no such day (31 Feb). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const iso = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  return addDays(iso, 0) === iso ? iso : null;
}

export const yearOf = (iso: string): number => Number(iso.slice(0, 4));
export const monthOf = (iso: string): number => Number(iso.slice(5, 7));

export const monthStart = (iso: string): string => `${iso.slice(0, 8)}01`;

/** Last day of the month `iso` falls in. */
export function monthEnd(iso: string): string {
  const next =
    monthOf(iso) === 12 ? `${yearOf(iso) + 1}-01-01` : `${iso.slice(0, 5)}${pad(monthOf(iso) + 1)}-01`;
  return addDays(next, -1);
}

/** `iso` moved by whole months, the day clamped to the month's length (31 Mar − 1 month = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const index = yearOf(iso) * 12 + monthOf(iso) - 1 + months;
  const first = `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`;
  const day = Math.min(Number(iso.slice(8, 10)), Number(monthEnd(first).slice(8, 10)));
  return `${first.slice(0, 8)}${pad(day)}`;
}

/** The Monday of the week `iso` falls in (weeks run Monday to Sunday). */
export const mondayOf = (iso: string): string => addDays(iso, -((weekdayOf(iso) + 6) % 7));

/** 1 April of the Indian financial year (April–March) `iso` falls in. */
export const financialYearStart = (iso: string): string =>
  `${monthOf(iso) >= 4 ? yearOf(iso) : yearOf(iso) - 1}-04-01`;

/** First day of the quarter (Jan/Apr/Jul/Oct) `iso` falls in. */
export const quarterStart = (iso: string): string =>
  `${iso.slice(0, 5)}${pad(Math.floor((monthOf(iso) - 1) / 3) * 3 + 1)}-01`;

/** The most recent day on or before `iso` that is `weekday` (0 = Sunday). */
export const lastWeekdayOnOrBefore = (iso: string, weekday: number): string =>
  addDays(iso, -((weekdayOf(iso) - weekday + 7) % 7));
