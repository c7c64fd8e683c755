// How a query answer names its facts, so every figure in the text can be traced to one computed value.
import type { MeasureId } from './query.ts';

/** The measure's total over the period and filters. */
export const totalFactId = (measure: MeasureId): string => `q.${measure}`;
/** One group's figure (an item, a day, a vendor …), keyed by the stored value. */
export const groupFactId = (measure: MeasureId, key: string): string => `q.${measure}@${key}`;
/** The measure's total over the comparison period. */
export const comparisonFactId = (measure: MeasureId): string => `q.${measure}~compare`;
/** A ranking's rows that record no value of the ranked dimension, left out of it. */
export const unrankedFactId = (measure: MeasureId): string => `q.${measure}~unranked`;
/** A group's share of the first measure's total, in %. */
export const shareFactId = (key: string): string => `q.share@${key}`;
/** The % change of the measure's total on the comparison period (the fact's period is the comparison's). */
export const changeFactId = (measure: MeasureId): string => `${comparisonFactId(measure)}%`;
