// Dates written out ("21 November", "21/11/2026", "1–15 Nov", "from 13 to 19 Nov", "Nov 9 to Nov 15", "March 2015"): our rules, then chrono-node for the rest.
import type { ParsedComponents } from 'chrono-node';
// The English locale alone: the package's main entry loads every language (a quarter of `titan ask`'s start-up).
import { Chrono, configuration } from 'chrono-node/en';
import {
  DATE_ATOM,
  type DayMonth,
  MONTH_NAME,
  monthNumber,
  monthsResolver,
  mostRecentDayOfMonth,
  parseAtom,
  spanResolver,
} from './date-atoms.ts';
import { addDays } from './dates.ts';
import { type PeriodContext, type PeriodPart, type PeriodRule, regexRule } from './period-rule.ts';
import type { DateSpan } from './vocabulary.ts';

const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const TO = '\\s*(?:-|–|—|to|till|until|through|thru|and|se)\\s*';
const YEAR = "(?:\\s*,?\\s*(?:of\\s+)?(\\d{4}|'\\d{2}))?";
const FROM = '(?:from\\s+|between\\s+)?';
const THE = '(?:the\\s+)?';
const yearNumber = (text: string | undefined): number | undefined =>
  text === undefined ? undefined : text.startsWith("'") ? 2000 + Number(text.slice(1)) : Number(text);
const MONTH = `(${MONTH_NAME})`;

const written = (resolve: PeriodPart['resolve']): PeriodPart => ({ role: 'period', resolve });

/** "since 1 Nov", "from March": the written date (the most recent one, whatever the data) up to today. */
function openEnded(rule: PeriodRule): PeriodRule {
  return {
    scan(text, context) {
      return rule.scan(text, context).map((found) => {
        // Read "since"/"from" in the question as written: a name between them ("from Kaveri in Nov") breaks it.
        const before = /\b(?:since|from)\s+$/.exec(context.lower.slice(0, found.start));
        if (!before) return found;
        const resolve: PeriodPart['resolve'] = () => {
          const span = found.part.resolve(null);
          return 'problem' in span ? span : { from: span.from, to: context.today };
        };
        return { start: before.index, end: found.end, part: { ...found.part, resolve } };
      });
    },
  };
}

const sameMonth = (day: string, month: number, year: number | undefined): DayMonth =>
  year === undefined ? { day: Number(day), month } : { day: Number(day), month, year };

const chronoFor = (dayFirst: boolean): Chrono =>
  new Chrono(configuration.createConfiguration(true, dayFirst));
const CHRONO = { dayFirst: chronoFor(true), monthFirst: chronoFor(false) };

const dayMonthOf = (c: ParsedComponents): DayMonth | null => {
  if (!c.isCertain('day') || !c.isCertain('month')) return null;
  const year = c.isCertain('year') ? c.get('year')! : undefined;
  return { day: c.get('day')!, month: c.get('month')!, ...(year !== undefined ? { year } : {}) };
};

/** What our rules leave, as chrono-node reads it (formal dates only: no weekday or clock reading is a period here). */
const chronoRule: PeriodRule = {
  scan(text, context: PeriodContext) {
    const chrono = context.dayFirst ? CHRONO.dayFirst : CHRONO.monthFirst;
    const results = chrono.parse(text, { instant: new Date(`${context.today}T12:00:00Z`), timezone: 0 });
    return results.flatMap((result) => {
      if (!new RegExp(`\\b${MONTH_NAME}|\\d[/.-]\\d`).test(result.text)) return [];
      const start = dayMonthOf(result.start);
      const end = result.end ? dayMonthOf(result.end) : start;
      if (!start || !end) return [];
      const atTime = result.start.isCertain('hour');
      const part = written(
        atTime ? () => ({ problem: 'time-of-day' }) : spanResolver(start, end, context.today),
      );
      return [{ start: result.index, end: result.index + result.text.length, part }];
    });
  },
};

const QUARTER_WORDS: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
};

/** The calendar year a rule's first group names: 1 January to 31 December. */
function calendarYear(m: RegExpExecArray): PeriodPart {
  const year = Number(m[1]);
  return written(() => ({ from: `${year}-01-01`, to: `${year}-12-31` }));
}

/** Which days of a month "the first week", "the second half" … of it are: [first day, last day or 0 for its end]. */
const PART_OF_MONTH: Record<string, [number, number]> = {
  'first week': [1, 7],
  '1st week': [1, 7],
  'second week': [8, 14],
  '2nd week': [8, 14],
  'third week': [15, 21],
  '3rd week': [15, 21],
  'fourth week': [22, 28],
  '4th week': [22, 28],
  'first half': [1, 15],
  '1st half': [1, 15],
  'first fortnight': [1, 15],
  'second half': [16, 0],
  '2nd half': [16, 0],
  'second fortnight': [16, 0],
};

/** "the last week of November": the month's last seven days, as "the first week" is its first seven. */
function partOfMonth(part: string, span: DateSpan): DateSpan {
  const [first, last] = PART_OF_MONTH[part] ?? [0, 0];
  if (first === 0) return { from: addDays(span.to, -6), to: span.to };
  const month = span.from.slice(0, 8);
  const day = (n: number) => `${month}${String(n).padStart(2, '0')}`;
  return { from: day(first), to: last === 0 ? span.to : day(last) };
}

/**
 * Written periods holding a relative word, checked before the relative rules, which would otherwise read "today"
 * or "last week" on its own and leave the written date as a second period: "from 20 Nov till today", "1/11 to
 * date", "the last week of November", "first half of October 2015".
 */
export const beforeRelativeRules: PeriodRule[] = [
  // "Q3", "q1 2015", "the second quarter of 2024": calendar quarters, as "this quarter" is (the headline states
  // the months, so an owner who meant the financial year's quarter sees the reading)
  regexRule(
    /\b(?:the\s+)?(?:q([1-4])|(first|1st|second|2nd|third|3rd|fourth|4th)\s+quarter)(?:\s+(?:of\s+)?((?:19|20)\d{2}))?\b/,
    (m, c) => {
      const quarter = m[1] ? Number(m[1]) : QUARTER_WORDS[m[2]!]!;
      const year = m[3] === undefined ? undefined : Number(m[3]);
      return written(monthsResolver(quarter * 3 - 2, quarter * 3, year, c.today));
    },
  ),
  // "for the year 2015", "calendar year 2024": the year named, not "the year" (this one) and a second period
  regexRule(
    /\b(?:(?:in|for|of|during)\s+)?(?:the\s+)?(?:calendar\s+)?year\s+((?:19|20)\d{2})\b(?![-/.]\d)/,
    calendarYear,
  ),
  regexRule(
    new RegExp(
      `\\b(?:the\\s+)?((?:first|1st|second|2nd|third|3rd|fourth|4th)\\s+(?:week|half|fortnight)|(?:last|final)\\s+week)\\s+(?:of\\s+)?${MONTH}${YEAR}(?!\\s*\\d)`,
    ),
    (m, c) => {
      const part = m[1]!.replace(/\s+/g, ' ').replace(/^final/, 'last');
      const month = monthsResolver(monthNumber(m[2]!), monthNumber(m[2]!), yearNumber(m[3]), c.today);
      return written((coverage) => {
        const span = month(coverage);
        return 'problem' in span ? span : partOfMonth(part, span);
      });
    },
  ),
  regexRule(
    new RegExp(
      `\\b(?:from\\s+|since\\s+)?(${DATE_ATOM})\\s*(?:-|–|—|to|till|until|up\\s*to|upto|through|thru)\\s+(?:today|now|date|aaj|abhi)\\b`,
    ),
    (m, c) => {
      const start = parseAtom(m[1]!, c.dayFirst);
      if (!start) return null;
      const resolve: PeriodPart['resolve'] = (coverage) => {
        const span = spanResolver(start, start, c.today)(coverage);
        return 'problem' in span ? span : { from: span.from, to: c.today };
      };
      return written(resolve);
    },
  ),
];

/** Checked in order after the relative rules. */
export const absoluteRules: PeriodRule[] = [
  // "at 5pm", "14:30": a time of day, which the reader declines rather than answer for the whole day
  regexRule(
    /\b(?:at\s+|around\s+|after\s+|before\s+)?\d{1,2}(?::\d{2})?\s*(?:am|pm)\b|\b\d{1,2}:\d{2}\b/,
    () => written(() => ({ problem: 'time-of-day' })),
  ),
  // "13–19 Nov", "from 13 to 19 November 2026", "13 se 19 nov", "the 5th to the 12th of Nov": two days of one month
  regexRule(new RegExp(`\\b${FROM}${THE}${DAY}${TO}${THE}${DAY}\\s+(?:of\\s+)?${MONTH}${YEAR}`), (m, c) => {
    const month = monthNumber(m[3]!);
    const year = yearNumber(m[4]);
    return written(spanResolver(sameMonth(m[1]!, month, year), sameMonth(m[2]!, month, year), c.today));
  }),
  // "Nov 1-15", "November 1 to 15, 2026"
  regexRule(new RegExp(`\\b${FROM}${MONTH}\\s+${DAY}${TO}${DAY}\\b${YEAR}`), (m, c) => {
    const month = monthNumber(m[1]!);
    const year = yearNumber(m[4]);
    return written(spanResolver(sameMonth(m[2]!, month, year), sameMonth(m[3]!, month, year), c.today));
  }),
  // Two written dates: "1 Nov to 15 Nov", "Nov 9 to Nov 15", "16/11/2026 to 22/11/2026", "21 Nov till 3 Dec"
  regexRule(new RegExp(`\\b${FROM}(${DATE_ATOM})${TO}(${DATE_ATOM})`), (m, c) => {
    const start = parseAtom(m[1]!, c.dayFirst);
    const end = parseAtom(m[2]!, c.dayFirst);
    return start && end ? written(spanResolver(start, end, c.today)) : null;
  }),
  // One written date: "21 Nov", "on Nov 25", "Sat 21 November 2026", "21/11"
  openEnded(
    regexRule(new RegExp(`\\b(?:on\\s+)?(${DATE_ATOM})(?!\\s*(?:am|pm|:\\d))`), (m, c) => {
      const date = parseAtom(m[1]!, c.dayFirst);
      return date ? written(spanResolver(date, date, c.today)) : null;
    }),
  ),
  chronoRule,
  // "Jan to Mar 2015", "between October and December"
  regexRule(new RegExp(`\\b${FROM}${MONTH}(?:\\s+(\\d{4}))?${TO}${MONTH}${YEAR}(?!\\s*\\d)`), (m, c) => {
    const first = monthNumber(m[1]!);
    const last = monthNumber(m[3]!);
    const endYear = yearNumber(m[4]);
    const startYear = m[2] ? Number(m[2]) : undefined;
    const year = endYear ?? (startYear !== undefined ? startYear + (last < first ? 1 : 0) : undefined);
    return written(monthsResolver(first, last, year, c.today));
  }),
  // "March 2015", "in March", "last March", "October month" (the month's name says its grain: no breakdown);
  // a bare "may" is a verb unless a preposition or year marks it
  openEnded(
    regexRule(
      new RegExp(
        `\\b(?:(in|of|for|during|month\\s+of|last|this)\\s+)?${MONTH}${YEAR}(?:\\s+(?:month|mahina|mahine))?(?!\\s*\\d)`,
      ),
      (m, c) => {
        const month = monthNumber(m[2]!);
        const year = yearNumber(m[3]);
        if (m[2]!.startsWith('may') && !m[1] && year === undefined) return null;
        return written(monthsResolver(month, month, year, c.today));
      },
    ),
  ),
  // "on the 21st", "on 21": that day of the most recent month that has it (and data)
  regexRule(
    /\b(?:on\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?|the\s+(\d{1,2})(?:st|nd|rd|th))\b(?!\s*(?:[-–—/.]\s*\d|days?|weeks?|months?|years?|%|items?|bills?|orders?|am|pm))/,
    (m, c) => {
      const day = Number(m[1] ?? m[2]);
      if (day < 1 || day > 31) return null;
      return written((coverage) => mostRecentDayOfMonth(day, c.today, coverage));
    },
  ),
  // "in 2015": the calendar year
  regexRule(/\b(?:(?:in|for|of|during|year)\s+)?((?:19|20)\d{2})\b(?![-/.]\d)/, calendarYear),
];
