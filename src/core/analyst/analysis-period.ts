// Which periods the leak scan and the daily brief can answer for, and what to ask instead when a period is not one.
//
// A leak scan compares a period's costs with its sales, and wages, rent and stock counts are booked on their own
// days: over fewer than 7 days, a Saturday's wages against one day's sales is a "leak" that is not there. The daily
// brief is one day's, with the leaks of the 7 days ending on it.
import type { Period } from '../model/answer.ts';
import { formatDay, formatSpan } from '../reader/reading-text.ts';
import type { AnalysisId } from '../semantic/reading.ts';
import { addDays } from './calendar.ts';
import { periodDays } from './periods.ts';

/** The shortest span a leak scan reads: every weekly wage, delivery and count falls in it once. */
export const LEAK_SCAN_MIN_DAYS = 7;

export interface PeriodProblem {
  reason: string;
  /** Questions that answer what was meant, for quick replies. */
  suggestions: string[];
}

/** Why `analysis` cannot answer for `period`, or undefined when it can. */
export function analysisPeriodProblem(analysis: AnalysisId, period: Period): PeriodProblem | undefined {
  const days = periodDays(period);
  const span = formatSpan(period.from, period.to);
  if (analysis === 'leak-scan' && days < LEAK_SCAN_MIN_DAYS) {
    const week = formatSpan(addDays(period.to, 1 - LEAK_SCAN_MIN_DAYS), period.to);
    return {
      reason: `A profit-leak scan needs at least ${LEAK_SCAN_MIN_DAYS} days: wages, rent and stock counts are booked on their own days, so ${days === 1 ? 'one day' : `${days} days`} (${span}) would show leaks that are not there.`,
      suggestions: [`Scan for profit leaks, ${week}`, `Revenue, ${span}`],
    };
  }
  if (analysis === 'daily-brief' && days > 1) {
    return {
      reason: `The daily brief is one day's (with the leaks of the 7 days to it), so I can’t give it for ${span}.`,
      suggestions: [
        `Scan for profit leaks, ${span}`,
        `Revenue, ${span}`,
        `Daily brief for ${formatDay(period.to)}`,
      ],
    };
  }
  return undefined;
}
