// Which period is asked about and which it is compared with: "X vs Y", "than the 7 days before", "same day last week", "vs last week".
//
// "Same weekdays last week" holds only for periods of 7 days or less and "same dates last month" for 31
// or less; a longer period is compared with the equal period just before it. A comparison named without a
// target ("is revenue up this week?") takes last week for a week or less, last month for a month to
// date, else the period just before.
import type { Comparison } from '../semantic/query.ts';
import { addDays, addMonths, daysBetween, mondayOf, monthEnd, monthStart, yearOf } from './dates.ts';
import type { PeriodFind } from './period-rule.ts';
import { formatSpan } from './reading-text.ts';
import type { DateSpan } from './vocabulary.ts';

export interface DatedPeriod extends DateSpan {
  label: string;
  /** English words for it (relative periods), for the reading text. */
  phrase?: string;
}

export type PeriodChoice =
  | { kind: 'chosen'; main?: PeriodFind; target?: PeriodFind; compare: boolean }
  | { kind: 'too-many'; labels: string[] };

/** Words that put the period after them on the far side of a comparison. */
const TARGET_BEFORE =
  /\b(?:vs\.?|versus|v\/s|than|against|compared\s+(?:to|with)|compare(?:d)?\s+(?:it\s+)?(?:to|with)|with|to|and|from)\s*$/i;

/** Picks the asked period and its comparison target among the periods found. */
export function choosePeriods(finds: PeriodFind[], display: string, comparing: boolean): PeriodChoice {
  const spans = finds.filter((f) => f.role === 'period');
  const targets = finds.filter((f) => f.role !== 'period');
  if (spans.length > 2 || targets.length > 1 || (spans.length === 2 && targets.length === 1)) {
    return { kind: 'too-many', labels: finds.map((f) => f.label) };
  }
  if (targets.length === 1) return { kind: 'chosen', main: spans[0], target: targets[0], compare: true };
  if (spans.length === 2) {
    if (!comparing) return { kind: 'too-many', labels: spans.map((f) => f.label) };
    return { kind: 'chosen', main: spans[0], target: spans[1], compare: true };
  }
  const only = spans[0];
  if (only && comparing && TARGET_BEFORE.test(display.slice(0, only.start))) {
    return { kind: 'chosen', target: only, compare: true };
  }
  return { kind: 'chosen', main: only, compare: comparing };
}

/** "vs last week" with nothing else named compares this week so far with the same days last week. */
export function counterpart(target: PeriodFind, today: string): DatedPeriod | undefined {
  // "sales same day last week": today against the same day a week back.
  if (target.role === 'shift' && target.oneDay)
    return { from: today, to: today, label: 'today', phrase: 'today' };
  switch (target.shift) {
    case 'last_week':
      return { from: mondayOf(today), to: today, label: 'this week', phrase: 'this week' };
    case 'last_month':
      return { from: monthStart(today), to: today, label: 'this month', phrase: 'this month' };
    case 'last_year':
      return { from: `${yearOf(today)}-01-01`, to: today, label: 'this year', phrase: 'this year' };
    default:
      return undefined;
  }
}

const lengthOf = (p: DateSpan): number => daysBetween(p.from, p.to) + 1;

/** The shift a relative target means for `main`, within the limits above. */
function shifted(shift: NonNullable<PeriodFind['shift']>, main: DateSpan): Comparison {
  const days = lengthOf(main);
  if (shift === 'last_week') return days <= 7 ? { kind: 'last_week' } : { kind: 'previous' };
  if (shift === 'last_month') return days <= 31 ? { kind: 'last_month' } : { kind: 'previous' };
  return { kind: 'last_year' };
}

/** The comparison when none is named. */
export function defaultComparison(main: DatedPeriod): Comparison {
  if (main.phrase === 'this month') return { kind: 'last_month' };
  if (lengthOf(main) <= 7) return { kind: 'last_week' };
  if (main.from === monthStart(main.from) && main.to <= monthEnd(main.from)) return { kind: 'last_month' };
  return { kind: 'previous' };
}

const same = (a: DateSpan, b: DateSpan): boolean => a.from === b.from && a.to === b.to;

/** The comparison `target` names for `main`; a target that is `main` itself means the period before. */
export function comparisonFor(
  target: PeriodFind,
  resolved: DatedPeriod | undefined,
  main: DatedPeriod,
): Comparison {
  if (target.role === 'before') {
    // "November vs the month before": October, whole; "the last 30 days vs the month before": the 30 days before.
    const wholeMonths =
      main.from === monthStart(main.from) && (main.to === monthEnd(main.to) || main.phrase === 'this month');
    if (target.shift === 'last_month' && wholeMonths) return { kind: 'last_month' };
    if (target.shift === 'last_year' && main.from.endsWith('-01-01')) return { kind: 'last_year' };
    return { kind: 'previous' };
  }
  if (target.role === 'shift') return shifted(target.shift!, main);
  if (!resolved) return { kind: 'previous' };
  const days = lengthOf(main);
  const before = { from: addDays(main.from, -days), to: addDays(main.from, -1) };
  if (same(resolved, main) || same(resolved, before)) return { kind: 'previous' };
  // "this week vs last week" is like for like; "13–19 Nov vs last week" means the calendar week.
  if (target.shift && main.phrase) return shifted(target.shift, main);
  if (days <= 7 && same(resolved, { from: addDays(main.from, -7), to: addDays(main.to, -7) })) {
    return { kind: 'last_week' };
  }
  if (same(resolved, { from: addMonths(main.from, -1), to: addMonths(main.to, -1) }) && days <= 31) {
    return { kind: 'last_month' };
  }
  // Labelled by its dates, as the answer says it ("from ₹6,04,710 in October 2026"), not as typed ("october").
  return {
    kind: 'period',
    period: { from: resolved.from, to: resolved.to, label: formatSpan(resolved.from, resolved.to) },
  };
}
