// Calendar arithmetic on ISO dates and wall-clock time in a named time zone (no date library needed).

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface WallClock {
  /** YYYY-MM-DD */
  date: string;
  hour: number;
  minute: number;
}

/** What a wall clock in `tz` shows at `instant`. */
export function wallClock(instant: Date, tz: string): WallClock {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '00';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    hour: Number(get('hour')),
    minute: Number(get('minute')),
  };
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export const dateInZone = (instant: Date, tz: string): string => wallClock(instant, tz).date;

/** The instant at which the wall clock in `tz` shows `date` `hour`:00. */
export function zonedInstant(date: string, hour: number, tz: string): Date {
  const wall = Date.parse(`${date}T00:00:00Z`) + hour * HOUR_MS;
  let guess = wall;
  // Two passes settle the offset even across a DST change.
  for (let i = 0; i < 2; i++) {
    const p = wallClock(new Date(guess), tz);
    const shown = Date.parse(`${p.date}T00:00:00Z`) + p.hour * HOUR_MS + p.minute * 60_000;
    guess += wall - shown;
  }
  return new Date(guess);
}

/** Adds whole days to an ISO date. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (iso: string): number => new Date(`${iso}T00:00:00Z`).getUTCDay();

/** "Nov" */
export const monthShort = (iso: string): string =>
  new Date(`${iso}T00:00:00Z`).toLocaleString('en', { month: 'short', timeZone: 'UTC' });
