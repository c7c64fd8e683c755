// A semantic query's result as query_data returns it: the model's compact response and the answer's facts, one set of figures.
import type { Fact, Period } from '../../model/answer.ts';
import { MEASURES } from '../../semantic/model.ts';
import type { MeasureId, QueryResult } from '../../semantic/query.ts';
import { changes, measuresOf, resultFacts } from '../../semantic/result-facts.ts';

type Values = Partial<Record<MeasureId, number | null>>;

/** What one query_data call computed, with the period it covers under the name the owner reads. */
export interface ShownResult {
  result: QueryResult;
  period: Period;
  /** Groups returned to the model at most; the rest are counted, not sent. */
  maxGroups: number;
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
export const queryFacts = (shown: ShownResult): Fact[] =>
  resultFacts(shown.result, { period: shown.period, maxGroups: shown.maxGroups });
