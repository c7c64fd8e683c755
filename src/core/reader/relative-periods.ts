// Periods said relative to today, in English, Hinglish and Tamil-English ("last 7 days", "kal", "pichle hafte", "pona maasam", "FY 2025-26").
//
// Days: "last N days" is the N whole days before today (today is still trading); a week runs Monday
// to Sunday; "last week/month/year" is the whole calendar one before this; "this week/month/year" runs
// to today. The financial year is India's, April to March ("FY26" and "FY 2025-26" both end March 2026).
// Hinglish: kal (yesterday; tomorrow in a future-tense question), aaj, parso, pichle/is hafte,
// pichle/is mahine, pichle/is saal, pichle N din, N din pehle, agle (next). Tamil-English: nethu,
// innaiku, munthanaal, naalai, pona/intha vaaram, pona/intha maasam, kadantha N naal.
import {
  addDays,
  addMonths,
  financialYearStart,
  lastWeekdayOnOrBefore,
  mondayOf,
  monthEnd,
  monthStart,
  quarterStart,
  yearOf,
} from './dates.ts';
import { fixed, type PeriodPart, type PeriodRule, regexRule } from './period-rule.ts';

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  sixty: 60,
  ninety: 90,
};
const NUM = `(\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})`;
const toNumber = (word: string): number => NUMBER_WORDS[word] ?? Number(word);

const LAST =
  '(?:the\\s+)?(?:last|lst|past|previous|prior|preceding|pichle|pichhle|pichla|pichhla|pona|kadantha|kadandha)';
const THIS = '(?:this|current|the\\s+current|intha|inda)';
/** Hindi "is/iss" (this) only before a Hindi noun, so English "is" stays a verb. */
const IS = '(?:is|iss)';
const NEXT = '(?:next|coming|the\\s+coming|agle|agla|agli|adutha)';
const UNIT =
  '(days?|din|naal|nights?|weeks?|wks?|hafte|hafton|months?|mths?|mnths?|mahine|mahino|years?|yrs?|saal)';
// "weak" is how "week" is most often mistyped, and no owner asks about a weak.
const WEEK = '(?:week|weak|wk|hafte|hafta|vaaram)';
const MONTH = '(?:month|mth|mnth|mahine|mahina|maasam|masam)';
const YEAR = '(?:year|yr|saal|varsham)';

const unitOf = (word: string): 'day' | 'week' | 'month' | 'year' =>
  /^(?:week|wk|hafte|hafton)/.test(word)
    ? 'week'
    : /^(?:month|mth|mnth|mahine|mahino)/.test(word)
      ? 'month'
      : /^(?:year|yr|saal)/.test(word)
        ? 'year'
        : 'day';

const WEEKDAY_NAMES: [RegExp, number][] = [
  [/^(?:sunday|sun|ravivar|itvaar|itwar)$/, 0],
  [/^(?:monday|mon|somvar|somwar)$/, 1],
  [/^(?:tuesday|tue|tues|mangalvar|mangalwar)$/, 2],
  [/^(?:wednesday|wed|budhvar|budhwar)$/, 3],
  [/^(?:thursday|thu|thur|thurs|guruvar|guruwar|brihaspativar)$/, 4],
  [/^(?:friday|fri|shukravar|shukrawar)$/, 5],
  [/^(?:saturday|sat|shanivar|shaniwar)$/, 6],
];
const WEEKDAY_FULL =
  '(sunday|monday|tuesday|wednesday|thursday|friday|saturday|ravivar|itvaar|itwar|somvar|somwar|mangalvar|mangalwar|budhvar|budhwar|guruvar|guruwar|brihaspativar|shukravar|shukrawar|shanivar|shaniwar)';
const WEEKDAY_ANY = `(${WEEKDAY_FULL.slice(1, -1)}|sun|mon|tues|tue|wed|thurs|thur|thu|fri|sat)`;
const weekdayNumber = (word: string): number => WEEKDAY_NAMES.find(([re]) => re.test(word))![1];
const WEEKDAY_LABEL = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** A weekday followed by a date ("Sat 21 Nov") belongs to the date, not to "last Saturday". */
const NOT_A_DATE = '(?!\\s*,?\\s*\\d)';

const period = (phrase: string, from: string, to: string, extra: Partial<PeriodPart> = {}): PeriodPart => ({
  role: 'period',
  phrase,
  resolve: fixed(from, to),
  ...extra,
});

const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** The N whole units before today. */
function lastUnits(n: number, unit: 'day' | 'week' | 'month' | 'year', today: string): PeriodPart | null {
  if (n < 1 || n > 3660) return null;
  const to = addDays(today, -1);
  const from =
    unit === 'day'
      ? addDays(today, -n)
      : unit === 'week'
        ? addDays(today, -7 * n)
        : addDays(addMonths(today, unit === 'month' ? -n : -12 * n), 0);
  return period(`last ${plural(n, unit)}`, from, to);
}

/** The unit that held the day N units ago ("2 weeks ago" is that Monday–Sunday). */
function unitsAgo(n: number, unit: 'day' | 'week' | 'month' | 'year', today: string): PeriodPart {
  const phrase = `${plural(n, unit)} ago`;
  if (unit === 'day') return period(phrase, addDays(today, -n), addDays(today, -n));
  if (unit === 'week') {
    const monday = addDays(mondayOf(today), -7 * n);
    return period(phrase, monday, addDays(monday, 6));
  }
  if (unit === 'month') {
    const day = addMonths(today, -n);
    return period(phrase, monthStart(day), monthEnd(day));
  }
  const year = yearOf(today) - n;
  return period(phrase, `${year}-01-01`, `${year}-12-31`);
}

function lastWeek(today: string, back: number, phrase: string): PeriodPart {
  const monday = addDays(mondayOf(today), -7 * back);
  return period(phrase, monday, addDays(monday, 6), back === 1 ? { shift: 'last_week' } : {});
}

function lastMonth(today: string, back: number, phrase: string): PeriodPart {
  const day = addMonths(monthStart(today), -back);
  return period(phrase, day, monthEnd(day), back === 1 ? { shift: 'last_month' } : {});
}

function lastYear(today: string, back: number, phrase: string): PeriodPart {
  const year = yearOf(today) - back;
  return period(phrase, `${year}-01-01`, `${year}-12-31`, back === 1 ? { shift: 'last_year' } : {});
}

/** FY named by the year it ends in (FY26, FY 2025-26, FY 2026). */
function financialYear(endYear: number): PeriodPart | null {
  if (endYear < 1990 || endYear > 2100) return null;
  const label = `FY ${endYear - 1}-${String(endYear % 100).padStart(2, '0')}`;
  return period(label, `${endYear - 1}-04-01`, `${endYear}-03-31`);
}

const fullYear = (digits: string): number => (digits.length <= 2 ? 2000 + Number(digits) : Number(digits));

/** The rules in the order they claim words: comparisons first, then longer phrases before shorter. */
export const relativeRules: PeriodRule[] = [
  // "best day ever", "all-time high", "since we opened": every day the figure's table holds.
  regexRule(
    /\b(?:ever|(?:of\s+)?all[\s-]time|lifetime|since\s+(?:we\s+)?(?:started|opened|began)|since\s+(?:the\s+)?(?:start|beginning|opening|inception))\b/,
    () => ({
      role: 'period',
      phrase: 'all time',
      resolve: (coverage) => coverage ?? { problem: 'nothing is stored yet to look back over' },
    }),
  ),
  regexRule(
    /\bsame\s+(?:day|days|weekday|weekdays|dates?|time|period)\s+(?:last|previous|the\s+previous|a|the|pichle)\s+(week|month|year|hafte|mahine|saal)\b/,
    (m) => {
      const unit = unitOf(m[1]!);
      if (unit === 'day') return null;
      return {
        role: 'shift',
        shift: `last_${unit}`,
        oneDay: /^same\s+(?:day|weekday|date)\b/.test(m[0]),
        resolve: () => ({ problem: 'comparison only' }),
      };
    },
  ),
  regexRule(
    /\b(?:(week)\s+(?:on|over)\s+week|(month)\s+(?:on|over)\s+month|(year)\s+(?:on|over)\s+year|(wow)|(mom)|(yoy))\b/,
    (m) => {
      const shift = m[1] || m[4] ? 'last_week' : m[2] || m[5] ? 'last_month' : 'last_year';
      return { role: 'shift', shift, resolve: () => ({ problem: 'comparison only' }) };
    },
  ),
  regexRule(/\b(?:the\s+)?(week|month|year)\s+before\s+last\b/, (m, { today }) =>
    m[1] === 'week'
      ? lastWeek(today, 2, 'the week before last')
      : m[1] === 'month'
        ? lastMonth(today, 2, 'the month before last')
        : lastYear(today, 2, 'the year before last'),
  ),
  regexRule(
    new RegExp(
      // "the" may go unsaid right after a comparison word ("vs day before"), never before "yesterday"/"last".
      `\\b(?:(?:the\\s+|(?<=\\b(?:vs|versus|than|to|with|against)\\s))(?:${NUM}\\s+)?(days?|weeks?|months?|years?|period)\\s+(?:before|prior|earlier)(?!\\s+(?:yesterday|last))(?:\\s+that)?|(?:the\\s+)?(?:previous|prior|preceding)\\s+period|before\\s+that|the\\s+period\\s+before)\\b`,
    ),
    (m) => {
      // "the month before" a whole month is the calendar month before it, not the 30 days before.
      const unit = m[2] ? unitOf(m[2]) : 'day';
      const shift = unit === 'month' ? 'last_month' : unit === 'year' ? 'last_year' : undefined;
      return { role: 'before', ...(shift ? { shift } : {}), resolve: () => ({ problem: 'comparison only' }) };
    },
  ),
  // Financial years
  regexRule(
    new RegExp(`\\b(?:${THIS}\\s+(?:financial|fiscal)\\s+year|(?:this|current)\\s+fy|fytd)\\b`),
    (_m, { today }) => period('this financial year', financialYearStart(today), today),
  ),
  regexRule(new RegExp(`\\b${LAST}\\s+(?:financial\\s+year|fiscal\\s+year|fy)\\b`), (_m, { today }) =>
    financialYear(yearOf(financialYearStart(today))),
  ),
  regexRule(
    /\b(?:fy|f\.y\.?|financial\s+year|fiscal\s+year|fiscal)\s*'?(\d{2}|\d{4})(?:\s*[-–—/]\s*'?(\d{2}|\d{4}))?(?![-/.]?\d)/,
    (m) => {
      const first = fullYear(m[1]!);
      if (!m[2]) return financialYear(first);
      return fullYear(m[2]) === first + 1 || Number(m[2]) === (first + 1) % 100
        ? financialYear(first + 1)
        : null;
    },
  ),
  regexRule(/\b(20\d{2})\s*[-–—/]\s*(\d{2}|20\d{2})(?![-/.]?\d)/, (m) => {
    const first = Number(m[1]);
    const second = Number(m[2]);
    return second === first + 1 || second === (first + 1) % 100 ? financialYear(first + 1) : null;
  }),
  // Counted units
  regexRule(new RegExp(`\\b${LAST}\\s+${NUM}\\s+${UNIT}\\b`), (m, { today }) =>
    lastUnits(toNumber(m[1]!), unitOf(m[2]!), today),
  ),
  regexRule(
    new RegExp(`\\b${NUM}\\s+${UNIT}\\s+(?:ago|back|pehle|pahle|munnadi|munnaadi)\\b`),
    (m, { today }) => unitsAgo(toNumber(m[1]!), unitOf(m[2]!), today),
  ),
  regexRule(/\b(?:last|past)\s+fortnight\b/, (_m, { today }) => lastUnits(14, 'day', today)),
  // Days
  regexRule(/\b(?:day\s+after\s+tomorrow)\b/, (_m, { today }) =>
    period('the day after tomorrow', addDays(today, 2), addDays(today, 2)),
  ),
  regexRule(
    /\b(?:day\s+before\s+yesterday|parso|parson|parsoon|munthanaal|mundhanaal|munnaal)\b/,
    (m, { today, future }) =>
      future && !m[0].includes('yesterday')
        ? period('the day after tomorrow', addDays(today, 2), addDays(today, 2))
        : period('the day before yesterday', addDays(today, -2), addDays(today, -2)),
  ),
  regexRule(/\b(?:since|from)\s+(?:yesterday|kal)\b|\bkal\s+se\b/, (_m, { today }) =>
    period('since yesterday', addDays(today, -1), today),
  ),
  regexRule(/\b(?:tomorrow|naalai|nalaiku|naaliku)\b/, (_m, { today }) =>
    period('tomorrow', addDays(today, 1), addDays(today, 1)),
  ),
  regexRule(/\b(?:yesterdays?|yday|yest|ystd|kal|nethu|netru|nethiku|nethaiku)\b/, (m, { today, future }) =>
    future && m[0] === 'kal'
      ? period('tomorrow', addDays(today, 1), addDays(today, 1))
      : period('yesterday', addDays(today, -1), addDays(today, -1)),
  ),
  regexRule(/\b(?:todays?|tdy|aaj|innaiku|inniki|innikku|indru)\b/, (_m, { today }) =>
    period('today', today, today),
  ),
  regexRule(new RegExp(`\\b${NEXT}\\s+(week|hafte|month|mahine|year|saal|weekend)\\b`), (m, { today }) => {
    const unit = m[1]!;
    if (unit === 'weekend')
      return period('next weekend', addDays(mondayOf(today), 12), addDays(mondayOf(today), 13));
    if (unitOf(unit) === 'week')
      return period('next week', addDays(mondayOf(today), 7), addDays(mondayOf(today), 13));
    if (unitOf(unit) === 'month') {
      const first = addMonths(monthStart(today), 1);
      return period('next month', first, monthEnd(first));
    }
    return period('next year', `${yearOf(today) + 1}-01-01`, `${yearOf(today) + 1}-12-31`);
  }),
  // Weekdays
  regexRule(
    new RegExp(`\\b(?:since|from)\\s+(?:last\\s+)?${WEEKDAY_ANY}\\b${NOT_A_DATE}`),
    (m, { today }) => {
      const day = weekdayNumber(m[1]!);
      return period(`since ${WEEKDAY_LABEL[day]}`, lastWeekdayOnOrBefore(today, day), today);
    },
  ),
  regexRule(
    new RegExp(
      `\\b(?:${WEEKDAY_ANY}\\s+(?:of\\s+)?${LAST}\\s+${WEEK}|${LAST}\\s+${WEEK}(?:'s)?\\s+${WEEKDAY_ANY})\\b${NOT_A_DATE}`,
    ),
    (m, { today }) => {
      const day = weekdayNumber((m[1] ?? m[2])!);
      const date = addDays(addDays(mondayOf(today), -7), (day + 6) % 7);
      return period(`${WEEKDAY_LABEL[day]} last week`, date, date);
    },
  ),
  regexRule(new RegExp(`\\b${LAST}\\s+${WEEKDAY_ANY}\\b${NOT_A_DATE}`), (m, { today }) => {
    const day = weekdayNumber(m[1]!);
    const date = lastWeekdayOnOrBefore(addDays(today, -1), day);
    return period(`last ${WEEKDAY_LABEL[day]}`, date, date);
  }),
  regexRule(new RegExp(`\\b${THIS}\\s+${WEEKDAY_ANY}\\b${NOT_A_DATE}`), (m, { today }) => {
    const day = weekdayNumber(m[1]!);
    const date = addDays(mondayOf(today), (day + 6) % 7);
    return period(`this ${WEEKDAY_LABEL[day]}`, date, date);
  }),
  regexRule(new RegExp(`\\b(?:on\\s+${WEEKDAY_ANY}|${WEEKDAY_FULL})\\b${NOT_A_DATE}`), (m, { today }) => {
    // A weekday named alone is the last whole one: "on Thursday", asked on a Thursday, is a week ago.
    const day = weekdayNumber((m[1] ?? m[2])!);
    const date = lastWeekdayOnOrBefore(addDays(today, -1), day);
    return period(`on ${WEEKDAY_LABEL[day]}`, date, date);
  }),
  // Weekends, weeks, months, quarters, years
  regexRule(new RegExp(`\\b${LAST}\\s+weekend\\b`), (_m, { today }) => {
    const saturday = addDays(mondayOf(today), -2);
    return period('last weekend', saturday, addDays(saturday, 1));
  }),
  regexRule(new RegExp(`\\b(?:${THIS}\\s+)?weekend\\b`), (_m, { today }) => {
    // A weekend not yet begun is in the future; the reading declines it.
    const saturday = addDays(mondayOf(today), 5);
    return period('this weekend', saturday, addDays(saturday, 1));
  }),
  // "the week gone by": the 7 days before today, like "the past week"; "the month that just ended": last month
  // ("the week ended 29 Nov" names its own end, so "ended" counts only after "that" or "just").
  regexRule(
    new RegExp(
      `\\b(?:the\\s+)?(${WEEK}|${MONTH})\\s+(?:gone\\s+by|(?:that\\s+)?just\\s+(?:went|gone|passed|ended)|that\\s+(?:has\\s+)?(?:went|gone|passed|ended)(?:\\s+by)?)\\b`,
    ),
    (m, { today }) => {
      const week = new RegExp(`^${WEEK}$`).test(m[1]!);
      // A week or month that "just ended / passed / went" is the calendar one; one "gone by" is the days just past.
      if (!/^\S+\s+gone\s+by$/.test(m[0].replace(/^the\s+/, '')))
        return week ? lastWeek(today, 1, 'last week') : lastMonth(today, 1, 'last month');
      return lastUnits(week ? 7 : 30, 'day', today);
    },
  ),
  // "sales for the month", "the week so far": the current one.
  regexRule(
    /\b(?:for|in|during|over)\s+the\s+(day|week|month|year)\b(?!\s+(?:before|of|wise|by))/,
    (m, { today }) => {
      if (m[1] === 'day') return period('today', today, today);
      if (m[1] === 'week') return period('this week', mondayOf(today), today);
      if (m[1] === 'month') return period('this month', monthStart(today), today);
      return period('this year', `${yearOf(today)}-01-01`, today);
    },
  ),
  regexRule(
    new RegExp(`\\b(?:${THIS}\\s+${WEEK}|${IS}\\s+(?:hafte|hafta)|week\\s+to\\s+date|wtd)\\b`),
    (_m, { today }) => period('this week', mondayOf(today), today),
  ),
  // "in the past week", "over the last month": the 7 or 30 days before today, as analytics tools read them;
  // "last week" and "last month" alone are the calendar week and month.
  regexRule(
    new RegExp(`\\b(?:(?:in|over|during|for|within)\\s+the\\s+(?:last|past)|past)\\s+(${WEEK}|${MONTH})\\b`),
    (m, { today }) => lastUnits(new RegExp(`^${WEEK}$`).test(m[1]!) ? 7 : 30, 'day', today),
  ),
  regexRule(new RegExp(`\\b${LAST}\\s+${WEEK}\\b`), (_m, { today }) => lastWeek(today, 1, 'last week')),
  regexRule(
    new RegExp(`\\b(?:${THIS}\\s+${MONTH}|${IS}\\s+(?:mahine|mahina)|month\\s+to\\s+date|mtd)\\b`),
    (_m, { today }) => period('this month', monthStart(today), today),
  ),
  regexRule(new RegExp(`\\b${LAST}\\s+${MONTH}\\b`), (_m, { today }) => lastMonth(today, 1, 'last month')),
  regexRule(new RegExp(`\\b(?:${THIS}\\s+quarter|qtd)\\b`), (_m, { today }) =>
    period('this quarter', quarterStart(today), today),
  ),
  regexRule(new RegExp(`\\b${LAST}\\s+quarter\\b`), (_m, { today }) => {
    const from = addMonths(quarterStart(today), -3);
    return period('last quarter', from, addDays(quarterStart(today), -1));
  }),
  regexRule(
    new RegExp(`\\b(?:${THIS}\\s+${YEAR}|${IS}\\s+saal|ytd|year\\s+to\\s+date)\\b`),
    (_m, { today }) => period('this year', `${yearOf(today)}-01-01`, today),
  ),
  regexRule(new RegExp(`\\b${LAST}\\s+${YEAR}\\b`), (_m, { today }) => lastYear(today, 1, 'last year')),
];

/** Words the rules above spell, for typo correction. */
export const RELATIVE_PERIOD_WORDS = [
  'yesterday',
  'today',
  'tomorrow',
  'week',
  'weekend',
  'month',
  'quarter',
  'year',
  'financial',
  'fiscal',
  'fortnight',
  'since',
  'last',
  'past',
  'previous',
  'this',
  'current',
  'before',
  'ago',
  'same',
  'days',
  'weeks',
  'months',
  'years',
  'kal',
  'aaj',
  'parso',
  'pichle',
  'hafte',
  'mahine',
  'saal',
  'din',
  'pehle',
  'nethu',
  'innaiku',
  'vaaram',
  'maasam',
  'naal',
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
];
