// Voids, discounts and comps by cashier on hand-made bills: one cashier is 27× the team's median.
import { afterEach, describe, expect, it } from 'vitest';
import { median, staffExceptions } from '../../../../src/core/analyst/metrics/staff-exceptions.ts';
import type { Row, Warehouse } from '../../../../src/core/warehouse/port.ts';
import { context, factValue, onlyLeak, period, tinyWarehouse } from './tiny-warehouse.ts';

const current = period('2026-11-18', '2026-11-24');
const previous = period('2026-11-11', '2026-11-17');

type Exception = 'void' | 'discount' | 'comp';

/** `bills` one-line bills of ₹100; the first few carry the given exceptions. */
function bills(staff: string, count: number, exceptions: Exception[] = []): Row[] {
  return Array.from({ length: count }, (_, i) => {
    const kind = exceptions[i];
    return {
      date: '2026-11-20',
      order_id: `${staff}-${i}`,
      item: 'Masala Dosa',
      qty: 1,
      unit_price: 100,
      discount: kind === 'discount' ? 10 : kind === 'comp' ? 100 : 0,
      amount: kind === 'discount' ? 90 : kind === 'comp' ? 0 : 100,
      status: kind === 'void' ? 'void' : kind === 'comp' ? 'complimentary' : 'completed',
      staff,
    };
  });
}

let warehouse: Warehouse;
afterEach(() => warehouse?.close());

async function seed(): Promise<Warehouse> {
  return tinyWarehouse({
    sales: [
      // Each billed ₹4,000. Rates: Anu 0.25%, Bala 0.5%, Chitra 2.5%, Dinesh 0%, Ezhil 13%.
      ...bills('Anu', 40, ['discount']),
      ...bills('Bala', 40, ['discount', 'discount']),
      ...bills('Chitra', 40, ['void']),
      ...bills('Dinesh', 40),
      // 4 voids (₹400) + 2 discounts (₹20) + 1 comp (₹100) = ₹520 of ₹4,000.
      ...bills('Ezhil', 40, ['void', 'void', 'void', 'void', 'discount', 'discount', 'comp']),
      // Too few bills to judge.
      ...bills('Farook', 5, ['void', 'void', 'void']),
    ],
  });
}

describe('voids, discounts and comps by staff', () => {
  it('takes the middle of the rates (mean of the middle two when even)', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('flags the cashier far above the median, as a staff-level finding', async () => {
    warehouse = await seed();
    const out = await staffExceptions.run(context(warehouse, current, previous));
    // Rates 0, 0.25, 0.5, 2.5, 13 → median 0.5%.
    expect(factValue(out, 'staff.median_pct')).toBe(0.5);
    expect(factValue(out, 'staff.ezhil.rate_pct')).toBe(13);
    expect(factValue(out, 'staff.ezhil.voids')).toBe(4);
    expect(factValue(out, 'staff.ezhil.void_inr')).toBe(400);
    expect(factValue(out, 'staff.ezhil.discount_inr')).toBe(20);
    expect(factValue(out, 'staff.ezhil.comp_inr')).toBe(100);
    expect(factValue(out, 'staff.ezhil.times_median')).toBe(26);
    // (13% − 0.5%) × ₹4,000 = ₹500 in one week.
    expect(factValue(out, 'staff.ezhil.excess_week')).toBe(500);
    // Chitra is 5× the median but only ₹80 above it: not worth a task.
    expect(out.facts.some((f) => f.id.startsWith('staff.chitra'))).toBe(false);
    expect(out.rowsScanned).toBe(205);

    const leak = onlyLeak(out);
    expect(leak.staffLevel).toBe(true);
    expect(leak.headline).toBe(
      'Ezhil: 13% of billed value voided, discounted or comped, 26× the 0.5% median (4 voids worth ₹400, discounts ₹20, comps ₹100): ₹500/week above the team',
    );
    expect(leak.remeasure).toMatchObject({ factId: 'staff.ezhil.excess_week', filter: { staff: 'Ezhil' } });
  });

  it('reports one staff member on request', async () => {
    warehouse = await seed();
    const out = await staffExceptions.run(
      context(warehouse, current, previous, { filter: { staff: 'chitra' } }),
    );
    expect(factValue(out, 'staff.chitra.rate_pct')).toBe(2.5);
    expect(factValue(out, 'staff.chitra.excess_week')).toBe(80);
  });

  it('counts a bill number once per date: numbers that restart each day are new bills', async () => {
    // Gita's bills G-0 … G-11 on 20 Nov and again on 21 Nov: 24 bills, each day's G-0 voided.
    const gita = bills('Gita', 12, ['void']);
    warehouse = await tinyWarehouse({
      sales: [...gita, ...gita.map((r) => ({ ...r, date: '2026-11-21' }))],
    });
    const out = await staffExceptions.run(
      context(warehouse, current, previous, { filter: { staff: 'gita' } }),
    );
    // 24 bills clear the 20-bill bar; two voided bills worth ₹200 of ₹2,400 billed.
    expect(factValue(out, 'staff.gita.voids')).toBe(2);
    expect(factValue(out, 'staff.gita.void_inr')).toBe(200);
    expect(factValue(out, 'staff.gita.rate_pct')).toBe(8.33);
  });
});
