// Wastage by item on a hand-made stock sheet: maida wastage jumps, milk stays flat.
import { afterEach, describe, expect, it } from 'vitest';
import { wastageByItem } from '../../../../src/core/analyst/metrics/wastage.ts';
import type { Warehouse } from '../../../../src/core/warehouse/port.ts';
import { context, factValue, onlyLeak, otherScope, period, tinyWarehouse } from './tiny-warehouse.ts';

const current = period('2026-11-18', '2026-11-24', 'last 7 days');
const previous = period('2026-11-11', '2026-11-17');

const stock = (date: string, item: string, wastage: number, cost: number, consumed = 20) => ({
  date,
  item,
  unit: item === 'milk' ? 'L' : 'kg',
  wastage_qty: wastage,
  consumed_qty: consumed,
  unit_cost: cost,
});

let warehouse: Warehouse;
afterEach(() => warehouse?.close());

async function seed(): Promise<Warehouse> {
  return tinyWarehouse({
    inventory_master: [
      // Maida: 10 kg × ₹40 + 6 kg × ₹45 = ₹670 this week; 2 kg × ₹40 = ₹80 the week before.
      stock('2026-11-20', 'maida', 10, 40),
      stock('2026-11-22', 'maida', 6, 45),
      stock('2026-11-12', 'maida', 2, 40),
      // Milk: ₹100 both weeks.
      stock('2026-11-21', 'milk', 2, 50),
      stock('2026-11-13', 'milk', 2, 50),
      // Outside the period, and another café: never counted.
      stock('2026-11-25', 'maida', 50, 40),
      { ...stock('2026-11-20', 'maida', 100, 40), ...otherScope },
    ],
  });
}

describe('wastage by item', () => {
  it('finds the maida spike with its quantity, ₹ and change on the previous period', async () => {
    warehouse = await seed();
    const out = await wastageByItem.run(context(warehouse, current, previous));

    expect(factValue(out, 'wastage.total.inr')).toBe(770);
    expect(factValue(out, 'wastage.maida.qty')).toBe(16);
    expect(factValue(out, 'wastage.maida.inr')).toBe(670);
    // (670 − 80) ÷ 80 = 737.5%; the excess is ₹590 over a 7-day period.
    expect(factValue(out, 'wastage.maida.change_pct')).toBe(737.5);
    expect(factValue(out, 'wastage.maida.impact_week')).toBe(590);
    expect(factValue(out, 'wastage.milk.change_pct')).toBe(0);
    expect(out.rowsScanned).toBe(5);

    const leak = onlyLeak(out);
    expect(leak.headline).toBe(
      'Maida wastage: 16 kg (₹670), up 737.5% on the previous period, ₹590/week extra',
    );
    expect(leak.impactPerWeek).toBe(590);
    expect(leak.key).toBe('wastage:maida:2026-11-18..2026-11-24');
    // Used in dishes doubled (20 → 40 kg) while wastage rose 8×: a prep problem, not demand.
    expect(leak.rootCause).toMatch(/^Over-prep or spoilage/);
    expect(leak.remeasure).toEqual({
      metric: 'wastage-by-item',
      value: 670,
      item: 'maida',
      factId: 'wastage.maida.inr_week',
      filter: { item: 'maida' },
    });
  });

  it("narrows to one item by the owner's word for it, leak or not", async () => {
    warehouse = await seed();
    const out = await wastageByItem.run(context(warehouse, current, previous, { filter: { item: 'Milk' } }));
    expect(out.facts.map((f) => f.id)).toEqual([
      'wastage.total.inr',
      'wastage.milk.qty',
      'wastage.milk.inr',
      'wastage.milk.inr_week',
      'wastage.milk.change_pct',
    ]);
    expect(factValue(out, 'wastage.milk.inr_week')).toBe(100);
    expect(out.leaks).toEqual([]);
  });

  it('returns no facts for a period without stock rows', async () => {
    warehouse = await seed();
    const out = await wastageByItem.run(
      context(warehouse, period('2025-01-08', '2025-01-14'), period('2025-01-01', '2025-01-07')),
    );
    expect(out).toMatchObject({ facts: [], leaks: [], rowsScanned: 0 });
  });
});
