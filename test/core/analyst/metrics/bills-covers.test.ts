// Bills, covers and average ticket on hand-made bills, each counted once however many lines it has.
import { afterEach, describe, expect, it } from 'vitest';
import { billsCovers } from '../../../../src/core/analyst/metrics/bills-covers.ts';
import type { Warehouse } from '../../../../src/core/warehouse/port.ts';
import { context, factValue, otherScope, period, tinyWarehouse } from './tiny-warehouse.ts';

const current = period('2026-11-18', '2026-11-19');
const previous = period('2026-11-16', '2026-11-17');

const line = (date: string, order: string, amount: number, covers: number | null, status = 'completed') => ({
  date,
  order_id: order,
  item: 'Dosa',
  amount,
  covers,
  status,
});

let warehouse: Warehouse;
afterEach(() => warehouse?.close());

describe('bills, covers and average ticket', () => {
  it('counts bills and covers once per bill and compares with the previous period', async () => {
    warehouse = await tinyWarehouse({
      sales: [
        // This period: 3 bills, ₹500, 5 covers (the delivery bill seats nobody; the void is not a bill).
        line('2026-11-18', 'B1', 100, 2),
        line('2026-11-18', 'B1', 50, 2),
        line('2026-11-18', 'B2', 200, 3),
        line('2026-11-19', 'B3', 150, 0),
        line('2026-11-19', 'B4', 400, 4, 'void'),
        // Previous: 2 bills, ₹250, 3 covers.
        line('2026-11-16', 'P1', 100, 1),
        line('2026-11-17', 'P2', 150, 2),
        { ...line('2026-11-18', 'X1', 9999, 9), ...otherScope },
      ],
    });
    const out = await billsCovers.run(context(warehouse, current, previous));
    expect(factValue(out, 'bills.count')).toBe(3);
    expect(factValue(out, 'bills.covers')).toBe(5);
    expect(factValue(out, 'bills.avg_ticket')).toBe(166.67);
    expect(factValue(out, 'bills.change_pct')).toBe(50);
    expect(factValue(out, 'bills.avg_ticket_change_pct')).toBe(33.33);
    expect(factValue(out, 'bills.covers_change_pct')).toBe(66.67);
    expect(out.rowsScanned).toBe(6);
  });

  it('leaves covers out when the POS export has none', async () => {
    warehouse = await tinyWarehouse({ sales: [line('2026-11-18', 'B1', 100, null)] });
    const out = await billsCovers.run(context(warehouse, current, previous));
    expect(out.facts.map((f) => f.id)).toEqual(['bills.count', 'bills.avg_ticket']);
  });
});
