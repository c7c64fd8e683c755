// What a period's figures are compared with: the same weekdays a week back for a week or less, else the equal
// period just before it, so a comparison never overlaps the period it is compared with.
import type { Period } from '../../model/answer.ts';
import { LAST_WEEK_MAX_DAYS } from '../../semantic/comparison.ts';
import type { Comparison } from '../../semantic/query.ts';
import { periodDays } from '../periods.ts';

export interface LikeForLike {
  compare: Comparison;
  /** True for "same weekdays last week", false for "previous period". */
  sameWeekdays: boolean;
  /** How fact labels name it: "same weekdays last week", "same day last week", "previous period". */
  label: string;
}

export function likeForLike(period: Period): LikeForLike {
  const days = periodDays(period);
  if (days > LAST_WEEK_MAX_DAYS) {
    return { compare: { kind: 'previous' }, sameWeekdays: false, label: 'previous period' };
  }
  return {
    compare: { kind: 'last_week' },
    sameWeekdays: true,
    label: days === 1 ? 'same day last week' : 'same weekdays last week',
  };
}
