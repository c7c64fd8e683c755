// Unit-price creep on hand-made purchases: the dairy's milk went from ₹51 to ₹61 a litre.
import { afterEach, describe, expect, it } from 'vitest';
import { creepBaseline, priceCreep } from '../../../../src/core/analyst/metrics/price-creep.ts';
import type { Warehouse } from '../../../../src/core/warehouse/port.ts';
import { context, factValue, onlyLeak, otherScope, period, tinyWarehouse } from './tiny-warehouse.ts';

const current = period('2026-11-18', '2026-11-24');
const previous = period('2026-11-11', '2026-11-17');
const DAIRY = 'Sri Murugan Dairy';
const MILLS = 'Annapoorna Flour Mills';

const bought = (date: string, vendor: string, item: string, qty: number, amount: number) => ({
  date,
  vendor,
  item,
  qty,
  unit: item === 'milk' ? 'L' : 'kg',
  unit_cost: amount / qty,
  amount,
});

let warehouse: Warehouse;
afterEach(() => warehouse?.close());

async function seed(): Promise<Warehouse> {
  return tinyWarehouse({
    purchases_master: [
      // Baseline (23 Sep – 20 Oct): 10,200 ÷ 200 L = ₹51. Now: 18,300 ÷ 300 L = ₹61.
      bought('2026-10-01', DAIRY, 'milk', 100, 5000),
      bought('2026-10-10', DAIRY, 'milk', 100, 5200),
      bought('2026-11-19', DAIRY, 'milk', 200, 12000),
      bought('2026-11-22', DAIRY, 'milk', 100, 6300),
      // Maida ₹40 → ₹41: 2.5%, below the bar.
      bought('2026-10-05', MILLS, 'maida', 50, 2000),
      bought('2026-11-20', MILLS, 'maida', 50, 2050),
      // Between the baseline and the period, and another café's: not read.
      bought('2026-10-30', DAIRY, 'milk', 100, 5900),
      { ...bought('2026-11-19', DAIRY, 'milk', 100, 9000), ...otherScope },
      // An invoice in euros: €1.10 a litre is no ₹ price.
      { ...bought('2026-11-21', DAIRY, 'milk', 100, 110), currency: 'EUR' },
    ],
  });
}

describe('unit-price creep by vendor and item', () => {
  it('compares with the four weeks that ended four weeks before the period', () => {
    expect(creepBaseline(current)).toMatchObject({ from: '2026-09-23', to: '2026-10-20' });
  });

  it('finds the milk creep with both prices, the change and the extra ₹ a week', async () => {
    warehouse = await seed();
    const out = await priceCreep.run(context(warehouse, current, previous));
    const id = 'price.sri_murugan_dairy.milk';
    expect(factValue(out, `${id}.baseline`)).toBe(51);
    expect(factValue(out, `${id}.current`)).toBe(61);
    // (61 − 51) ÷ 51 = 19.61%; ₹10 more on each of 300 L in one week.
    expect(factValue(out, `${id}.creep_pct`)).toBe(19.61);
    expect(factValue(out, `${id}.extra_week`)).toBe(3000);
    expect(factValue(out, 'price.pairs_compared')).toBe(2);
    // Listed, but 2.5% is below the bar for a finding.
    expect(factValue(out, 'price.annapoorna_flour_mills.maida.creep_pct')).toBe(2.5);
    expect(out.rowsScanned).toBe(6);

    const leak = onlyLeak(out);
    expect(leak.headline).toBe(
      'Milk from Sri Murugan Dairy: ₹61.00/L vs ₹51.00/L two months back (up 19.6%), ₹3,000/week extra',
    );
    expect(leak.impactPerWeek).toBe(3000);
    expect(leak.remeasure).toMatchObject({ filter: { item: 'milk', vendor: DAIRY } });
  });

  it('reports one vendor on request even when its prices are steady', async () => {
    warehouse = await seed();
    const out = await priceCreep.run(
      context(warehouse, current, previous, { filter: { vendor: 'annapoorna' } }),
    );
    expect(factValue(out, 'price.annapoorna_flour_mills.maida.creep_pct')).toBe(2.5);
    expect(out.facts.some((f) => f.id.includes('milk'))).toBe(false);
    expect(out.leaks).toEqual([]);
  });

  it('prices what was paid, amount ÷ qty, whatever the unit cost column says', async () => {
    warehouse = await tinyWarehouse({
      purchases_master: [
        // Two months back the rate column was left empty: ₹5,000 for 100 L is ₹50.
        { ...bought('2026-10-01', DAIRY, 'milk', 100, 5000), unit_cost: null },
        // Now it still says ₹50, but the invoices charge ₹6,000 for 100 L: ₹60 paid per litre.
        { ...bought('2026-11-19', DAIRY, 'milk', 100, 6000), unit_cost: 50 },
      ],
    });
    const out = await priceCreep.run(context(warehouse, current, previous));
    expect(factValue(out, 'price.sri_murugan_dairy.milk.current')).toBe(60);
    expect(factValue(out, 'price.sri_murugan_dairy.milk.creep_pct')).toBe(20);
  });
});
