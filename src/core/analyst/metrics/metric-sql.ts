// SQL pieces every metric shares: scope and period parameters, the model's rows and aggregates, row value coercion.
import { TitanError } from '../../errors.ts';
import type { Period } from '../../model/answer.ts';
import { inRupees } from '../../semantic/currency.ts';
import {
  AGGREGATES,
  type AggregateDef,
  type AggregateId,
  SOURCES,
  type SourceId,
} from '../../semantic/model.ts';
import type { Dialect, Row, SqlParams, SqlValue } from '../../warehouse/port.ts';
import type { MetricContext } from '../metric.ts';
import { periodDays } from '../periods.ts';

// Scope, date range and sales-line rules are defined once, in the semantic layer; metrics read them from here.
export { dateBetween, grossValue, inScope, isComp, isSale, isVoid } from '../../semantic/predicates.ts';

/**
 * The rows the model's aggregates of `source` read, as a subquery body: `SELECT <extra>, <its columns> FROM
 * <table>`, for a metric that groups in a way a semantic query cannot (vendor × item, a baseline window).
 */
export function modelRows(d: Dialect, source: SourceId, extra: readonly string[] = []): string {
  const def = SOURCES[source];
  return `SELECT ${[...extra, ...def.columns(d)].join(', ')} FROM ${d.table(def.table)}`;
}

/**
 * `AND <rupee rows only>` for a source whose rows carry a currency, else nothing: a metric's raw SQL sums rupees
 * only, as every semantic query does (a supplier's € invoice is never a ₹ price or spend).
 */
export function inRupeesOf(source: SourceId): string {
  const column = SOURCES[source].currency;
  return column ? `AND ${inRupees(column)}` : '';
}

/** The model's SQL of a figure, to sum over `modelRows` of its source; one that needs window marks cannot be. */
export function modelAggregate(d: Dialect, id: AggregateId): string {
  const def: AggregateDef = AGGREGATES[id];
  if (def.marks?.length) {
    throw new TitanError('internal', `${id} needs window marks: read it with readParts.`, { detail: { id } });
  }
  return def.sql(d);
}

/**
 * `… AS part`: which window a row of a two-window query falls in, the period (`current`, from `@from`) or the
 * earlier one it reads too (`before`); group by it beside the key and read the rows back with `byWindow`.
 */
export const windowPart = (d: Dialect): string =>
  `CASE WHEN date >= ${d.dateParam('from')} THEN 'current' ELSE 'before' END AS part`;

/** A two-window query's row per key in each window; a key bought, sold or paid in one window has one. */
export interface WindowRows {
  current?: Row;
  before?: Row;
}

export function byWindow(rows: readonly Row[], keyOf: (row: Row) => string): Map<string, WindowRows> {
  const keys = new Map<string, WindowRows>();
  for (const row of rows) {
    const key = keyOf(row);
    keys.set(key, { ...keys.get(key), [row.part === 'current' ? 'current' : 'before']: row });
  }
  return keys;
}

/** The named parameters every metric binds: scope, the period and the previous equal period. */
export function periodParams(ctx: MetricContext): SqlParams {
  return {
    org_id: ctx.scope.orgId,
    location_id: ctx.scope.locationId,
    from: ctx.period.from,
    to: ctx.period.to,
    prev_from: ctx.previous.from,
    prev_to: ctx.previous.to,
  };
}

/** A `LIKE` pattern for a user's words ("maida" matches "Maida (kg)"); wildcards in the words are dropped. */
export function likePattern(words: string): string {
  return `%${words.toLowerCase().replace(/[%_]/g, '').trim()}%`;
}

/** Warehouse values as numbers: NULL is 0, BigQuery numerics may arrive as strings. */
export function num(value: SqlValue | undefined): number {
  if (value === null || value === undefined) return 0;
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
}

export function str(value: SqlValue | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** A stable id segment for a name: "Coffee Powder" → "coffee_powder". */
export function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'unnamed'
  );
}

/** Scales a period total to a 7-day rate. */
export const perWeek = (total: number, period: Period): number => (total * 7) / periodDays(period);

/** Percent change from `before` to `after`; null when there is nothing to compare against. */
export function pctChange(after: number, before: number): number | null {
  return before > 0 ? ((after - before) / before) * 100 : null;
}

/** Capitalises the first letter for headlines ("maida" → "Maida"). */
export const titleCase = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);
