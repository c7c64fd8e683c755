// The period a question gets when it names none: the last 7 days for sales flows, 30 for costs, the latest count for stock.
//
// When the table holds nothing in that window (data loaded up to an earlier date), the window moves back
// to end on the last day with data, and says so.
import type { MeasureId } from '../semantic/query.ts';
import { addDays } from './dates.ts';
import { type CoverageTable, MEASURE_TABLE, type Vocabulary } from './vocabulary.ts';

export interface DefaultPeriod {
  from: string;
  to: string;
  label: string;
  /** Words for the reading text ("last 7 days"). */
  phrase: string;
  /** Why these dates, when not the plain default. */
  note: string;
}

/** Costs are lumpy (rent is monthly), so a week would mislead. */
const MONTHLY: ReadonlySet<MeasureId> = new Set<MeasureId>([
  'expenses',
  'purchases',
  'purchase_qty',
  'unit_rate_avg',
  'unit_rate_min',
  'unit_rate_max',
  'cogs',
  'food_cost_pct',
  'prime_cost_pct',
  'labour',
  'labour_pct',
]);

export function defaultDays(measure: MeasureId | undefined): number {
  return measure && MONTHLY.has(measure) ? 30 : 7;
}

/** The last N whole days, or the last N days with data when the table has none in them. */
export function lastDaysWithData(
  days: number,
  table: CoverageTable | undefined,
  vocabulary: Vocabulary,
  today: string,
): DefaultPeriod {
  const to = addDays(today, -1);
  const from = addDays(today, -days);
  const phrase = `last ${days} days`;
  const coverage = table ? vocabulary.coverage[table] : null;
  if (coverage && coverage.to < from) {
    const end = coverage.to;
    return {
      from: addDays(end, 1 - days),
      to: end,
      label: `latest ${days} days with data`,
      phrase: `latest ${days} days with data`,
      note: `no period named, and nothing in the last ${days} days`,
    };
  }
  return { from, to, label: phrase, phrase, note: 'no period named' };
}

/** The default period for a query whose first measure is `measure`. */
export function defaultPeriod(measure: MeasureId, vocabulary: Vocabulary, today: string): DefaultPeriod {
  const table = MEASURE_TABLE[measure];
  const coverage = vocabulary.coverage[table];
  const last = coverage && coverage.to < today ? coverage.to : today;
  if (measure === 'stock_on_hand') {
    return { from: last, to: last, label: 'latest', phrase: 'latest', note: 'no date named' };
  }
  if (measure === 'unit_rate_latest') {
    const from = coverage && coverage.from <= last ? coverage.from : addDays(today, -365);
    return { from, to: last, label: 'latest', phrase: 'latest', note: 'no period named' };
  }
  return lastDaysWithData(defaultDays(measure), table, vocabulary, today);
}
