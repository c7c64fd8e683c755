// One written date ("21 Nov", "Nov 21st, 2026", "Sat 21 November", "21/11/2026", "2026-11-21") and the year a yearless one takes.
//
// A date or month written without a year is the most recent one, not in the future, that overlaps the
// data of the table asked about (vocabulary.coverage); with no data, simply the most recent one.
// Numeric dates are day first unless the caller says otherwise (India writes 21/11/2026).
import { isoDate, monthEnd, monthOf, yearOf } from './dates.ts';
import type { PeriodPart, Resolution } from './period-rule.ts';
import type { DateSpan } from './vocabulary.ts';

export const MONTH_NAME =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b\\.?';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
export const monthNumber = (word: string): number => MONTHS.indexOf(word.slice(0, 3)) + 1;
const WEEKDAY = '(?:(?:sun|mon|tues?|wed|thu(?:rs?)?|fri|sat)[a-z]*\\.?,?\\s+)?';
const ORDINAL = '(?:st|nd|rd|th)?';
const YEAR = "(?:\\s*,?\\s*(?:\\d{4}|'\\d{2}))?";

/** Any one written date, for building ranges out of two. */
export const DATE_ATOM = `(?:${WEEKDAY}(?:\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[/.-]\\d{1,2}(?:[/.-](?:\\d{4}|\\d{2}))?(?![/.-]?\\d)|\\d{1,2}${ORDINAL}\\s+(?:of\\s+)?${MONTH_NAME}${YEAR}|${MONTH_NAME}\\s+\\d{1,2}${ORDINAL}(?!\\d)(?:\\s*,?\\s*\\d{4})?))`;

/** Day and month, with the year when written. */
export interface DayMonth {
  day: number;
  month: number;
  year?: number;
}

const fullYear = (text: string): number =>
  text.startsWith("'")
    ? 2000 + Number(text.slice(1))
    : text.length === 2
      ? 2000 + Number(text)
      : Number(text);

const withYear = (day: number, month: number, year: string | undefined): DayMonth =>
  year === undefined ? { day, month } : { day, month, year: fullYear(year) };

/** Reads one date matched by DATE_ATOM; null for what is no date (13/13). */
export function parseAtom(text: string, dayFirst: boolean): DayMonth | null {
  const atom = text.trim().replace(/^(?:sun|mon|tues?|wed|thu(?:rs?)?|fri|sat)[a-z]*\.?,?\s+/, '');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(atom);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  m = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}|\d{2}))?$/.exec(atom);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    // A number over 12 can only be the day, whichever order the owner writes.
    const [day, month] = a > 12 ? [a, b] : b > 12 ? [b, a] : dayFirst ? [a, b] : [b, a];
    return month >= 1 && month <= 12 ? withYear(day, month, m[3]) : null;
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?(?:\s*,?\s*(\d{4}|'\d{2}))?$/.exec(atom);
  if (m) return withYear(Number(m[1]), monthNumber(m[2]!), m[3]);
  m = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s*,?\s*(\d{4}))?$/.exec(atom);
  if (m) return withYear(Number(m[2]), monthNumber(m[1]!), m[3]);
  return null;
}

/** The most recent candidate year whose span is not in the future, preferring one that has data. */
function mostRecent(
  build: (year: number) => DateSpan | null,
  today: string,
  coverage: DateSpan | null,
): Resolution {
  const thisYear = yearOf(today);
  const earliest = Math.min(thisYear - 1, coverage ? yearOf(coverage.from) : thisYear);
  let fallback: DateSpan | null = null;
  for (let year = thisYear; year >= earliest; year--) {
    const span = build(year);
    if (!span || span.from > today) continue;
    fallback ??= span;
    if (!coverage) break;
    if (span.from <= coverage.to && span.to >= coverage.from) return span;
  }
  return fallback ?? { problem: 'no-such-date' };
}

/** A span from two day-months; a missing year comes from the other end, or from the data. */
export function spanResolver(start: DayMonth, end: DayMonth, today: string): PeriodPart['resolve'] {
  const wraps = end.month < start.month || (end.month === start.month && end.day < start.day);
  const build = (startYear: number): DateSpan | null => {
    const from = isoDate(startYear, start.month, start.day);
    const to = isoDate(end.year ?? startYear + (wraps ? 1 : 0), end.month, end.day);
    return from && to && from <= to ? { from, to } : null;
  };
  const known = start.year ?? (end.year !== undefined ? end.year - (wraps ? 1 : 0) : undefined);
  if (known !== undefined) return () => build(known) ?? { problem: 'no-such-date' };
  return (coverage) => mostRecent(build, today, coverage);
}

/** Whole months, from `first` to `last` (1–12); `last` before `first` runs into the next year. */
export function monthsResolver(
  first: number,
  last: number,
  year: number | undefined,
  today: string,
): PeriodPart['resolve'] {
  const build = (startYear: number): DateSpan => ({
    from: isoDate(startYear, first, 1)!,
    to: monthEnd(isoDate(startYear + (last < first ? 1 : 0), last, 1)!),
  });
  if (year !== undefined) {
    const startYear = last < first ? year - 1 : year;
    return () => build(startYear);
  }
  return (coverage) => mostRecent(build, today, coverage);
}

/** The most recent `day` of a month, not in the future, preferring a month with data. */
export function mostRecentDayOfMonth(day: number, today: string, coverage: DateSpan | null): Resolution {
  let fallback: DateSpan | null = null;
  for (let back = 0; back < 24; back++) {
    const index = yearOf(today) * 12 + monthOf(today) - 1 - back;
    const date = isoDate(Math.floor(index / 12), (index % 12) + 1, day);
    if (!date || date > today) continue;
    fallback ??= { from: date, to: date };
    if (!coverage || (date >= coverage.from && date <= coverage.to)) return { from: date, to: date };
  }
  return fallback ?? { problem: 'no-such-date' };
}
