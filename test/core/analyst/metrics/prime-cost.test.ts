// Prime cost % on a hand-made week: COGS plus labour expenses, over sales.
import { afterEach, describe, expect, it } from 'vitest';
import { primeCost } from '../../../../src/core/analyst/metrics/prime-cost.ts';
import type { Warehouse } from '../../../../src/core/warehouse/port.ts';
import { COST_SHEET, week, weekBefore } from './cost-sheet.ts';
import { context, factValue, onlyLeak, tinyWarehouse } from './tiny-warehouse.ts';

let warehouse: Warehouse;
afterEach(() => warehouse?.close());

const expense = (category: string, amount: number) => ({
  date: '2026-11-21',
  category,
  description: category,
  amount,
});

describe('prime cost %', () => {
  it('adds salaries and wages to COGS and flags it above the 65% ceiling', async () => {
    warehouse = await tinyWarehouse({
      ...COST_SHEET,
      expenses_master: [expense('Salaries', 3000), expense('wages', 1000), expense('rent', 5000)],
    });
    const out = await primeCost.run(context(warehouse, week, weekBefore));
    expect(factValue(out, 'prime_cost.labour')).toBe(4000);
    expect(factValue(out, 'prime_cost.labour_pct')).toBe(33.33);
    // (₹4,980 + ₹4,000) ÷ ₹12,000 = 74.83%
    expect(factValue(out, 'prime_cost.total')).toBe(8980);
    expect(factValue(out, 'prime_cost.pct')).toBe(74.83);
    // 10 rows for COGS and sales + 3 expenses (rent read to be left out of labour).
    expect(out.rowsScanned).toBe(13);

    const leak = onlyLeak(out);
    // ₹8,980 − 65% × ₹12,000 = ₹1,180 in one week.
    expect(leak.impactPerWeek).toBeCloseTo(1180, 6);
    expect(leak.headline).toBe(
      'Prime cost 74.8% of sales (₹8,980 on ₹12,000, labour ₹4,000), above the 65% ceiling: ₹1,180/week',
    );
  });

  it('stays silent when there are no labour expenses', async () => {
    warehouse = await tinyWarehouse({ ...COST_SHEET, expenses_master: [expense('rent', 5000)] });
    const out = await primeCost.run(context(warehouse, week, weekBefore));
    expect(out.facts).toEqual([]);
    expect(out.leaks).toEqual([]);
  });
});
