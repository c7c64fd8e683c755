// Bills, covers and average ticket on hand-made bills, each counted once however many lines it has.
import { afterEach, describe, expect, it } from 'vitest';
import { billsCovers } from '../../../../src/core/analyst/metrics/bills-covers.ts';
import type { Warehouse } from '../../../../src/core/warehouse/port.ts';
import { context, factValue, otherScope, period, tinyWarehouse } from './tiny-warehouse.ts';

const current = period('2026-11-18', '2026-11-19');
const previous = period('2026-11-16', '2026-11-17');

const line = (
  date: string,
  order: string | null,
  amount: number,
  covers: number | null,
  status = 'completed',
) => ({
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
  it('counts bills and covers once per bill and compares with the same weekdays last week', async () => {
    warehouse = await tinyWarehouse({
      sales: [
        // This period: 3 bills, ₹500, 5 covers (the delivery bill seats nobody; the void is not a bill).
        line('2026-11-18', 'B1', 100, 2),
        line('2026-11-18', 'B1', 50, 2),
        line('2026-11-18', 'B2', 200, 3),
        line('2026-11-19', 'B3', 150, 0),
        line('2026-11-19', 'B4', 400, 4, 'void'),
        // Same weekdays last week (11–12 Nov): 2 bills, ₹250, 3 covers.
        line('2026-11-11', 'P1', 100, 1),
        line('2026-11-12', 'P2', 150, 2),
        // The two days just before are other weekdays: not compared with.
        line('2026-11-16', 'M1', 5000, 9),
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
    expect(out.facts.find((f) => f.id === 'bills.change_pct')?.label).toBe(
      'Bills vs same weekdays last week',
    );
    // Lines read: this period's 5 (the void too, to leave it out) and last week's 2.
    expect(out.rowsScanned).toBe(7);
  });

  it('leaves covers out when the POS export has none', async () => {
    warehouse = await tinyWarehouse({ sales: [line('2026-11-18', 'B1', 100, null)] });
    const out = await billsCovers.run(context(warehouse, current, previous));
    expect(out.facts.map((f) => f.id)).toEqual(['bills.count', 'bills.avg_ticket']);
  });

  it('counts each line without an order id as a bill of its own, and a bill number once per date', async () => {
    warehouse = await tinyWarehouse({
      sales: [
        // A bill-wise export without bill numbers: three bills, not one for the day.
        line('2026-11-18', null, 100, 2),
        line('2026-11-18', null, 200, 3),
        line('2026-11-18', null, 300, 1),
        // Bill numbers restart each day: B1 on the 18th and B1 on the 19th are two bills.
        line('2026-11-18', 'B1', 100, 2),
        line('2026-11-19', 'B1', 300, 2),
      ],
    });
    const out = await billsCovers.run(context(warehouse, current, previous));
    expect(factValue(out, 'bills.count')).toBe(5);
    expect(factValue(out, 'bills.covers')).toBe(10);
    // ₹1,000 over 5 bills.
    expect(factValue(out, 'bills.avg_ticket')).toBe(200);
  });

  it('compares a period longer than a week with the previous one', async () => {
    warehouse = await tinyWarehouse({
      sales: [
        // 10–19 Nov: 3 bills; the previous 10 days, 31 Oct – 9 Nov: 2 bills.
        line('2026-11-10', 'A', 100, 1),
        line('2026-11-15', 'B', 100, 1),
        line('2026-11-19', 'C', 100, 1),
        line('2026-10-31', 'D', 100, 1),
        line('2026-11-09', 'E', 100, 1),
      ],
    });
    const out = await billsCovers.run(
      context(warehouse, period('2026-11-10', '2026-11-19'), period('2026-10-31', '2026-11-09')),
    );
    expect(factValue(out, 'bills.change_pct')).toBe(50);
    expect(out.facts.find((f) => f.id === 'bills.change_pct')?.label).toBe('Bills vs previous period');
  });
});
