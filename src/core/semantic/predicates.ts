// SQL predicates every warehouse query shares: the scope, a date range, and what a sales line is.
import type { Dialect } from '../warehouse/port.ts';

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

/** What kind of line it is, as text: 'void', 'comp' or 'sale' (the same rules as isVoid / isComp / isSale). */
export const lineKind = (column = 'status'): string =>
  `CASE WHEN ${isVoid(column)} THEN 'void' WHEN ${isComp(column)} THEN 'comp' ELSE 'sale' END`;

/** What a line would have been billed before discounts, for POS exports with or without a unit price. */
export const grossValue = (alias = ''): string => {
  const a = alias ? `${alias}.` : '';
  return `COALESCE(${a}qty * ${a}unit_price, ${a}amount + COALESCE(${a}discount, 0))`;
};

/** Expense heads (category, matched lowercased) that are labour: what prime cost adds to the cost of goods. */
export const LABOUR_CATEGORIES = ['salaries', 'salary', 'wages', 'labour', 'labor', 'staff'] as const;

/** An expense booked under a labour head. */
export const isLabour = (column = 'category'): string =>
  `LOWER(${column}) IN (${LABOUR_CATEGORIES.map((c) => `'${c}'`).join(', ')})`;
