// Food cost % on a hand-made week: COGS = opening stock + purchases − closing stock, over sales.
import { afterEach, describe, expect, it } from 'vitest';
import { foodCost } from '../../../../src/core/analyst/metrics/food-cost.ts';
import type { Warehouse } from '../../../../src/core/warehouse/port.ts';
import { COST_SHEET, week, weekBefore } from './cost-sheet.ts';
import { context, factValue, onlyLeak, tinyWarehouse } from './tiny-warehouse.ts';

let warehouse: Warehouse;
afterEach(() => warehouse?.close());

describe('food cost %', () => {
  it('computes COGS from the stock sheet and purchases, and flags it above the 35% ceiling', async () => {
    warehouse = await tinyWarehouse(COST_SHEET);
    const out = await foodCost.run(context(warehouse, week, weekBefore));
    expect(factValue(out, 'food_cost.opening_stock')).toBe(1400);
    expect(factValue(out, 'food_cost.purchases')).toBe(4290);
    expect(factValue(out, 'food_cost.closing_stock')).toBe(710);
    expect(factValue(out, 'food_cost.cogs')).toBe(4980);
    // Cancelled and complimentary lines are not sales.
    expect(factValue(out, 'food_cost.sales')).toBe(12000);
    expect(factValue(out, 'food_cost.pct')).toBe(41.5);
    // An answer about food cost leads with the percentage.
    expect(out.facts[0]?.id).toBe('food_cost.pct');
    // 4 stock rows + 2 purchases + 4 sales lines (the cancelled and the complimentary one read to be left out).
    expect(out.rowsScanned).toBe(10);

    const leak = onlyLeak(out);
    // (41.5% − 35%) × ₹12,000 = ₹780 in one week.
    expect(leak.impactPerWeek).toBeCloseTo(780, 6);
    expect(leak.headline).toBe(
      'Food cost 41.5% of sales (₹4,980 on ₹12,000), above the 35% ceiling: ₹780/week',
    );
  });

  it('reports no food cost % without a stock sheet, only what it can count', async () => {
    warehouse = await tinyWarehouse({
      purchases_master: COST_SHEET.purchases_master,
      sales: COST_SHEET.sales,
    });
    const out = await foodCost.run(context(warehouse, week, weekBefore));
    expect(out.facts.map((f) => f.id)).toEqual(['food_cost.sales', 'food_cost.purchases']);
    expect(out.leaks).toEqual([]);
  });
});
