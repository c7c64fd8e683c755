// SQL pieces every metric shares: scope and period parameters, bill-status predicates, row value coercion.
import type { Period } from '../../model/answer.ts';
import type { Dialect, SqlParams, SqlValue } from '../../warehouse/port.ts';
import type { MetricContext } from '../metric.ts';
import { periodDays } from '../periods.ts';

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

/** `org_id = @org_id AND location_id = @location_id`, optionally on a table alias. */
export function inScope(alias = ''): string {
  const a = alias ? `${alias}.` : '';
  return `${a}org_id = @org_id AND ${a}location_id = @location_id`;
}

/** `column BETWEEN <from> AND <to>` with both ends as date parameters. */
export function dateBetween(d: Dialect, column: string, fromParam: string, toParam: string): string {
  return `${column} BETWEEN ${d.dateParam(fromParam)} AND ${d.dateParam(toParam)}`;
}

const status = (column: string) => `LOWER(COALESCE(${column}, ''))`;

/** A voided or cancelled sales line: never served, never paid. */
export const isVoid = (column = 'status'): string =>
  `${status(column)} IN ('void', 'voided', 'cancelled', 'canceled')`;

/** A complimentary line: served free. */
export const isComp = (column = 'status'): string =>
  `${status(column)} IN ('complimentary', 'comp', 'compliment')`;

/** A line that counts as a sale (anything neither voided nor complimentary). */
export const isSale = (column = 'status'): string => `NOT (${isVoid(column)} OR ${isComp(column)})`;

/** What a line would have been billed before discounts, for POS exports with or without a unit price. */
export const grossValue = (alias = ''): string => {
  const a = alias ? `${alias}.` : '';
  return `COALESCE(${a}qty * ${a}unit_price, ${a}amount + COALESCE(${a}discount, 0))`;
};

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
