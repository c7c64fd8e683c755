// Statement rows → QueryResult: parts merged by group, derived measures computed, groups ordered, ranked, shared.
import type { Row, SqlValue } from '../warehouse/port.ts';
import {
  aggregateColumn,
  type CompiledQuery,
  type CompiledStatement,
  type StatementRole,
} from './compile.ts';
import { DIMENSIONS, keyText, NOT_RECORDED, WEEKDAYS } from './dimensions.ts';
import { type AggregateId, MEASURES } from './model.ts';
import type { DimensionId, MeasureId, OtherCurrencyRows, QueryResult, ResultRow } from './query.ts';

type Parts = Map<AggregateId, number | null>;
type Values = Partial<Record<MeasureId, number | null>>;

/** A warehouse value as a number: BigQuery numerics may arrive as strings; NULL stays null. */
function toNumber(value: SqlValue | undefined): number | null {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** One statement row's parts; a source with no rows in the group has every part null. */
function readParts(parts: Parts, statement: CompiledStatement, row: Row | undefined): void {
  const empty = !row || (toNumber(row.n) ?? 0) === 0;
  for (const id of statement.aggregates) {
    parts.set(id, empty ? null : toNumber(row[aggregateColumn(id)]));
  }
}

function valuesOf(measures: MeasureId[], parts: Parts): Values {
  const part = (id: AggregateId) => parts.get(id) ?? null;
  return Object.fromEntries(measures.map((m) => [m, MEASURES[m].value(part)]));
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Larger first for 'desc', smaller first for 'asc'; empty values always last; ties by key. */
function byValue(measure: MeasureId, order: 'asc' | 'desc') {
  return (a: ResultRow, b: ResultRow): number => {
    const x = a.values[measure] ?? null;
    const y = b.values[measure] ?? null;
    if (x === null || y === null) return x === y ? byText(a.key!, b.key!) : x === null ? 1 : -1;
    return (order === 'desc' ? y - x : x - y) || byText(a.key!, b.key!);
  };
}

/** Time grains read in calendar order (weeks from Monday), with the not-recorded group last. */
function byTime(dimension: DimensionId) {
  const rank = (key: string): string =>
    key === NOT_RECORDED ? '\uffff' : dimension === 'weekday' ? String((WEEKDAYS.indexOf(key) + 6) % 7) : key;
  return (a: ResultRow, b: ResultRow) => byText(rank(a.key!), rank(b.key!));
}

function groupRows(compiled: CompiledQuery, results: Row[][], groupBy: DimensionId): ResultRow[] {
  const groups = new Map<string, Parts>();
  compiled.statements.forEach((statement, i) => {
    if (statement.role !== 'groups') return;
    for (const row of results[i] ?? []) {
      const key = keyText(groupBy, row.k) ?? NOT_RECORDED;
      const parts = groups.get(key) ?? new Map();
      readParts(parts, statement, row);
      groups.set(key, parts);
    }
  });
  return [...groups].map(([key, parts]) => ({ key, values: valuesOf(compiled.measures, parts) }));
}

function ordered(compiled: CompiledQuery, rows: ResultRow[], groupBy: DimensionId): ResultRow[] {
  const first = compiled.measures[0]!;
  const { rank } = compiled.query;
  // "Top vendor" names a vendor: the rows that record none are no contender (unrankedOf gives them apart).
  if (rank) {
    return rows
      .filter((r) => r.key !== NOT_RECORDED)
      .sort(byValue(first, rank.order))
      .slice(0, rank.limit);
  }
  return rows.sort(DIMENSIONS[groupBy].kind === 'time' ? byTime(groupBy) : byValue(first, 'desc'));
}

function totalsOf(compiled: CompiledQuery, results: Row[][], role: StatementRole): Values {
  const parts: Parts = new Map();
  compiled.statements.forEach((s, i) => {
    if (s.role === role) readParts(parts, s, results[i]?.[0]);
  });
  return valuesOf(compiled.measures, parts);
}

/** Rows read per table: the period's and the comparison's (a table read twice in one period counts once). */
function rowsScanned(compiled: CompiledQuery, results: Row[][]): Record<string, number> {
  const read = new Map<string, number>();
  for (const role of ['totals', 'comparison'] as const) {
    const inRole = new Map<string, number>();
    compiled.statements.forEach((s, i) => {
      if (s.role !== role) return;
      inRole.set(s.table, Math.max(inRole.get(s.table) ?? 0, toNumber(results[i]?.[0]?.n) ?? 0));
    });
    for (const [table, n] of inRole) read.set(table, (read.get(table) ?? 0) + n);
  }
  return Object.fromEntries(read);
}

/** The asked period's rows in another currency, per table and currency, largest first. */
function otherCurrencies(compiled: CompiledQuery, results: Row[][]): OtherCurrencyRows[] {
  return compiled.statements
    .flatMap((s, i) =>
      s.role === 'other_currency'
        ? (results[i] ?? []).map((r) => ({ table: s.table, currency: String(r.k), rows: toNumber(r.n) ?? 0 }))
        : [],
    )
    .filter((l) => l.rows > 0)
    .sort((a, b) => b.rows - a.rows || byText(a.table + a.currency, b.table + b.currency));
}

/** `results[i]` holds the rows of `compiled.statements[i]`. */
export function assembleResult(compiled: CompiledQuery, results: Row[][]): QueryResult {
  const { query } = compiled;
  const totals = totalsOf(compiled, results, 'totals');
  const other = otherCurrencies(compiled, results);
  const first = compiled.measures[0]!;
  let rows: ResultRow[] = [{ values: totals }];
  let unranked: ResultRow | undefined;
  if (query.groupBy) {
    const groups = groupRows(compiled, results, query.groupBy);
    if (query.rank) unranked = groups.find((r) => r.key === NOT_RECORDED);
    rows = ordered(compiled, groups, query.groupBy);
    const total = totals[first] ?? null;
    if (query.share && total) {
      rows = rows.map((r) => {
        const v = r.values[first] ?? null;
        return v === null ? r : { ...r, share: (v / total) * 100 };
      });
    }
  }
  return {
    query,
    rows,
    totals,
    ...(compiled.comparison
      ? { comparison: { period: compiled.comparison, totals: totalsOf(compiled, results, 'comparison') } }
      : {}),
    rowsScanned: rowsScanned(compiled, results),
    ...(unranked ? { unranked } : {}),
    ...(other.length === 0 ? {} : { otherCurrencies: other }),
  };
}
