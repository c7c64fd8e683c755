// A query result's figures as Facts, named by fact-ids: one builder for query answers and the LLM's query tool.
import type { Fact, Period } from '../model/answer.ts';
import {
  changeFactId,
  comparisonFactId,
  groupFactId,
  shareFactId,
  totalFactId,
  unrankedFactId,
} from './fact-ids.ts';
import { MEASURES } from './model.ts';
import type { MeasureId, QueryResult } from './query.ts';

type Values = Partial<Record<MeasureId, number | null>>;

/** Count measures carry the noun owners count in, so a figure reads "62 bills", not "62". */
const COUNT_NOUN: Partial<Record<MeasureId, string>> = {
  bills: 'bills',
  covers: 'covers',
  void_count: 'voids',
  comp_count: 'comps',
};

/** The unit a measure's facts carry ("INR", "%", "INR/unit", "bills", "units" …). */
export function factUnit(measure: MeasureId): string {
  const { unit } = MEASURES[measure];
  if (unit === 'count') return COUNT_NOUN[measure] ?? 'items';
  // Sold quantities are plates, cups and pieces; bought and stocked ones are in each item's own unit.
  if (measure === 'items_sold') return 'items';
  if (unit === 'qty') return 'units';
  return unit;
}

export const measuresOf = (result: QueryResult): MeasureId[] => [...new Set(result.query.measures)];

/** % change of each measure on the comparison period; none for a % measure or a base of zero or less. */
export function changes(result: QueryResult): Values {
  const before = result.comparison?.totals ?? {};
  return Object.fromEntries(
    measuresOf(result).flatMap((m) => {
      const now = result.totals[m];
      const then = before[m];
      if (MEASURES[m].unit === '%' || now == null || then == null || then <= 0) return [];
      return [[m, ((now - then) / then) * 100]];
    }),
  );
}

export interface ResultFactsOptions {
  /** The period as the owner names it (the facts of the asked period carry it). */
  period: Period;
  /** Groups turned into facts at most (the rest are not shown, so they are not facts either). */
  maxGroups: number;
}

export function resultFacts(result: QueryResult, options: ResultFactsOptions): Fact[] {
  const { period, maxGroups } = options;
  const facts: Fact[] = [];
  const add = (
    id: string,
    measure: MeasureId,
    label: string,
    value: number | null | undefined,
    at = period,
  ) => {
    if (value === null || value === undefined) return;
    facts.push({ id, label, value, unit: factUnit(measure), period: at, query: `semantic:${measure}` });
  };
  const percent = (id: string, measure: MeasureId, label: string, value: number, at = period) =>
    facts.push({ id, label, value, unit: '%', period: at, query: `semantic:${measure}` });
  const measures = measuresOf(result);
  for (const m of measures) add(totalFactId(m), m, MEASURES[m].label, result.totals[m]);
  if (result.query.groupBy) {
    const first = measures[0]!;
    for (const row of result.rows.slice(0, maxGroups)) {
      const key = row.key!;
      for (const m of measures) add(groupFactId(m, key), m, `${MEASURES[m].label}, ${key}`, row.values[m]);
      if (row.share !== undefined) {
        percent(
          shareFactId(key),
          first,
          `${key}'s share of ${MEASURES[first].label.toLowerCase()}`,
          row.share,
        );
      }
    }
  }
  if (result.unranked) {
    const first = measures[0]!;
    add(
      unrankedFactId(first),
      first,
      `${MEASURES[first].label}, not recorded`,
      result.unranked.values[first],
    );
  }
  if (result.comparison) {
    const { period: then, totals } = result.comparison;
    const change = changes(result);
    for (const m of measures) {
      add(comparisonFactId(m), m, `${MEASURES[m].label}, ${then.label}`, totals[m], then);
      const pct = change[m];
      if (pct !== undefined && pct !== null) {
        percent(changeFactId(m), m, `${MEASURES[m].label} change on ${then.label}`, pct, then);
      }
    }
  }
  return facts;
}
