// Slow movers on hand-made sales: items on the menu in the last four weeks that sold under one a day.
import { afterEach, describe, expect, it } from 'vitest';
import { slowMovers } from '../../../../src/core/analyst/metrics/slow-movers.ts';
import type { Warehouse } from '../../../../src/core/warehouse/port.ts';
import { context, factValue, period, tinyWarehouse } from './tiny-warehouse.ts';

const current = period('2026-11-18', '2026-11-24');
const previous = period('2026-11-11', '2026-11-17');

const sold = (date: string, item: string, qty: number, price: number, status = 'completed') => ({
  date,
  item,
  qty,
  unit_price: price,
  amount: qty * price,
  status,
});

let warehouse: Warehouse;
afterEach(() => warehouse?.close());

describe('slow movers', () => {
  it('lists items under one a day, including those with no sale at all this period', async () => {
    warehouse = await tinyWarehouse({
      sales: [
        sold('2026-11-19', 'Idli', 20, 40),
        sold('2026-11-20', 'Veg Noodles', 3, 95),
        sold('2026-11-21', 'Veg Noodles', 10, 95, 'complimentary'),
        // On the menu four weeks back, nothing this period.
        sold('2026-11-01', 'Badam Halwa', 2, 70),
        // Gone from the menu before the four weeks.
        sold('2026-10-01', 'Old Special', 1, 50),
        // Billed in euros: neither a sale in ₹ nor part of the revenue share.
        { ...sold('2026-11-22', 'Idli', 5, 3), currency: 'EUR' },
      ],
    });
    const out = await slowMovers.run(context(warehouse, current, previous));
    expect(factValue(out, 'slow.menu_items')).toBe(3);
    expect(factValue(out, 'slow.count')).toBe(2);
    expect(factValue(out, 'slow.badam_halwa.qty')).toBe(0);
    expect(factValue(out, 'slow.veg_noodles.qty')).toBe(3);
    expect(factValue(out, 'slow.veg_noodles.revenue')).toBe(285);
    // ₹285 of ₹1,085.
    expect(factValue(out, 'slow.revenue_share_pct')).toBe(26.27);
    expect(out.facts.some((f) => f.id.startsWith('slow.idli'))).toBe(false);
    expect(out.rowsScanned).toBe(4);
  });
});
