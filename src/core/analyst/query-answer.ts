// A semantic query's result as an answer: the reading stated in the headline, every figure one of its facts.
import type { Answer, ChartSpec, Fact, Sources } from '../model/answer.ts';
import { dimensionNoun } from '../reader/reading-text.ts';
import { otherCurrencyNote } from '../semantic/currency.ts';
import {
  changeFactId,
  comparisonFactId,
  groupFactId,
  shareFactId,
  totalFactId,
  unrankedFactId,
} from '../semantic/fact-ids.ts';
import { MEASURES } from '../semantic/model.ts';
import type { QueryResult } from '../semantic/query.ts';
import { factUnit, resultFacts } from '../semantic/result-facts.ts';
import { formatChange, formatCount, formatFact } from './format.ts';
import { inItemUnit } from './item-unit.ts';
import { emptyAnswer } from './static-answers.ts';

/** How many groups an answer lists before it says how many more there are. */
const MAX_LISTED = 10;

export interface QueryAnswerInput {
  /** The reading in words ("Revenue on Sat 21 Nov 2026"). */
  text: string;
  unread: string[];
  result: QueryResult;
  sources: Sources;
  /** The one unit the item asked about is recorded in ("kg"), for its quantities and rates. */
  itemUnit?: string;
}

/** The headline's figures: each measure's total, then the first measure against the comparison period. */
function totalsLine(result: QueryResult, fact: (id: string) => Fact | undefined): string {
  const parts = result.query.measures.flatMap((measure, i) => {
    const total = fact(totalFactId(measure));
    if (!total) return [];
    return [i === 0 ? formatFact(total) : `${MEASURES[measure].label.toLowerCase()} ${formatFact(total)}`];
  });
  const first = result.query.measures[0]!;
  const before = fact(comparisonFactId(first));
  // A comparison period with no rows has no figure: say so rather than leave the comparison unanswered.
  if (!before && result.comparison)
    parts.push(`nothing recorded in ${result.comparison.period.label} to compare with`);
  if (before && result.comparison) {
    const where = `${formatFact(before)} in ${result.comparison.period.label}`;
    const change = fact(changeFactId(first));
    const words = change ? formatChange(change.value) : undefined;
    parts.push(
      !words || words === 'flat' ? `${words ?? ''} against ${where}`.trim() : `${words} from ${where}`,
    );
  }
  return parts.join('; ');
}

/** One line per listed group: "• Masala Dosa: ₹12,400 (23.4%)". */
function groupLines(result: QueryResult, fact: (id: string) => Fact | undefined): string[] {
  const listed = result.rows.slice(0, MAX_LISTED);
  const lines = listed.map((row) => {
    const key = row.key ?? '';
    const values = result.query.measures.flatMap((m) => {
      const f = fact(groupFactId(m, key));
      return f ? [formatFact(f)] : [];
    });
    const share = fact(shareFactId(key));
    return `• ${key}: ${values.length ? values.join(', ') : 'no figure'}${share ? ` (${formatFact(share)})` : ''}`;
  });
  const more = result.rows.length - listed.length;
  return more > 0 ? [...lines, `…and ${formatCount(more)} more`] : lines;
}

/** A day-by-day series reads better as a line than as a list. */
function dailyChart(result: QueryResult): ChartSpec | undefined {
  const first = result.query.measures[0]!;
  if (result.query.groupBy !== 'day' || result.query.rank || result.rows.length < 3) return undefined;
  return {
    kind: 'line',
    title: `${MEASURES[first].label} by day`,
    x: 'date',
    y: first,
    unit: factUnit(first),
    points: result.rows.flatMap((r) => {
      const y = r.values[first];
      return r.key && y !== null && y !== undefined ? [{ x: r.key, y }] : [];
    }),
  };
}

/** A rate or a % over the whole period is no total of its groups ("Average bill by day (overall ₹241)"). */
const overallWord = (result: QueryResult): string =>
  MEASURES[result.query.measures[0]!].additive ? 'total' : 'overall';

/** "₹2,90,000 of expenses records no vendor, so it is not in the ranking." */
function unrankedNote(result: QueryResult, fact: (id: string) => Fact | undefined): string | undefined {
  const first = result.query.measures[0]!;
  const left = fact(unrankedFactId(first));
  if (!left || !result.query.groupBy) return undefined;
  const noun = dimensionNoun(result.query.groupBy);
  return `${formatFact(left)} of ${MEASURES[first].label.toLowerCase()} records no ${noun}, so it is not in the ranking.`;
}

export function composeQueryAnswer(input: QueryAnswerInput): Answer {
  const { result, text } = input;
  const computed = resultFacts(result, { period: result.query.period, maxGroups: MAX_LISTED });
  const facts = input.itemUnit ? inItemUnit(computed, input.itemUnit) : computed;
  const more = result.rows.length - Math.min(result.rows.length, MAX_LISTED);
  if (more > 0) {
    facts.push({
      id: 'q.groups.more',
      label: 'Groups not listed',
      value: more,
      unit: 'items',
      period: result.query.period,
      query: `semantic:${result.query.measures[0]}`,
    });
  }
  const byId = new Map(facts.map((f) => [f.id, f]));
  const fact = (id: string) => byId.get(id);
  const grouped = result.query.groupBy !== undefined;
  const totals = totalsLine(result, fact);
  const details = grouped ? groupLines(result, fact) : [];
  // A single ranked group is the answer itself ("Best day: Sat 21 Nov, ₹31,200"), not a list of one.
  const single = grouped && result.query.rank?.limit === 1 && details.length === 1;
  const headline = single
    ? `${text}: ${details[0]!.slice(2)}`
    : grouped
      ? `${text}${totals && !result.query.rank ? ` (${overallWord(result)} ${totals})` : ''}:`
      : `${text}: ${totals}`;
  const chart = dailyChart(result);
  return {
    ...emptyAnswer('query', headline, input.sources),
    facts,
    details: single ? [] : details,
    ...(chart ? { chart } : {}),
    reading: { text, query: result.query, unread: input.unread },
    notes: [
      ...(input.unread.length ? [`Not used in reading the question: ${input.unread.join(', ')}.`] : []),
      ...[unrankedNote(result, fact), otherCurrencyNote(result)].filter((n) => n !== undefined),
    ],
  };
}
