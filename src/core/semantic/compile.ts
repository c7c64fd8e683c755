// A semantic query → one parameterised SQL statement per table it reads, per role (groups, totals, comparison).
import { TitanError } from '../errors.ts';
import type { Period } from '../model/answer.ts';
import type { Scope } from '../model/scope.ts';
import type { Dialect, SqlParams } from '../warehouse/port.ts';
import { comparisonPeriod } from './comparison.ts';
import { inOtherCurrency, inRupees } from './currency.ts';
import {
  AGGREGATES,
  type AggregateDef,
  type AggregateId,
  DIMENSIONS,
  dimensionsOf,
  keySql,
  MARKS,
  type Mark,
  MEASURES,
  SOURCES,
  type SourceId,
} from './model.ts';
import { dateBetween, inScope } from './predicates.ts';
import type { DimensionId, MeasureId, SemanticFilter, SemanticQuery } from './query.ts';

/**
 * What a statement's rows are: one per group, the period's totals, the comparison period's totals, or the
 * asked period's rows in another currency, per currency (left out of every figure, so the answer says so).
 */
export type StatementRole = 'groups' | 'totals' | 'comparison' | 'other_currency';

export interface CompiledStatement {
  role: StatementRole;
  source: SourceId;
  /** The warehouse table it reads. */
  table: string;
  sql: string;
  /** Every value the SQL uses, bound by name: scope, dates, filter values. */
  params: SqlParams;
  /** Its result columns `m_<id>`, besides `k` (the group key, when grouped) and `n` (rows read). */
  aggregates: AggregateId[];
}

export interface CompiledQuery {
  query: SemanticQuery;
  /** The measures asked for, each once, in order. */
  measures: MeasureId[];
  comparison?: Period;
  statements: CompiledStatement[];
}

/** The result column of an aggregate. */
export const aggregateColumn = (id: AggregateId): string => `m_${id}`;

const invalid = (message: string, detail: Record<string, unknown>): never => {
  throw new TitanError('request.invalid', message, { detail });
};

const listOf = (dims: DimensionId[]) => (dims.length ? dims.join(', ') : 'nothing');

/** Rejects what the schema cannot: a breakdown a measure has no column for, ranking without groups … */
export function checkQuery(query: SemanticQuery): void {
  const first = MEASURES[query.measures[0]!];
  if ((query.rank || query.share) && !query.groupBy) {
    invalid('Ranking and shares need a breakdown: add groupBy (item, day, vendor …).', { rank: query.rank });
  }
  if (query.share && !first.additive) {
    invalid(
      `${first.label} is a ratio, so its groups have no share of a total: put an amount measure first.`,
      {
        measure: first.id,
      },
    );
  }
  for (const filter of query.filters) checkFilterValues(filter);
  const asked = [...(query.groupBy ? [query.groupBy] : []), ...query.filters.map((f) => f.dimension)];
  for (const id of query.measures) {
    const allowed = dimensionsOf(id);
    const bad = asked.find((dim) => !allowed.includes(dim));
    const { label, counts } = MEASURES[id];
    if (bad === 'weekday' && counts && query.filters.some((f) => f.dimension === bad)) {
      invalid(
        `${label} rests on ${counts}, not on a sum over the days, so it cannot be kept to some weekdays; it can be split or filtered by ${listOf(allowed)}.`,
        { measure: id, dimension: bad },
      );
    }
    if (bad) {
      invalid(`${label} cannot be split or filtered by ${bad}; it can by ${listOf(allowed)}.`, {
        measure: id,
        dimension: bad,
      });
    }
  }
}

/** A time grain filters only by the keys it declares (weekday: its day names); attributes by any stored value. */
function checkFilterValues(filter: SemanticFilter): void {
  const def = DIMENSIONS[filter.dimension];
  if (def.kind === 'attribute') return;
  const keys =
    def.filter?.values ??
    invalid(`${def.label} groups but does not filter: narrow the period instead.`, {
      dimension: filter.dimension,
    });
  const unknown = filter.values.filter((v) => !keys.includes(v));
  if (unknown.length > 0) {
    invalid(`${def.label} filters by ${keys.join(', ')}; “${unknown.join('”, “')}” is none of them.`, {
      dimension: filter.dimension,
      values: unknown,
    });
  }
}

interface StatementSpec {
  role: StatementRole;
  source: SourceId;
  aggregates: AggregateId[];
  period: Period;
  filters: SemanticFilter[];
  groupBy?: DimensionId;
}

/** The rows a statement reads, as WHERE terms and their parameters: scope, dates, filters. */
function rowsOf(d: Dialect, scope: Scope, spec: Omit<StatementSpec, 'role' | 'aggregates'>) {
  const source = SOURCES[spec.source];
  const params: SqlParams = { org_id: scope.orgId, location_id: scope.locationId, to: spec.period.to };
  const where = [inScope()];
  if (source.dates === 'period') {
    params.from = spec.period.from;
    where.push(dateBetween(d, 'date', 'from', 'to'));
  } else where.push(`date <= ${d.dateParam('to')}`);
  spec.filters.forEach((filter, i) => {
    const bind = DIMENSIONS[filter.dimension].filter?.param;
    const names = filter.values.map((value, j) => {
      params[`f${i}_${j}`] = bind ? bind(value) : value;
      return `@f${i}_${j}`;
    });
    where.push(`${keySql(d, filter.dimension, spec.source)} IN (${names.join(', ')})`);
  });
  return { source, where, params };
}

/** One SELECT over one source: scope, dates and filters bound, rupee rows only; marks (windows) first, then the sums. */
export function compileStatement(d: Dialect, scope: Scope, spec: StatementSpec): CompiledStatement {
  const { source, where, params } = rowsOf(d, scope, spec);
  if (source.currency) where.push(inRupees(source.currency));

  const key = spec.groupBy ? keySql(d, spec.groupBy, spec.source) : undefined;
  const over = (columns: string[]) => {
    const all = [...(key ? ['k'] : []), ...columns];
    return all.length ? `PARTITION BY ${all.join(', ')}` : '';
  };
  const defs = spec.aggregates.map((id) => AGGREGATES[id] as AggregateDef);
  const marks = [...new Set(defs.flatMap((a) => a.marks ?? []))] as Mark[];
  const sums = spec.aggregates.map((id, i) => `${defs[i]!.sql(d)} AS ${aggregateColumn(id)}`);
  const lines = [
    'WITH base AS (',
    `  SELECT ${[...(key ? [`${key} AS k`] : []), ...source.columns(d)].join(', ')}`,
    `  FROM ${d.table(source.table)}`,
    `  WHERE ${where.join(' AND ')}`,
    ')',
    ...(marks.length
      ? [`, marked AS (SELECT base.*, ${marks.map((m) => `${MARKS[m](over)} AS ${m}`).join(', ')} FROM base)`]
      : []),
    `SELECT ${[...(key ? ['k'] : []), ...sums, 'COUNT(*) AS n'].join(', ')}`,
    `FROM ${marks.length ? 'marked' : 'base'}`,
    ...(key ? ['GROUP BY k'] : []),
  ];
  return {
    role: spec.role,
    source: spec.source,
    table: source.table,
    sql: lines.join('\n'),
    params,
    aggregates: spec.aggregates,
  };
}

/** The rows of a source in another currency than the rupee, counted per currency (`k`, `n`). */
function compileOtherCurrencies(
  d: Dialect,
  scope: Scope,
  spec: Omit<StatementSpec, 'role' | 'aggregates'>,
  column: string,
): CompiledStatement {
  const { source, where, params } = rowsOf(d, scope, spec);
  where.push(inOtherCurrency(column));
  return {
    role: 'other_currency',
    source: spec.source,
    table: source.table,
    sql: [
      `SELECT ${column} AS k, COUNT(*) AS n`,
      `FROM ${d.table(source.table)}`,
      `WHERE ${where.join(' AND ')}`,
      `GROUP BY ${column}`,
    ].join('\n'),
    params,
    aggregates: [],
  };
}

/** Checks the query and compiles every statement it needs; the executor runs them and assembles the result. */
export function compileSemanticQuery(query: SemanticQuery, scope: Scope, dialect: Dialect): CompiledQuery {
  checkQuery(query);
  const measures = [...new Set(query.measures)];
  const comparison = query.compare ? comparisonPeriod(query.period, query.compare) : undefined;
  const bySource = new Map<SourceId, AggregateId[]>();
  for (const id of new Set(measures.flatMap((m) => MEASURES[m].parts))) {
    const source = AGGREGATES[id].source;
    bySource.set(source, [...(bySource.get(source) ?? []), id]);
  }
  const statements: CompiledStatement[] = [];
  for (const [source, aggregates] of bySource) {
    const spec = { source, aggregates, filters: query.filters };
    if (query.groupBy) {
      statements.push(
        compileStatement(dialect, scope, {
          ...spec,
          role: 'groups',
          period: query.period,
          groupBy: query.groupBy,
        }),
      );
    }
    statements.push(compileStatement(dialect, scope, { ...spec, role: 'totals', period: query.period }));
    if (comparison)
      statements.push(compileStatement(dialect, scope, { ...spec, role: 'comparison', period: comparison }));
    const currency = SOURCES[source].currency;
    if (currency) {
      statements.push(compileOtherCurrencies(dialect, scope, { ...spec, period: query.period }, currency));
    }
  }
  return { query, measures, ...(comparison ? { comparison } : {}), statements };
}
