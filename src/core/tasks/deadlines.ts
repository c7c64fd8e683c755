// Task deadlines in the business's time zone: "in 24 hours" → "tomorrow 10 AM" (and back, for [TASK:] lines).
import { addDays, daysBetween, monthShort, wallClock, weekdayOf, zonedInstant } from '../analyst/calendar.ts';

const HOUR_MS = 3_600_000;
/** Deadlines beyond today land at the start of the working day, when managers read the thread. */
const WORKDAY_START_HOUR = 10;
const END_OF_DAY_HOUR = 18;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export interface Deadline {
  /** ISO timestamp (UTC). */
  at: string;
  /** "today 6 PM", "tomorrow 10 AM", "Friday 10 AM", "Mon 7 Dec 10 AM". */
  label: string;
}

function hourLabel(hour: number): string {
  if (hour === 0) return '12 AM';
  if (hour === 12) return '12 PM';
  return hour < 12 ? `${hour} AM` : `${hour - 12} PM`;
}

function dayLabel(today: string, date: string): string {
  const offset = daysBetween(today, date);
  if (offset === 0) return 'today';
  if (offset === 1) return 'tomorrow';
  const weekday = WEEKDAYS[weekdayOf(date)]!;
  if (offset < 7) return weekday;
  return `${weekday.slice(0, 3)} ${Number(date.slice(8))} ${monthShort(date)}`;
}

/**
 * A deadline `hours` from `now`: later today rounds up to the next full hour; any later day becomes that
 * day's 10 AM, so "within 24 hours" reads "tomorrow 10 AM" rather than "tomorrow 8:13 AM".
 */
export function deadlineIn(hours: number, now: Date, tz: string): Deadline {
  const today = wallClock(now, tz).date;
  const due = wallClock(new Date(now.getTime() + Math.max(1, hours) * HOUR_MS), tz);
  let date = due.date;
  let hour = WORKDAY_START_HOUR;
  if (due.date === today) {
    hour = due.hour + (due.minute > 0 ? 1 : 0);
    // Rounding up past midnight moves it to tomorrow's start of day instead.
    if (hour > 23) [date, hour] = [addDays(today, 1), WORKDAY_START_HOUR];
  }
  return {
    at: zonedInstant(date, hour, tz).toISOString(),
    label: `${dayLabel(today, date)} ${hourLabel(hour)}`,
  };
}

function parseHour(text: string): number | null {
  const m = text.match(/\b(\d{1,2})(?::\d{2})?\s*(am|pm)\b/);
  if (!m) return /\b(eod|end of day|tonight)\b/.test(text) ? END_OF_DAY_HOUR : null;
  const h = Number(m[1]) % 12;
  return m[2] === 'pm' ? h + 12 : h;
}

function parseDate(text: string, today: string): string | null {
  if (/\b(today|tonight|eod|end of day)\b/.test(text)) return today;
  if (/\btomorrow\b/.test(text)) return addDays(today, 1);
  const dated = text.match(/\b(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/);
  if (dated) {
    const month = String(MONTHS.indexOf(dated[2]!) + 1).padStart(2, '0');
    const candidate = `${today.slice(0, 4)}-${month}-${dated[1]!.padStart(2, '0')}`;
    return candidate >= today ? candidate : `${Number(today.slice(0, 4)) + 1}${candidate.slice(4)}`;
  }
  const weekday = WEEKDAYS.findIndex((d) => new RegExp(`\\b${d.slice(0, 3).toLowerCase()}`).test(text));
  if (weekday < 0) return null;
  return addDays(today, (weekday - weekdayOf(today) + 7) % 7 || 7);
}

/** Reads a deadline as Titan writes it ("tomorrow 10 AM", "Friday 10 AM", "today 6 PM"); null when unreadable. */
export function parseDeadline(label: string, now: Date, tz: string): string | null {
  const text = label.toLowerCase();
  const today = wallClock(now, tz).date;
  const date = parseDate(text, today);
  const hour = parseHour(text);
  if (date === null && hour === null) return null;
  return zonedInstant(date ?? today, hour ?? WORKDAY_START_HOUR, tz).toISOString();
}
