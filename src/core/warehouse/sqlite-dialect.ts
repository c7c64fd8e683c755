// SQLite's answers to the dialect seams: dates are ISO text, so date maths goes through date()/julianday().
import type { Dialect } from './port.ts';

export function createSqliteDialect(): Dialect {
  return {
    name: 'sqlite',
    table: (name) => name,
    dateParam: (name) => `date(@${name})`,
    timestampParam: (name) => `@${name}`,
    addDays: (dateExpr, days) => `date(${dateExpr}, (${days}) || ' days')`,
    dayOfWeek: (dateExpr) => `CAST(strftime('%w', ${dateExpr}) AS INTEGER)`,
    // Back six days, then forward to the first Monday: the Monday of the date's own week.
    weekStart: (dateExpr) => `date(${dateExpr}, '-6 days', 'weekday 1')`,
    monthOf: (dateExpr) => `substr(${dateExpr}, 1, 7)`,
    daysBetween: (a, b) => `CAST(julianday(${b}) - julianday(${a}) AS INTEGER)`,
    now: () => `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
    safeDivide: (a, b) => `(CAST(${a} AS REAL) / NULLIF(${b}, 0))`,
  };
}
