// Period phrases ("last 7 days", "1–15 Nov", "since Monday") → inclusive date ranges in the business's time zone.
import type { Period } from '../model/answer.ts';
import { addDays, daysBetween, weekdayOf } from './calendar.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH_WORD =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const RANGE_DASH = '\\s*(?:-|–|—|to|till|until)\\s*';

export const DEFAULT_PERIOD_PHRASE = 'last 7 days';

/** Number of days a period covers, both ends included. */
export function periodDays(period: Period): number {
  return daysBetween(period.from, period.to) + 1;
}

const monthStart = (iso: string): string => `${iso.slice(0, 8)}01`;
const range = (from: string, to: string, label: string): Period => ({ from, to, label });

/** The equal-length period just before `period` (for "change vs previous"). */
export function previousPeriod(period: Period): Period {
  const days = periodDays(period);
  return range(addDays(period.from, -days), addDays(period.from, -1), `previous ${days} days`);
}

/** "1–15 Nov" in the most recent year where the range does not start in the future. */
function dayRange(
  fromDay: number,
  toDay: number,
  monthIndex: number,
  today: string,
  label: string,
): Period | null {
  const build = (year: number): Period | null => {
    const month = String(monthIndex + 1).padStart(2, '0');
    const from = `${year}-${month}-${String(fromDay).padStart(2, '0')}`;
    const to = `${year}-${month}-${String(toDay).padStart(2, '0')}`;
    // Rejects 31 Feb and friends: a real date survives the round trip.
    if (addDays(from, 0) !== from || addDays(to, 0) !== to || to < from) return null;
    return range(from, to, label);
  };
  const year = Number(today.slice(0, 4));
  const thisYear = build(year);
  if (thisYear && thisYear.from <= today) return thisYear;
  return build(year - 1);
}

const monthIndexOf = (word: string): number => MONTHS.indexOf(word.slice(0, 3).toLowerCase());

/** `label` is the phrase as the user wrote it. */
type Rule = {
  pattern: RegExp;
  resolve: (m: RegExpMatchArray, today: string, label: string) => Period | null;
};

const RULES: Rule[] = [
  {
    pattern: /\b(?:last|past|previous)\s+(\d{1,3})\s+(day|week)s?\b/,
    resolve: (m, today, label) => {
      const days = Number(m[1]) * (m[2] === 'week' ? 7 : 1);
      if (days < 1) return null;
      // Today is still trading, so "last N days" means the N complete days before it.
      return range(addDays(today, -days), addDays(today, -1), label);
    },
  },
  {
    pattern: /\byesterday\b/,
    resolve: (_m, today, label) => range(addDays(today, -1), addDays(today, -1), label),
  },
  { pattern: /\btoday\b/, resolve: (_m, today, label) => range(today, today, label) },
  {
    pattern: /\bthis\s+week\b/,
    resolve: (_m, today, label) => range(addDays(today, -((weekdayOf(today) + 6) % 7)), today, label),
  },
  {
    pattern: /\b(?:last|previous|past)\s+week\b/,
    resolve: (_m, today, label) => {
      const monday = addDays(today, -((weekdayOf(today) + 6) % 7) - 7);
      return range(monday, addDays(monday, 6), label);
    },
  },
  { pattern: /\bthis\s+month\b/, resolve: (_m, today, label) => range(monthStart(today), today, label) },
  {
    pattern: /\b(?:last|previous|past)\s+month\b/,
    resolve: (_m, today, label) => {
      const end = addDays(monthStart(today), -1);
      return range(monthStart(end), end, label);
    },
  },
  {
    pattern: new RegExp(
      `\\b(\\d{1,2})(?:st|nd|rd|th)?${RANGE_DASH}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_WORD}\\b`,
    ),
    resolve: (m, today, label) => dayRange(Number(m[1]), Number(m[2]), monthIndexOf(m[3]!), today, label),
  },
  {
    pattern: new RegExp(
      `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_WORD}${RANGE_DASH}(\\d{1,2})(?:st|nd|rd|th)?\\s+\\2\\b`,
    ),
    resolve: (m, today, label) => dayRange(Number(m[1]), Number(m[3]), monthIndexOf(m[2]!), today, label),
  },
  {
    pattern: new RegExp(`\\b${MONTH_WORD}\\s+(\\d{1,2})${RANGE_DASH}(\\d{1,2})\\b`),
    resolve: (m, today, label) => dayRange(Number(m[2]), Number(m[3]), monthIndexOf(m[1]!), today, label),
  },
  {
    pattern: new RegExp(
      `\\bsince\\s+(${WEEKDAYS.join('|')}|${WEEKDAYS.map((d) => d.slice(0, 3)).join('|')})\\b`,
    ),
    resolve: (m, today, label) => {
      const target = WEEKDAYS.findIndex((d) => d.startsWith(m[1]!));
      const back = (weekdayOf(today) - target + 7) % 7;
      return range(addDays(today, -back), today, label);
    },
  },
];

export interface PeriodOptions {
  /** Today's date in the business's time zone (YYYY-MM-DD). */
  today: string;
}

/** Finds a period phrase anywhere in `text`; null when there is none (or it names an impossible date). */
export function findPeriod(text: string, options: PeriodOptions): Period | null {
  const lower = text.toLowerCase();
  for (const rule of RULES) {
    const m = lower.match(rule.pattern);
    if (m) return rule.resolve(m, options.today, text.slice(m.index, m.index! + m[0].length).trim());
  }
  return null;
}

/** The period a question asks about, or the default (last 7 days). */
export function resolvePeriod(text: string, options: PeriodOptions): Period {
  return findPeriod(text, options) ?? findPeriod(DEFAULT_PERIOD_PHRASE, options)!;
}
