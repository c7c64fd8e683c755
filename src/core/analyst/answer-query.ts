// A question read as a semantic query, answered end to end: run it, state the reading, or say honestly why not.
import { TitanError } from '../errors.ts';
import type { Answer } from '../model/answer.ts';
import type { Scope } from '../model/scope.ts';
import { dimensionNoun, formatSpan } from '../reader/reading-text.ts';
import type { Vocabulary } from '../reader/vocabulary.ts';
import { MEASURE_TABLE } from '../reader/vocabulary.ts';
import { otherCurrencyNote } from '../semantic/currency.ts';
import type { SemanticExecutor } from '../semantic/execute.ts';
import { MEASURES, NOT_RECORDED } from '../semantic/model.ts';
import type { MeasureId, QueryResult, SemanticQuery } from '../semantic/query.ts';
import type { Warehouse } from '../warehouse/port.ts';
import { CATEGORY_TABLE } from '../warehouse/tables.ts';
import { declinedAnswer, outsideCoverageAnswer } from './declined-answer.ts';
import { formatCount } from './format.ts';
import { ROW_NOUN } from './intent-plans.ts';
import { itemUnitOf } from './item-unit.ts';
import type { Audience, StatusListener } from './port.ts';
import { composeQueryAnswer } from './query-answer.ts';
import { readSources } from './sources.ts';
import { privateOnlyAnswer } from './static-answers.ts';

export interface QueryQuestion {
  query: SemanticQuery;
  text: string;
  unread: string[];
  scope: Scope;
  audience: Audience;
  vocabulary: Vocabulary;
}

const LOOKS_BACK: ReadonlySet<MeasureId> = new Set(['stock_on_hand']);

/** Staff names stay out of shared channels, whether the staff are a filter or the breakdown. */
const namesStaff = (query: SemanticQuery): boolean =>
  query.groupBy === 'staff' || query.filters.some((f) => f.dimension === 'staff');

/**
 * A sum or count over no rows is 0 when its table has rows in the period but none matched the filters (the true
 * answer is "none"); with matching rows that leave it empty (the column is not recorded) it stays no figure, and
 * so does one whose rows are all in another currency: ₹0 would hide money that was spent.
 */
async function withZeros(
  executor: SemanticExecutor,
  scope: Scope,
  result: QueryResult,
): Promise<QueryResult> {
  const empty = result.query.measures.filter(
    (m) => MEASURES[m].additive && (result.totals[m] === null || result.totals[m] === undefined),
  );
  if (empty.length === 0) return result;
  // rowsScanned counts the comparison period too; only the asked period's matching rows decide.
  const asked = result.query.compare
    ? await executor.run({ ...result.query, compare: undefined }, scope)
    : result;
  const totals = { ...result.totals };
  for (const m of empty) {
    const table = CATEGORY_TABLE[MEASURE_TABLE[m]];
    const elsewhere = (asked.otherCurrencies ?? []).some((o) => o.table === table);
    if (!elsewhere && (asked.rowsScanned[table] ?? 0) === 0) totals[m] = 0;
  }
  return { ...result, totals };
}

export async function answerQuery(
  deps: { warehouse: Warehouse; executor: SemanticExecutor },
  question: QueryQuestion,
  onStatus: StatusListener,
): Promise<Answer> {
  const { query, text, scope } = question;
  if (question.audience === 'public' && namesStaff(query)) return privateOnlyAnswer('query', query.period);
  const table = MEASURE_TABLE[query.measures[0]!];
  const { sources } = await readSources(deps.warehouse, scope, query.period);
  const covered = question.vocabulary.coverage[table];
  // Stock on hand looks back to each item's latest count at or before the period's end; other figures need rows in it.
  const rows = LOOKS_BACK.has(query.measures[0]!)
    ? covered && covered.from <= query.period.to
      ? 1
      : 0
    : (sources.rows[table] ?? 0);
  if (rows === 0) return outsideCoverageAnswer(text, query, table, covered);
  onStatus(`Scanning ${formatCount(sources.rows[table] ?? 0)} ${ROW_NOUN[table]}…`);
  let result: QueryResult;
  try {
    result = await deps.executor.run(query, scope);
  } catch (err) {
    // The layer refuses shapes it cannot answer ("a share of a ratio"): that is a decline, not a failure.
    if (err instanceof TitanError && err.code === 'request.invalid') {
      return declinedAnswer(`I can't answer that as asked: ${err.message}`, [], query.period);
    }
    throw err;
  }
  const first = query.measures[0]!;
  const missing = query.filters.length
    ? await deps.executor.unheldFilter(scope, CATEGORY_TABLE[table], query.filters)
    : undefined;
  const unit = await itemUnitOf(deps.executor, scope, query);
  if (unit.kind === 'mixed') {
    return declinedAnswer(
      `${text}: your ${CATEGORY_TABLE[table].replace(/_master$/, '')} record ${unit.item} in ${unit.units.join(' and ')}, and quantities in different units cannot be added: record it in one unit to get this figure.`,
      [],
      query.period,
    );
  }
  if (missing) {
    const noun = CATEGORY_TABLE[table].replace(/_master$/, '');
    return declinedAnswer(
      `${text}: “${missing.values.join('”, “')}” never appears in your ${noun}, so I won’t give a figure for it.`,
      [],
      query.period,
    );
  }
  result = await withZeros(deps.executor, scope, result);
  // A breakdown by something no row records ("revenue by order type" before any export carried one) is one
  // "(not recorded)" group: that is no answer to the question asked.
  const groupBy = query.groupBy;
  if (groupBy && result.rows.length > 0 && result.rows.every((r) => r.key === NOT_RECORDED)) {
    return declinedAnswer(
      `${text}: your ${CATEGORY_TABLE[table].replace(/_master$/, '')} rows for ${formatSpan(query.period.from, query.period.to)} do not record ${dimensionNoun(groupBy, true)}, so I can’t break them down by them.`,
      [],
      query.period,
    );
  }
  if (result.totals[first] === null || result.totals[first] === undefined) {
    const other = otherCurrencyNote(result);
    if (other)
      return declinedAnswer(`${text}: no rupee rows in ${query.period.label}. ${other}`, [], query.period);
    return declinedAnswer(
      `${text}: your ${CATEGORY_TABLE[table].replace(/_master$/, '')} rows for ${formatSpan(query.period.from, query.period.to)} do not record ${MEASURES[first].label.toLowerCase()}.`,
      [],
      query.period,
    );
  }
  return composeQueryAnswer({
    text,
    unread: question.unread,
    result,
    sources,
    ...(unit.kind === 'one' ? { itemUnit: unit.unit } : {}),
  });
}
