// The demo café: same seed, same café; consistent books; every planted leak found by its metric at its true size.
import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../../src/core/analyst/calendar.ts';
import { generateDemo, readDemoGroundTruth } from '../../../../src/core/analyst/demo/generate-demo.ts';
import { formatFactNumber } from '../../../../src/core/analyst/format.ts';
import type { MetricOutput } from '../../../../src/core/analyst/metric.ts';
import { METRICS, type MetricId } from '../../../../src/core/analyst/metrics/index.ts';
import { slug } from '../../../../src/core/analyst/metrics/metric-sql.ts';
import { TitanError } from '../../../../src/core/errors.ts';
import { DEFAULT_SCOPE } from '../../../../src/core/model/scope.ts';
import type { Warehouse } from '../../../../src/core/warehouse/port.ts';
import { createSqliteWarehouse } from '../../../../src/core/warehouse/sqlite.ts';

const END = '2026-11-25';
/** Long enough for the price-creep baseline (8 weeks before the window) and the spike baseline. */
const DAYS = 70;
const now = () => new Date('2026-11-25T02:30:00Z');

const open: Warehouse[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((w) => w.close()));
});

async function freshWarehouse(): Promise<Warehouse> {
  const w = createSqliteWarehouse({ path: ':memory:' });
  open.push(w);
  await w.migrate();
  return w;
}

async function count(w: Warehouse, table: string, org = DEFAULT_SCOPE.orgId): Promise<number> {
  const [row] = await w.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE org_id = @org`, {
    org,
  });
  return row!.n;
}

function factOf(out: MetricOutput, id: string): number {
  const fact = out.facts.find((f) => f.id === id);
  if (!fact) throw new Error(`missing fact ${id}`);
  return fact.value;
}

/** Every number in a headline is one of the facts the leak cites, written as the format module writes it. */
function expectGrounded(out: MetricOutput): void {
  for (const leak of out.leaks) {
    const allowed = new Set(
      out.facts.filter((f) => leak.factIds.includes(f.id)).map((f) => formatFactNumber(f)),
    );
    for (const token of leak.headline.match(/\d+(?:,\d+)*(?:\.\d+)?/g) ?? [])
      expect(allowed).toContain(token);
  }
}

describe('demo café generator', () => {
  it('is deterministic by seed and differs between seeds', async () => {
    const fingerprint = async (seed: number) => {
      const w = await freshWarehouse();
      const summary = await generateDemo({ warehouse: w, seed, days: 14, endDate: END, now });
      const [sales] = await w.query(
        'SELECT COUNT(*) AS n, SUM(amount) AS amount, SUM(covers) AS covers, MAX(order_time) AS last FROM sales',
      );
      const [stock] = await w.query('SELECT SUM(closing_qty * unit_cost) AS v FROM inventory_master');
      return JSON.stringify({ summary, sales, stock });
    };
    const first = await fingerprint(7);
    expect(await fingerprint(7)).toBe(first);
    expect(await fingerprint(8)).not.toBe(first);
  });

  it('writes a plausible café with consistent books, and regenerating replaces only its scope', async () => {
    const w = await freshWarehouse();
    const other = { orgId: 'cafe_002', locationId: 'avinashi_road' };
    await generateDemo({ warehouse: w, scope: other, seed: 1, days: 3, endDate: END, now });
    await generateDemo({ warehouse: w, seed: 3, days: 28, endDate: END, now });
    const summary = await generateDemo({ warehouse: w, seed: 3, days: 28, endDate: END, now });

    expect(summary).toMatchObject({ from: addDays(END, -27), to: END });
    expect(await count(w, 'sales')).toBe(summary.rows.sales);
    expect(await count(w, 'recipes')).toBe(summary.rows.recipes);
    expect(await count(w, 'sales', other.orgId)).toBeGreaterThan(0);
    expect(await count(w, 'demo_ground_truth')).toBe(1);

    const [bills] = await w.query<{ bills: number; items: number; categories: number; staff: number }>(
      `SELECT COUNT(DISTINCT order_id) AS bills, COUNT(DISTINCT item) AS items,
         COUNT(DISTINCT category) AS categories, COUNT(DISTINCT staff) AS staff
       FROM sales WHERE org_id = 'cafe_001'`,
    );
    expect(bills!.bills / 28).toBeGreaterThan(250);
    expect(bills!.bills / 28).toBeLessThan(350);
    expect(bills!.items).toBeGreaterThanOrEqual(40);
    expect(bills!.items).toBeLessThanOrEqual(80);
    expect(bills!).toMatchObject({ categories: 7, staff: 6 });
    expect(summary.rows.inventory_master).toBe(28 * 19);

    // Stock moves: closing = opening + received − consumed − wasted, never below zero, and the next day
    // opens with it; what was received is exactly what was purchased.
    const [stock] = await w.query<{ drift: number; negative: number; gaps: number; unbought: number }>(
      `SELECT
         MAX(ABS(closing_qty - (opening_qty + received_qty - consumed_qty - wastage_qty))) AS drift,
         SUM(CASE WHEN closing_qty < 0 THEN 1 ELSE 0 END) AS negative,
         (SELECT COUNT(*) FROM inventory_master a JOIN inventory_master b
            ON b.org_id = a.org_id AND b.item = a.item AND b.date = date(a.date, '+1 day')
          WHERE a.org_id = 'cafe_001' AND ABS(b.opening_qty - a.closing_qty) > 1e-9) AS gaps,
         (SELECT COUNT(*) FROM inventory_master i WHERE i.org_id = 'cafe_001' AND ABS(i.received_qty - COALESCE(
            (SELECT SUM(p.qty) FROM purchases_master p
             WHERE p.org_id = i.org_id AND p.item = i.item AND p.date = i.date), 0)) > 1e-9) AS unbought
       FROM inventory_master WHERE org_id = 'cafe_001'`,
    );
    expect(stock!.drift).toBeLessThan(1e-6);
    expect(stock).toMatchObject({ negative: 0, gaps: 0, unbought: 0 });

    const categories = await w.query<{ category: string }>(
      `SELECT DISTINCT category FROM expenses_master WHERE org_id = 'cafe_001' ORDER BY category`,
    );
    expect(categories.map((c) => c.category)).toEqual([
      'cleaning',
      'gas',
      'marketing',
      'packaging',
      'rent',
      'repairs',
      'salaries',
      'utilities',
    ]);
    const modes = await w.query<{ payment_mode: string }>(
      'SELECT DISTINCT payment_mode FROM sales ORDER BY 1',
    );
    expect(modes.map((m) => m.payment_mode)).toEqual(['Card', 'Cash', 'Swiggy', 'UPI', 'Zomato']);
  });

  it('rejects nonsense options with an actionable error', async () => {
    const w = await freshWarehouse();
    await expect(generateDemo({ warehouse: w, days: 0, endDate: END })).rejects.toThrow(TitanError);
    await expect(generateDemo({ warehouse: w, endDate: '25/11/2026' })).rejects.toThrow(
      /endDate.*YYYY-MM-DD/,
    );
  });

  describe.each([11, 42, 2026])(
    'seed %i: each planted leak is found by its metric at its true size',
    (seed) => {
      it('matches the ground truth', async () => {
        const w = await freshWarehouse();
        const { truth } = await generateDemo({ warehouse: w, seed, days: DAYS, endDate: END, now });
        expect(await readDemoGroundTruth(w, DEFAULT_SCOPE)).toEqual(truth);
        expect(truth.window).toMatchObject({ from: '2026-11-18', to: '2026-11-24' });

        const run = async (id: MetricId) => {
          const out = await METRICS[id].run({
            warehouse: w,
            scope: DEFAULT_SCOPE,
            period: truth.window,
            previous: {
              from: addDays(truth.window.from, -7),
              to: addDays(truth.window.from, -1),
              label: 'previous',
            },
          });
          expectGrounded(out);
          return out;
        };
        const near = (value: number, expected: number) => expect(value).toBeCloseTo(expected, 1);

        const wastage = await run('wastage-by-item');
        const wt = truth.wastage;
        expect(wastage.leaks.map((l) => l.key)).toContain('wastage:maida:2026-11-18..2026-11-24');
        near(factOf(wastage, 'wastage.maida.qty'), wt.qty);
        near(factOf(wastage, 'wastage.maida.inr'), wt.inr);
        near(factOf(wastage, 'wastage.maida.change_pct'), wt.changePct);
        near(factOf(wastage, 'wastage.maida.impact_week'), wt.excessPerWeek);

        const variance = await run('usage-variance');
        const vt = truth.usageVariance;
        const v = `variance.${slug(vt.ingredient)}`;
        expect(variance.leaks.map((l) => l.key)).toContain(
          `variance:${slug(vt.ingredient)}:2026-11-18..2026-11-24`,
        );
        near(factOf(variance, `${v}.actual`), vt.actualQty);
        near(factOf(variance, `${v}.theoretical`), vt.theoreticalQty);
        near(factOf(variance, `${v}.pct`), vt.variancePct);
        near(factOf(variance, `${v}.inr`), vt.varianceInr);

        const creep = await run('price-creep');
        const ct = truth.priceCreep;
        const c = `price.${slug(ct.vendor)}.${slug(ct.item)}`;
        expect(
          creep.leaks.some((l) => l.key.startsWith(`price-creep:${slug(ct.vendor)}:${slug(ct.item)}`)),
        ).toBe(true);
        near(factOf(creep, `${c}.baseline`), ct.baselinePrice);
        near(factOf(creep, `${c}.current`), ct.currentPrice);
        near(factOf(creep, `${c}.creep_pct`), ct.creepPct);
        near(factOf(creep, `${c}.extra_week`), ct.extraPerWeek);

        const staff = await run('staff-exceptions');
        const st = truth.staffExceptions;
        const s = `staff.${slug(st.staff)}`;
        expect(staff.leaks.map((l) => l.key)).toEqual([`staff:${slug(st.staff)}:2026-11-18..2026-11-24`]);
        near(factOf(staff, `${s}.rate_pct`), st.ratePct);
        near(factOf(staff, 'staff.median_pct'), st.medianPct);
        expect(factOf(staff, `${s}.voids`)).toBe(st.voids);
        near(factOf(staff, `${s}.void_inr`), st.voidInr);
        near(factOf(staff, `${s}.discount_inr`), st.discountInr);
        near(factOf(staff, `${s}.comp_inr`), st.compInr);
        near(factOf(staff, `${s}.excess_week`), st.excessPerWeek);

        const spikes = await run('expense-spikes');
        const et = truth.expenseSpike;
        expect(spikes.leaks.map((l) => l.key)).toEqual(['expense-spike:gas:2026-11-18..2026-11-24']);
        near(factOf(spikes, 'expense.gas.inr'), et.amount);
        near(factOf(spikes, 'expense.gas.usual'), et.usual);
        near(factOf(spikes, 'expense.gas.change_pct'), et.changePct);
        near(factOf(spikes, 'expense.gas.extra_week'), et.extraPerWeek);

        // Only the planted leaks: a healthy café's food and prime cost stay under their ceilings.
        for (const id of ['food-cost', 'prime-cost'] as const) expect((await run(id)).leaks).toEqual([]);
        const leakCount = wastage.leaks.length + variance.leaks.length + creep.leaks.length;
        expect(leakCount).toBe(3);
      });
    },
  );
});
