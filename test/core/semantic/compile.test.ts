// Compiling a semantic query: values only ever travel as parameters, every statement is valid BigQuery SQL,
// comparison periods land on the right dates.
import sqlParser from 'node-sql-parser';
import { describe, expect, it } from 'vitest';
import { TitanError } from '../../../src/core/errors.ts';
import { comparisonPeriod, shiftMonths } from '../../../src/core/semantic/comparison.ts';
import { compileSemanticQuery } from '../../../src/core/semantic/compile.ts';
import { DIMENSIONS, dimensionColumns, dimensionsOf } from '../../../src/core/semantic/model.ts';
import {
  MEASURE_IDS,
  type SemanticFilter,
  type SemanticQuery,
  semanticQuerySchema,
} from '../../../src/core/semantic/query.ts';
import { createBigQueryDialect } from '../../../src/core/warehouse/bigquery-dialect.ts';
import { createSqliteDialect } from '../../../src/core/warehouse/sqlite-dialect.ts';

const bigquery = createBigQueryDialect('titan-test', 'titan');
const sqlite = createSqliteDialect();
const scope = { orgId: "org' OR 1=1 --", locationId: 'loc"; DROP TABLE sales' };
const week = { from: '2026-10-29', to: '2026-11-04', label: 'test week' };
const query = (q: Partial<SemanticQuery>): SemanticQuery =>
  semanticQuerySchema.parse({ measures: ['revenue'], period: week, ...q });

/** A filter on every dimension the measure can be filtered by, so each filter predicate is compiled too. */
const filtersFor = (m: (typeof MEASURE_IDS)[number]): SemanticFilter[] =>
  dimensionsOf(m).flatMap((dimension): SemanticFilter[] => {
    if (DIMENSIONS[dimension].kind === 'attribute') return [{ dimension, values: ['a', 'b'] }];
    return dimension === 'weekday' ? [{ dimension, values: ['Saturday', 'Sunday'] }] : [];
  });

describe('compiling semantic queries', () => {
  it('emits only SQL that parses as BigQuery: every measure, ungrouped and by every dimension, filtered, compared', () => {
    const parser = new sqlParser.Parser();
    let statements = 0;
    for (const m of MEASURE_IDS) {
      for (const groupBy of [undefined, ...dimensionsOf(m)]) {
        const compiled = compileSemanticQuery(
          query({ measures: [m], groupBy, filters: filtersFor(m), compare: { kind: 'last_year' } }),
          scope,
          bigquery,
        );
        for (const s of compiled.statements) {
          statements += 1;
          expect(() => parser.astify(s.sql, { database: 'BigQuery' }), s.sql).not.toThrow();
        }
      }
    }
    expect(statements).toBeGreaterThan(300);
  });

  it('binds every filter value, date and scope id as a parameter, never as SQL text', () => {
    const hostile = ["x' OR '1'='1", "'); DROP TABLE sales; --", 'Vada\\', '2026-01-01', '%Vada_%'];
    for (const dialect of [sqlite, bigquery]) {
      const compiled = compileSemanticQuery(
        query({
          measures: ['revenue', 'cogs', 'expenses'],
          groupBy: 'location',
          filters: [{ dimension: 'location', values: hostile }],
          compare: { kind: 'period', period: { from: '2019-03-04', to: '2019-03-09', label: 'then' } },
        }),
        scope,
        dialect,
      );
      for (const s of compiled.statements) {
        for (const value of [
          ...hostile,
          scope.orgId,
          scope.locationId,
          '2026-10-29',
          '2026-11-04',
          '2019-03-04',
        ]) {
          expect(s.sql).not.toContain(value);
        }
        expect(Object.values(s.params)).toEqual(expect.arrayContaining(hostile));
        expect(s.params).toMatchObject({ org_id: scope.orgId, location_id: scope.locationId });
      }
    }
  });

  it('binds each value of a several-value filter as its own parameter', () => {
    const [s] = compileSemanticQuery(
      query({ filters: [{ dimension: 'item', values: ['Vada', 'Idli', 'Dosa'] }] }),
      scope,
      sqlite,
    ).statements;
    expect(s!.sql).toContain('item IN (@f0_0, @f0_1, @f0_2)');
    expect(s!.params).toMatchObject({ f0_0: 'Vada', f0_1: 'Idli', f0_2: 'Dosa' });
  });

  it('binds weekday filter values as the weekday numbers the date predicate compares, never as SQL text', () => {
    for (const dialect of [sqlite, bigquery]) {
      const compiled = compileSemanticQuery(
        query({
          measures: ['revenue', 'expenses'],
          filters: [{ dimension: 'weekday', values: ['Saturday', 'Sunday'] }],
        }),
        scope,
        dialect,
      );
      for (const s of compiled.statements) {
        expect(s.sql).not.toMatch(/saturday|sunday/i);
        expect(s.sql).toContain(`${dialect.dayOfWeek('date')} IN (@f0_0, @f0_1)`);
        expect(s.params).toMatchObject({ f0_0: 6, f0_1: 0 });
      }
    }
  });

  it('says which dimensions each measure has', () => {
    expect(dimensionsOf('revenue')).toEqual([
      'day',
      'week',
      'month',
      'weekday',
      'hour',
      'item',
      'category',
      'staff',
      'payment_mode',
      'order_type',
      'location',
    ]);
    expect(dimensionsOf('expenses')).toEqual([
      'day',
      'week',
      'month',
      'weekday',
      'vendor',
      'expense_head',
      'payment_mode',
      'location',
    ]);
    expect(dimensionsOf('unit_rate_avg')).toEqual([
      'day',
      'week',
      'month',
      'weekday',
      'item',
      'vendor',
      'location',
    ]);
    // Opening and closing stock need contiguous days; a ratio across tables needs the same meaning on both.
    expect(dimensionsOf('cogs')).toEqual(['day', 'week', 'month', 'item', 'location']);
    expect(dimensionsOf('food_cost_pct')).toEqual(['day', 'week', 'month', 'location']);
    expect(dimensionsOf('labour_pct')).toEqual(['day', 'week', 'month', 'weekday', 'location']);
    expect(dimensionsOf('stock_on_hand')).toEqual(['item', 'location']);
  });

  it('says where each dimension is stored', () => {
    expect(dimensionColumns('item')).toEqual([
      { table: 'sales', column: 'item' },
      { table: 'purchases_master', column: 'item' },
      { table: 'inventory_master', column: 'item' },
    ]);
    expect(dimensionColumns('expense_head')).toEqual([{ table: 'expenses_master', column: 'category' }]);
    expect(dimensionColumns('hour')).toEqual([{ table: 'sales', column: 'order_time' }]);
  });
});

describe('comparison periods', () => {
  const p = (from: string, to: string) => ({ from, to, label: 'p' });
  const dates = (from: string, to: string, kind: 'previous' | 'last_week' | 'last_month' | 'last_year') => {
    const c = comparisonPeriod(p(from, to), { kind });
    return [c.from, c.to];
  };

  it('previous is the equal-length period just before', () => {
    expect(dates('2026-11-01', '2026-11-30', 'previous')).toEqual(['2026-10-02', '2026-10-31']);
    expect(dates('2026-03-01', '2026-03-01', 'previous')).toEqual(['2026-02-28', '2026-02-28']);
  });

  it('last week shifts a week or less back seven days, and refuses a longer period', () => {
    expect(dates('2026-11-02', '2026-11-08', 'last_week')).toEqual(['2026-10-26', '2026-11-01']);
    expect(() => dates('2026-11-01', '2026-11-08', 'last_week')).toThrow(TitanError);
    expect(() => dates('2026-11-01', '2026-11-08', 'last_week')).toThrow(/previous 8 days/);
  });

  it('last month and last year keep the dates, clamped to shorter months, month ends to month ends', () => {
    expect(dates('2026-03-10', '2026-03-31', 'last_month')).toEqual(['2026-02-10', '2026-02-28']);
    expect(dates('2026-02-01', '2026-02-28', 'last_month')).toEqual(['2026-01-01', '2026-01-31']);
    expect(dates('2026-01-05', '2026-01-11', 'last_month')).toEqual(['2025-12-05', '2025-12-11']);
    expect(dates('2024-02-29', '2024-02-29', 'last_year')).toEqual(['2023-02-28', '2023-02-28']);
    expect(dates('2025-02-01', '2025-02-28', 'last_year')).toEqual(['2024-02-01', '2024-02-29']);
    expect(shiftMonths('2026-05-30', -3)).toBe('2026-02-28');
  });

  it('a named period is used as given', () => {
    const september = { from: '2026-09-01', to: '2026-09-30', label: 'September' };
    expect(comparisonPeriod(week, { kind: 'period', period: september })).toEqual(september);
  });

  it('refuses a comparison period that shares days with the period, naming them', () => {
    const lastSeven = { from: '2026-11-27', to: '2026-12-03', label: 'last 7 days' };
    const thisWeek = { from: '2026-11-30', to: '2026-12-04', label: 'this week' };
    expect(() => comparisonPeriod(thisWeek, { kind: 'period', period: lastSeven })).toThrow(
      /share 2026-11-30 to 2026-12-03/,
    );
    // A 31-day span shifted by a 28-day February reaches back into itself.
    expect(() => dates('2026-02-15', '2026-03-17', 'last_month')).toThrow(/share 2026-02-15 to 2026-02-17/);
    expect(() => dates('2026-01-05', '2026-01-11', 'previous')).not.toThrow();
  });
});
