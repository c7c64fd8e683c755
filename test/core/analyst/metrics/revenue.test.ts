// Revenue on hand-made sales: against the daily target, the same weekdays a week earlier, or the previous period.
import { afterEach, describe, expect, it } from 'vitest';
import { revenue } from '../../../../src/core/analyst/metrics/revenue.ts';
import type { Warehouse } from '../../../../src/core/warehouse/port.ts';
import { context, factValue, otherScope, period, tinyWarehouse } from './tiny-warehouse.ts';

const current = period('2026-11-18', '2026-11-20', '18–20 Nov');
const previous = period('2026-11-15', '2026-11-17');

const sale = (date: string, amount: number, status = 'completed') => ({
  date,
  item: 'Meals',
  amount,
  status,
});

let warehouse: Warehouse;
afterEach(() => warehouse?.close());

async function seed(): Promise<Warehouse> {
  return tinyWarehouse({
    sales: [
      sale('2026-11-18', 1000),
      sale('2026-11-18', 500),
      sale('2026-11-19', 2000),
      sale('2026-11-20', 1500),
      sale('2026-11-20', 999, 'void'),
      sale('2026-11-20', 0, 'complimentary'),
      // Same weekdays last week (11–13 Nov): ₹3,000. The 15th is in neither.
      sale('2026-11-11', 1000),
      sale('2026-11-12', 1000),
      sale('2026-11-13', 1000),
      sale('2026-11-15', 777),
      { ...sale('2026-11-19', 100_000), ...otherScope },
    ],
  });
}

describe('revenue', () => {
  it('totals the period against the target and the same weekdays last week', async () => {
    warehouse = await seed();
    const out = await revenue.run(context(warehouse, current, previous, { dailyRevenueTarget: 2000 }));
    expect(factValue(out, 'revenue.total')).toBe(5000);
    expect(factValue(out, 'revenue.days_with_sales')).toBe(3);
    expect(factValue(out, 'revenue.daily_avg')).toBe(1666.67);
    expect(factValue(out, 'revenue.last_week')).toBe(3000);
    expect(factValue(out, 'revenue.vs_last_week_pct')).toBe(66.67);
    expect(out.facts.find((f) => f.id === 'revenue.vs_last_week_pct')?.label).toBe(
      'Revenue vs same weekdays last week',
    );
    expect(factValue(out, 'revenue.target')).toBe(6000);
    expect(factValue(out, 'revenue.vs_target_pct')).toBe(-16.67);
    expect(factValue(out, 'revenue.gap_to_target')).toBe(1000);
    // Lines read: the period's 6 (the void and the comp too, to leave them out) and last week's 3; the 15th is
    // in neither.
    expect(out.rowsScanned).toBe(9);
    expect(out.leaks).toEqual([]);
    expect(out.chart?.points).toEqual([
      { x: '2026-11-18', y: 1500 },
      { x: '2026-11-19', y: 2000 },
      { x: '2026-11-20', y: 1500 },
    ]);
  });

  it('has no target facts without a target, and no facts without sales', async () => {
    warehouse = await seed();
    const out = await revenue.run(context(warehouse, current, previous));
    expect(out.facts.some((f) => f.id.startsWith('revenue.target'))).toBe(false);
    const empty = await revenue.run(context(warehouse, period('2025-01-01', '2025-01-07'), previous));
    expect(empty.facts).toEqual([]);
  });

  it('compares a 30-day period with the 30 days before it, never with an overlapping window', async () => {
    const month = period('2026-10-27', '2026-11-25', 'last 30 days');
    warehouse = await tinyWarehouse({
      sales: [
        // This period: ₹3,000 + ₹2,000 + ₹1,000 = ₹6,000.
        sale('2026-10-27', 3000),
        sale('2026-11-10', 2000),
        sale('2026-11-25', 1000),
        // The previous 30 days, 27 Sep – 26 Oct: ₹1,500 + ₹2,500 = ₹4,000, so up 50%. The same dates a week
        // back (20 Oct – 18 Nov) would have been ₹7,500, two thirds of it this period's own sales.
        sale('2026-09-27', 1500),
        sale('2026-10-26', 2500),
        // The day before the previous period: read by neither.
        sale('2026-09-26', 999),
      ],
    });
    const out = await revenue.run(context(warehouse, month, period('2026-09-27', '2026-10-26')));
    expect(factValue(out, 'revenue.total')).toBe(6000);
    expect(factValue(out, 'revenue.previous')).toBe(4000);
    expect(factValue(out, 'revenue.vs_previous_pct')).toBe(50);
    expect(out.facts.find((f) => f.id === 'revenue.vs_previous_pct')?.label).toBe(
      'Revenue vs previous period',
    );
    expect(out.facts.some((f) => f.id.includes('last_week'))).toBe(false);
    expect(out.rowsScanned).toBe(5);
  });
});
