// BigQuery's answers to the dialect seams. Date maths goes through UNIX_DATE so every seam is a plain function call.
import type { Dialect } from './port.ts';

export function createBigQueryDialect(projectId: string, datasetId: string): Dialect {
  return {
    name: 'bigquery',
    table: (name) => `\`${projectId}.${datasetId}.${name}\``,
    dateParam: (name) => `PARSE_DATE('%Y-%m-%d', @${name})`,
    timestampParam: (name) => `TIMESTAMP(@${name})`,
    addDays: (dateExpr, days) => `DATE_FROM_UNIX_DATE(UNIX_DATE(${dateExpr}) + (${days}))`,
    // 1970-01-01 was a Thursday (4), so day 0 of the Unix calendar maps to 4; MOD keeps the sign of a date before
    // 1970, so it is wrapped to 0 … 6 (a weekday filter would otherwise miss those rows).
    dayOfWeek: (dateExpr) => `MOD(MOD(UNIX_DATE(${dateExpr}) + 4, 7) + 7, 7)`,
    // Days since Monday is (Unix day + 3) mod 7, wrapped to stay positive before 1970 (UNIX_DATE maths
    // rather than DATE_TRUNC(…, ISOWEEK), like every other seam here).
    weekStart: (dateExpr) =>
      `DATE_FROM_UNIX_DATE(UNIX_DATE(${dateExpr}) - MOD(MOD(UNIX_DATE(${dateExpr}) + 3, 7) + 7, 7))`,
    monthOf: (dateExpr) => `SUBSTR(CAST(${dateExpr} AS STRING), 1, 7)`,
    daysBetween: (a, b) => `(UNIX_DATE(${b}) - UNIX_DATE(${a}))`,
    // A TIMESTAMP rather than text, so it compares with TIMESTAMP columns; results come back as ISO strings.
    now: () => 'CURRENT_TIMESTAMP()',
    safeDivide: (a, b) => `SAFE_DIVIDE(${a}, ${b})`,
  };
}
