// Expense spikes on hand-made expenses: gas more than doubles its usual week; rent and repairs have no run rate.
import { afterEach, describe, expect, it } from 'vitest';
import { expenseSpikes, spikeBaseline } from '../../../../src/core/analyst/metrics/expense-spikes.ts';
import type { Warehouse } from '../../../../src/core/warehouse/port.ts';
import { context, factValue, onlyLeak, otherScope, period, tinyWarehouse } from './tiny-warehouse.ts';

const current = period('2026-11-18', '2026-11-24');
const previous = period('2026-11-11', '2026-11-17');

const spent = (date: string, category: string, amount: number) => ({
  date,
  category,
  description: category,
  amount,
});

let warehouse: Warehouse;
afterEach(() => warehouse?.close());

async function seed(): Promise<Warehouse> {
  return tinyWarehouse({
    expenses_master: [
      // Gas: ₹2,000 a week for four weeks, then ₹4,500.
      ...['2026-10-22', '2026-10-29', '2026-11-05', '2026-11-12'].map((d) => spent(d, 'gas', 2000)),
      spent('2026-11-19', 'Gas', 2000),
      spent('2026-11-22', 'gas', 2500),
      // Packaging: ₹1,000 a week, then ₹1,100 (+10%).
      ...['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16'].map((d) => spent(d, 'packaging', 1000)),
      spent('2026-11-23', 'packaging', 1100),
      // Rent once a month and three repairs: too rare to have a run rate.
      spent('2026-11-01', 'rent', 100_000),
      ...['2026-10-25', '2026-11-03', '2026-11-10'].map((d) => spent(d, 'repairs', 500)),
      spent('2026-11-20', 'repairs', 1500),
      // Before the baseline, and another café's.
      spent('2026-10-20', 'gas', 50_000),
      { ...spent('2026-11-20', 'gas', 90_000), ...otherScope },
      // Paid in euros: never added to the rupee spend.
      { ...spent('2026-11-21', 'gas', 700), currency: 'EUR' },
    ],
  });
}

describe('expense spikes by category', () => {
  it('compares with the four equal periods before', () => {
    expect(spikeBaseline(current)).toMatchObject({ from: '2026-10-21', to: '2026-11-17' });
  });

  it('flags gas at 125% over its usual week and leaves irregular categories alone', async () => {
    warehouse = await seed();
    const out = await expenseSpikes.run(context(warehouse, current, previous));
    expect(factValue(out, 'expense.total.inr')).toBe(7100);
    expect(factValue(out, 'expense.gas.inr')).toBe(4500);
    expect(factValue(out, 'expense.gas.usual')).toBe(2000);
    expect(factValue(out, 'expense.gas.change_pct')).toBe(125);
    expect(factValue(out, 'expense.gas.extra_week')).toBe(2500);
    expect(factValue(out, 'expense.packaging.change_pct')).toBe(10);
    expect(factValue(out, 'expense.rent.inr')).toBe(0);
    expect(out.facts.some((f) => f.id === 'expense.repairs.usual')).toBe(false);
    expect(out.rowsScanned).toBe(16);

    const leak = onlyLeak(out);
    expect(leak.headline).toBe('Gas spend: ₹4,500 vs ₹2,000 usual (up 125%), ₹2,500/week extra');
    expect(leak.rootCause).toMatch(/LPG/);
    expect(leak.remeasure).toMatchObject({
      factId: 'expense.gas.inr_week',
      value: 4500,
      filter: { category: 'gas' },
    });
  });

  it('narrows to one category on request', async () => {
    warehouse = await seed();
    const out = await expenseSpikes.run(
      context(warehouse, current, previous, { filter: { category: 'pack' } }),
    );
    expect(out.facts.map((f) => f.id)).toEqual([
      'expense.total.inr',
      'expense.packaging.inr',
      'expense.packaging.inr_week',
      'expense.packaging.usual',
      'expense.packaging.change_pct',
    ]);
  });
});
