// The breakdown and ranking a question asks for: "by item", "which vendor", "who", "top 3 items", "best day", "cash vs UPI".
//
// Superlatives. A rank word with no count ("the lowest", "the most", "best day") names ONE group; a count names that
// many ("top 3", "the 3 least selling", "which 3 items"); with no count, a plural group or measure word asks for
// several ("which days …", "lowest selling items", "top sellers"), and several is five.
import { dimensionsOf } from '../semantic/model.ts';
import type { DimensionId, MeasureId, SemanticFilter, SemanticQuery } from '../semantic/query.ts';
import { lowerIsBetter } from './measures.ts';
import { dimensionNoun } from './reading-text.ts';

export interface DimensionWord {
  dimension: DimensionId | 'who';
  plural: boolean;
}

export interface BreakdownCues {
  dimensions: DimensionWord[];
  rank?: { order: 'desc' | 'asc'; judged: boolean };
  rankCount?: number;
  /** "vs", "compare": two names of one dimension side by side ("cash vs UPI"). */
  comparing: boolean;
  /** "how many dishes": the dimension word names what is counted, not a breakdown (unless "by"/"which" says so). */
  counted: boolean;
  grouping: boolean;
  share: boolean;
  trend: boolean;
  /** "sold the most" with nothing else: the item. */
  selling: boolean;
  /** The measure word is plural ("top sellers", "biggest expenses"): a breakdown it implies shows several. */
  impliedPlural: boolean;
  periodDays: number;
}

export type Breakdown =
  | { kind: 'ok'; query: Pick<SemanticQuery, 'groupBy' | 'rank' | 'share' | 'filters'> }
  | { kind: 'decline'; reason: string; options: DimensionId[] };

const allows = (measures: readonly MeasureId[], d: DimensionId): boolean =>
  measures.every((m) => dimensionsOf(m).includes(d));

/** "who" is the staff member for a sale, the vendor for a purchase or expense. */
function resolveWord(word: DimensionWord, measures: readonly MeasureId[]): DimensionId | undefined {
  if (word.dimension === 'who') {
    return allows(measures, 'staff') ? 'staff' : allows(measures, 'vendor') ? 'vendor' : undefined;
  }
  if (word.dimension === 'category' && !allows(measures, 'category') && allows(measures, 'expense_head')) {
    return 'expense_head';
  }
  return word.dimension;
}

/** The grain a trend is shown in: days up to two months, weeks up to half a year, then months. */
const trendGrain = (days: number): DimensionId => (days <= 62 ? 'day' : days <= 190 ? 'week' : 'month');

export function readBreakdown(
  cues: BreakdownCues,
  measures: MeasureId[],
  filters: SemanticFilter[],
): Breakdown {
  const breaksDown = (w: DimensionWord): boolean =>
    w.dimension === 'who' || !cues.counted || cues.grouping || cues.rank !== undefined;
  const words = cues.dimensions
    .filter(breaksDown)
    .map((w) => ({ ...w, dimension: resolveWord(w, measures) }));
  if (words.some((w) => w.dimension === undefined)) {
    return { kind: 'decline', reason: 'I can’t tell who you mean for this figure.', options: [] };
  }
  const distinct = [...new Set(words.map((w) => w.dimension!))];
  let groupBy: DimensionId | undefined = distinct[0];
  let plural = words.some((w) => w.plural);
  let kept = filters;
  let share = cues.share;
  if (distinct.length > 1) {
    return {
      kind: 'decline',
      reason: `I can break a figure down one way at a time, not by ${distinct.map((d) => dimensionNoun(d)).join(' and ')} together.`,
      options: distinct,
    };
  }
  if (!groupBy) {
    const side = filters.find((f) => f.values.length > 1);
    if (cues.comparing && side) groupBy = side.dimension;
    else if (share && filters.length === 1) {
      groupBy = filters[0]!.dimension;
      kept = [];
    } else if (cues.rank && cues.selling) {
      groupBy = 'item';
      plural = cues.impliedPlural;
    } else if (cues.rank && measures[0] === 'expenses') {
      groupBy = 'expense_head'; // "biggest expenses"
      plural = cues.impliedPlural;
    } else if (cues.trend) groupBy = trendGrain(cues.periodDays);
    else if (
      measures.some((m) => m === 'stock_on_hand' || m === 'purchase_qty' || m === 'wastage_qty') &&
      !filters.some((f) => f.dimension === 'item')
    ) {
      // Quantities of different items are in different units: never one sum.
      groupBy = 'item';
      plural = true;
    }
  }
  if (groupBy && !allows(measures, groupBy)) {
    return {
      kind: 'decline',
      reason: `I can’t split ${measures.length > 1 ? 'these figures' : 'that figure'} by ${dimensionNoun(groupBy)}: the rows it comes from don’t record one.`,
      options: [],
    };
  }
  if (cues.rank && !groupBy) {
    return {
      kind: 'decline',
      reason: 'I can’t tell what to rank: days, items, or something else.',
      options: (['day', 'item'] as DimensionId[]).filter((d) => allows(measures, d)),
    };
  }
  if (share && !groupBy) share = false;
  const rank = cues.rank && groupBy ? rankOf(cues, measures[0]!, plural) : undefined;
  return {
    kind: 'ok',
    query: { ...(groupBy ? { groupBy } : {}), ...(rank ? { rank } : {}), share, filters: kept },
  };
}

function rankOf(cues: BreakdownCues, first: MeasureId, plural: boolean): SemanticQuery['rank'] {
  const { order, judged } = cues.rank!;
  // "Best" is the least wastage, the most revenue.
  const flipped = judged && lowerIsBetter(first) ? (order === 'desc' ? 'asc' : 'desc') : order;
  return { order: flipped, limit: Math.min(100, cues.rankCount ?? (plural ? 5 : 1)) };
}
