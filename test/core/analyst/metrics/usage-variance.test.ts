// Actual vs theoretical usage on hand-made recipes, sales and stock: milk runs 20% over the recipes.
import { afterEach, describe, expect, it } from 'vitest';
import { usageVariance } from '../../../../src/core/analyst/metrics/usage-variance.ts';
import type { Warehouse } from '../../../../src/core/warehouse/port.ts';
import { context, factValue, onlyLeak, otherScope, period, tinyWarehouse } from './tiny-warehouse.ts';

const current = period('2026-11-18', '2026-11-24');
const previous = period('2026-11-11', '2026-11-17');

const line = (date: string, item: string, qty: number, status = 'completed') => ({
  date,
  item,
  qty,
  unit_price: 10,
  amount: qty * 10,
  status,
});

let warehouse: Warehouse;
afterEach(() => warehouse?.close());

async function seed(): Promise<Warehouse> {
  return tinyWarehouse({
    recipes: [
      { menu_item: 'Masala Dosa', ingredient: 'rice', qty_per_item: 0.1, unit: 'kg' },
      { menu_item: 'Masala Dosa', ingredient: 'oil', qty_per_item: 0.02, unit: 'L' },
      { menu_item: 'Filter Coffee', ingredient: 'milk', qty_per_item: 0.1, unit: 'L' },
    ],
    sales: [
      // Dosas served: 6 + 4 sold + 2 comped = 12 (the voided 5 never reached the kitchen) → 1.2 kg rice, 0.24 L oil.
      line('2026-11-19', 'Masala Dosa', 6),
      line('2026-11-20', 'masala dosa', 4),
      line('2026-11-20', 'Masala Dosa', 5, 'void'),
      line('2026-11-21', 'Masala Dosa', 2, 'complimentary'),
      // 1,000 coffees → 100 L milk.
      line('2026-11-22', 'Filter Coffee', 1000),
      line('2026-11-10', 'Filter Coffee', 999),
      { ...line('2026-11-22', 'Filter Coffee', 5000), ...otherScope },
    ],
    inventory_master: [
      // Milk used: 70 L at ₹50 + 50 L at ₹60 = 120 L worth ₹6,500 (₹54.17 a litre).
      { date: '2026-11-20', item: 'milk', unit: 'L', consumed_qty: 70, unit_cost: 50 },
      { date: '2026-11-21', item: 'milk', unit: 'L', consumed_qty: 50, unit_cost: 60 },
      { date: '2026-11-21', item: 'rice', unit: 'kg', consumed_qty: 1.25, unit_cost: 50 },
      // No consumed column: 1 opening + 0 received − 0.6 closing − 0.1 wasted = 0.3 L used.
      {
        date: '2026-11-22',
        item: 'oil',
        unit: 'L',
        opening_qty: 1,
        received_qty: 0,
        closing_qty: 0.6,
        wastage_qty: 0.1,
        unit_cost: 150,
      },
    ],
  });
}

describe('actual vs theoretical usage', () => {
  it('flags milk used 20% above what the coffees sold call for, in kg and ₹', async () => {
    warehouse = await seed();
    const out = await usageVariance.run(context(warehouse, current, previous));

    expect(factValue(out, 'variance.milk.actual')).toBe(120);
    expect(factValue(out, 'variance.milk.theoretical')).toBe(100);
    expect(factValue(out, 'variance.milk.pct')).toBe(20);
    // 20 L × (6,500 ÷ 120) = ₹1,083.33
    expect(factValue(out, 'variance.milk.inr')).toBe(1083.33);
    // Rice (4.2% over) and oil (₹9 over) are listed but within tolerance.
    expect(factValue(out, 'variance.ingredients_compared')).toBe(3);
    expect(factValue(out, 'variance.rice.pct')).toBe(4.17);
    // 5 sales lines read in the period + 4 stock rows.
    expect(out.rowsScanned).toBe(9);

    const leak = onlyLeak(out);
    expect(leak.headline).toBe(
      'Milk: 120 L used vs 100 L the recipes call for (20% over), ₹1,083 unaccounted',
    );
    expect(leak.impactPerWeek).toBeCloseTo(1083.33, 2);
    expect(leak.remeasure).toMatchObject({ factId: 'variance.milk.inr_week', filter: { item: 'milk' } });
  });

  it('derives consumption from the stock movement and reports one ingredient on request', async () => {
    warehouse = await seed();
    const out = await usageVariance.run(context(warehouse, current, previous, { filter: { item: 'oil' } }));
    expect(factValue(out, 'variance.oil.actual')).toBe(0.3);
    expect(factValue(out, 'variance.oil.theoretical')).toBe(0.24);
    expect(factValue(out, 'variance.oil.pct')).toBe(25);
    expect(factValue(out, 'variance.oil.inr')).toBe(9);
    expect(out.leaks).toEqual([]);
  });
});
