// A semantic query's result as query_data returns it: the model's compact response and the answer's facts, one set of figures.
import type { Fact, Period } from '../../model/answer.ts';
import { comparisonFactId, groupFactId, shareFactId, totalFactId } from '../../semantic/fact-ids.ts';
import { MEASURES } from '../../semantic/model.ts';
import type { MeasureId, QueryResult } from '../../semantic/query.ts';

/** The change on the comparison period, in % (as query answers name it: the comparison's id + "%"). */
export const changeFactId = (measure: MeasureId): string => `${comparisonFactId(measure)}%`;

type Values = Partial<Record<MeasureId, number | null>>;

/** What one query_data call computed, with the period it covers under the name the owner reads. */
export interface ShownResult {
  result: QueryResult;
  period: Period;
  /** Groups returned to the model at most; the rest are counted, not sent. */
  maxGroups: number;
}

const measuresOf = (result: QueryResult): MeasureId[] => [...new Set(result.query.measures)];

/** % change of each measure on the comparison period; none for a % measure or a base of zero or less. */
function changes(result: QueryResult): Values {
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

// Two decimals are more than any answer writes; the grounding check allows for the model's rounding.
const round = (v: number | null | undefined): number | null =>
  v === null || v === undefined ? null : Math.round(v * 100) / 100;
const rounded = (values: Values): Record<string, number | null> =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, round(v)]));

/**
 * The functionResponse: every number in it is a figure the executor computed (rows scanned are left out, so a
 * row count cannot ground a figure it happens to equal).
 */
export function queryResponse(shown: ShownResult): Record<string, unknown> {
  const { result, period, maxGroups } = shown;
  const { groupBy } = result.query;
  const listed = groupBy ? result.rows.slice(0, maxGroups) : [];
  return {
    period,
    units: Object.fromEntries(measuresOf(result).map((m) => [m, MEASURES[m].unit])),
    totals: rounded(result.totals),
    ...(groupBy
      ? {
          groups: {
            by: groupBy,
            rows: listed.map((r) => ({
              key: r.key,
              ...rounded(r.values),
              ...(r.share === undefined ? {} : { sharePct: round(r.share) }),
            })),
            count: result.rows.length,
            truncated: result.rows.length > listed.length,
          },
        }
      : {}),
    ...(result.comparison
      ? {
          comparison: {
            period: result.comparison.period,
            totals: rounded(result.comparison.totals),
            changePct: rounded(changes(result)),
          },
        }
      : {}),
  };
}

/** The answer's facts for what the model was shown, named by semantic/fact-ids. */
export function queryFacts(shown: ShownResult): Fact[] {
  const { result, period, maxGroups } = shown;
  const facts: Fact[] = [];
  const add = (
    id: string,
    measure: MeasureId,
    label: string,
    value: number | null | undefined,
    at = period,
  ) => {
    if (value === null || value === undefined) return;
    facts.push({ id, label, value, unit: MEASURES[measure].unit, period: at, query: `semantic:${measure}` });
  };
  const measures = measuresOf(result);
  for (const m of measures) add(totalFactId(m), m, MEASURES[m].label, result.totals[m]);
  if (result.query.groupBy) {
    const first = measures[0]!;
    for (const row of result.rows.slice(0, maxGroups)) {
      const key = row.key!;
      for (const m of measures) add(groupFactId(m, key), m, `${MEASURES[m].label}, ${key}`, row.values[m]);
      if (row.share !== undefined) {
        facts.push({
          id: shareFactId(key),
          label: `${key}'s share of ${MEASURES[first].label.toLowerCase()}`,
          value: row.share,
          unit: '%',
          period,
          query: `semantic:${first}`,
        });
      }
    }
  }
  if (result.comparison) {
    const { period: then, totals } = result.comparison;
    const change = changes(result);
    for (const m of measures) {
      add(comparisonFactId(m), m, `${MEASURES[m].label}, ${then.label}`, totals[m], then);
      const pct = change[m];
      if (pct !== undefined && pct !== null) {
        facts.push({
          id: changeFactId(m),
          label: `${MEASURES[m].label} change on ${then.label}`,
          value: pct,
          unit: '%',
          period,
          query: `semantic:${m}`,
        });
      }
    }
  }
  return facts;
}
