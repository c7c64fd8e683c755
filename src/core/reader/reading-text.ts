// The reading in words ("Top 3 items by revenue, last 30 days (4 Nov–3 Dec 2026)"), and the same reading as a question Titan reads back alike.
import { comparisonPeriod } from '../semantic/comparison.ts';
import { MEASURES } from '../semantic/model.ts';
import type { DimensionId, SemanticFilter, SemanticQuery } from '../semantic/query.ts';
import type { AnalysisId } from '../semantic/reading.ts';
import { daysBetween, monthEnd, weekdayOf } from './dates.ts';
import { weekdayWords } from './weekday-filters.ts';

const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAY_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const parts = (iso: string): { y: number; m: number; d: number } => ({
  y: Number(iso.slice(0, 4)),
  m: Number(iso.slice(5, 7)),
  d: Number(iso.slice(8, 10)),
});

/** "Sat 21 Nov 2026" */
export function formatDay(iso: string): string {
  const { y, m, d } = parts(iso);
  return `${WEEKDAY_SHORT[weekdayOf(iso)]} ${d} ${MONTH_SHORT[m - 1]} ${y}`;
}

const isMonthStart = (iso: string): boolean => iso.endsWith('-01');
const isMonthEnd = (iso: string): boolean => monthEnd(iso) === iso;

/** "13–19 Nov 2026", "4 Nov–3 Dec 2026", "28 Dec 2025–3 Jan 2026", "March 2015", "Jan–Mar 2015", "2015". */
export function formatSpan(from: string, to: string): string {
  const a = parts(from);
  const b = parts(to);
  if (from === to) return formatDay(from);
  if (isMonthStart(from) && isMonthEnd(to)) {
    if (a.y === b.y && a.m === 1 && b.m === 12) return String(a.y);
    if (a.y === b.y && a.m === b.m) return `${MONTH_LONG[a.m - 1]} ${a.y}`;
    if (a.y === b.y) return `${MONTH_SHORT[a.m - 1]}–${MONTH_SHORT[b.m - 1]} ${a.y}`;
  }
  if (a.y !== b.y) return `${a.d} ${MONTH_SHORT[a.m - 1]} ${a.y}–${b.d} ${MONTH_SHORT[b.m - 1]} ${b.y}`;
  if (a.m !== b.m) return `${a.d} ${MONTH_SHORT[a.m - 1]}–${b.d} ${MONTH_SHORT[b.m - 1]} ${a.y}`;
  return `${a.d}–${b.d} ${MONTH_SHORT[a.m - 1]} ${a.y}`;
}

/** How a period is said: its phrase with the dates, or the dates alone ("on Sat 21 Nov 2026", "in March 2015"). */
export function periodText(period: { from: string; to: string }, phrase: string | undefined): string {
  // The latest count or rate: only its end date matters.
  if (phrase === 'latest') return `latest (up to ${formatDay(period.to)})`;
  const span = formatSpan(period.from, period.to);
  if (phrase) return `${phrase} (${span})`;
  if (period.from === period.to) return `on ${span}`;
  return /^[A-Z]/.test(span) || /^\d{4}$/.test(span) ? `in ${span}` : span;
}

/** The period as words Titan reads back to the same dates. */
export function periodQuestion(period: { from: string; to: string }, phrase: string | undefined): string {
  if (phrase) return phrase;
  return period.from === period.to
    ? `on ${formatSpan(period.from, period.to).slice(4)}`
    : periodText(period, undefined);
}

const NOUN: Record<DimensionId, [string, string]> = {
  day: ['day', 'days'],
  week: ['week', 'weeks'],
  month: ['month', 'months'],
  weekday: ['weekday', 'weekdays'],
  hour: ['hour', 'hours'],
  item: ['item', 'items'],
  category: ['menu category', 'menu categories'],
  vendor: ['vendor', 'vendors'],
  expense_head: ['expense head', 'expense heads'],
  staff: ['staff member', 'staff members'],
  payment_mode: ['payment mode', 'payment modes'],
  order_type: ['order type', 'order types'],
  location: ['location', 'locations'],
};

export const dimensionNoun = (dimension: DimensionId, many = false): string => NOUN[dimension][many ? 1 : 0];

const PREPOSITION: Record<DimensionId, string> = {
  day: 'on',
  week: 'in',
  month: 'in',
  weekday: 'on',
  hour: 'at',
  item: 'for',
  category: 'for',
  vendor: 'from',
  expense_head: 'on',
  staff: 'by',
  payment_mode: 'paid by',
  // "Revenue for Delivery", "for Dine In".
  order_type: 'for',
  location: 'at',
};

/** A filter in words; days of the week as days ("on Sundays", "on weekends (Sat, Sun)" when `spelled`). */
const filterText = (f: SemanticFilter, spelled: boolean): string =>
  `${PREPOSITION[f.dimension]} ${f.dimension === 'weekday' ? weekdayWords(f.values, spelled) : f.values.join(' or ')}`;

/** The groups a breakdown shows side by side ("Cash vs UPI", "Saturdays vs Sundays"). */
const sideText = (f: SemanticFilter): string =>
  f.values.map((v) => (f.dimension === 'weekday' ? weekdayWords([v], false) : v)).join(' vs ');

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

/** "Revenue and bills for Masala Dosa by day" / "Top 3 items by revenue": the query without its period. */
function coreText(query: SemanticQuery, spelled: boolean): string {
  const names = query.measures.map((m, i) => (i === 0 ? MEASURES[m].label : lowerFirst(MEASURES[m].label)));
  const measures = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]!;
  // Names of the breakdown's own dimension are the groups shown side by side ("Cash vs UPI").
  const sides = query.filters.find((f) => f.dimension === query.groupBy);
  const filters = query.filters
    .filter((f) => f !== sides)
    .map((f) => filterText(f, spelled))
    .join(' ');
  const withFilters = filters ? `${measures} ${filters}` : measures;
  const among = sides ? ` (${sideText(sides)})` : '';
  if (query.rank && query.groupBy) {
    const { order, limit } = query.rank;
    const noun = dimensionNoun(query.groupBy, limit > 1);
    const head = `${order === 'desc' ? 'Top' : 'Bottom'} ${limit > 1 ? `${limit} ` : ''}${noun}${among}`;
    return `${head} by ${lowerFirst(withFilters)}`;
  }
  return query.groupBy ? `${withFilters} by ${dimensionNoun(query.groupBy)}${among}` : withFilters;
}

const days = (p: { from: string; to: string }): number => daysBetween(p.from, p.to) + 1;

function comparisonWords(query: SemanticQuery): string | undefined {
  const compare = query.compare;
  if (!compare) return undefined;
  const n = days(query.period);
  switch (compare.kind) {
    case 'previous':
      return n === 1 ? 'the day before' : `the ${n} days before`;
    case 'last_week':
      return n === 1 ? 'the same day last week' : 'the same days last week';
    case 'last_month':
      return 'the same dates last month';
    case 'last_year':
      return 'the same dates last year';
    case 'period':
      return undefined;
  }
}

/** "Revenue on Sat 21 Nov 2026", "Revenue yesterday (…)", but "Revenue, last 7 days (…)". */
const joiner = (period: string): string =>
  /^(?:on|in|yesterday|today|tomorrow|since)\b/.test(period) ? ' ' : ', ';

/** An analysis as a question Titan reads back as the same analysis. */
export function analysisQuestion(analysis: AnalysisId, item: string | undefined, period: string): string {
  switch (analysis) {
    case 'daily-brief':
      return 'Daily brief';
    case 'open-tasks':
      return 'Open tasks';
    case 'help':
      return 'Help';
    case 'leak-scan':
      return `Scan for profit leaks, ${period}`;
    case 'revenue-trend':
      return `Revenue trend, ${period}`;
    case 'food-cost':
      return `Food cost, ${period}`;
    case 'wastage':
      return `${item ? `${item} wastage` : 'Wastage'}, ${period}`;
    case 'vendor-prices':
      return item ? `Price rise for ${item}, ${period}` : `Vendor prices, ${period}`;
    case 'expense-breakdown':
      return `Expense breakdown, ${period}`;
    case 'staff-exceptions':
      return `Staff exceptions, ${period}`;
  }
}

/** The reading as stated in the answer's headline. */
export function queryText(query: SemanticQuery, phrase: string | undefined, note?: string): string {
  const core = coreText(query, true);
  const period = periodText(query.period, phrase);
  const shares = query.share ? ', with shares' : '';
  const shown = phrase && note ? `${period.slice(0, -1)}; ${note})` : period;
  const text = `${core}${shares}${joiner(shown)}${shown}`;
  if (!query.compare) return text;
  const target = comparisonPeriod(query.period, query.compare);
  const words = comparisonWords(query);
  const span = formatSpan(target.from, target.to);
  const against = words ? `${words} (${span})` : span;
  return `${text}, compared with ${against}`;
}

/** The same reading as a question, for a quick-reply button. */
export function queryQuestion(query: SemanticQuery, phrase: string | undefined): string {
  const core = coreText(query, false);
  const shares = query.share ? ', with shares' : '';
  const when = periodQuestion(query.period, phrase);
  const text = `${core}${shares}${joiner(when)}${when}`;
  if (!query.compare) return text;
  const words = comparisonWords(query);
  return `${text}, compared with ${words ?? periodQuestion(query.compare.kind === 'period' ? query.compare.period : query.period, undefined)}`;
}
