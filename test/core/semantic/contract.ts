// The semantic layer's contract: every engine (SQLite, BigQuery through the fake) gives the same hand-checked answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryCostOfGoods } from '../../../src/core/analyst/metrics/cogs.ts';
import { previousPeriod } from '../../../src/core/analyst/periods.ts';
import { TitanError } from '../../../src/core/errors.ts';
import type { Period } from '../../../src/core/model/answer.ts';
import {
  createSemanticExecutor,
  type SemanticExecutor,
  type SemanticQueryInput,
} from '../../../src/core/semantic/execute.ts';
import { dimensionsOf } from '../../../src/core/semantic/model.ts';
import { MEASURE_IDS, type MeasureId, type QueryResult } from '../../../src/core/semantic/query.ts';
import type { Warehouse } from '../../../src/core/warehouse/port.ts';
import { EXPENSES, loadDataset, SALES, scope, WEEK } from './dataset.ts';
import { expected, NONE } from './reference.ts';

export interface SemanticSubject {
  warehouse: Warehouse;
  dispose(): Promise<void>;
}

const close = (actual: number | null | undefined, want: number | null, what: string) => {
  if (want === null) expect(actual ?? null, what).toBeNull();
  else expect(actual, what).toBeCloseTo(want, 9);
};

/** Every figure of the test week, worked out by hand from dataset.ts. */
const BY_HAND: Record<MeasureId, number> = {
  revenue: 1165, // 240 + 120 + 40 + 80 + 180 + 40 + 95 + 240 + 40 + 90
  gross_sales: 1230, // Vada 1 × 50, Vada 4 × 50, Dosa 1 × 120, the unpriced Vada 95 + 5
  bills: 8, // B1 (30 Oct), B2, B4, two lines without an order id, B1 (2 Nov), B5, B7
  items_sold: 19,
  average_bill: 1165 / 8,
  covers: 14, // 3 + 2 + 4 + 2 + 1 + 2: once per bill, none for the lines without an order id
  discounts: 65, // 10 + 20 + 5 + 30
  void_count: 2, // B2 (one line voided), B6 (cancelled)
  void_value: 170, // 120 + 50
  comp_count: 1,
  comp_value: 120, // 1 × 120, although billed at 0
  expenses: 18_900,
  purchases: 2470, // with the ₹40 delivery charge
  purchase_qty: 60,
  unit_rate_latest: 475 / 15, // 3 Nov: 10 l for ₹320 (the sheet's rate says 30) and 5 l for ₹155
  unit_rate_avg: 2430 / 60, // what was paid ÷ qty, over the lines with a quantity
  unit_rate_min: 30,
  unit_rate_max: 58, // the rice bought for ₹580: 580 ÷ 10
  wastage_qty: 6,
  wastage_value: 227.5, // 1 × 50 + 0.5 × 52 + 0.5 × 55 + 2 × 30 + 2 × 32
  stock_on_hand: 29, // rice 12 (4 Nov), milk 10 (3 Nov; 6 Nov is after the week), sugar 7 (15 Oct)
  cogs: 2640, // opening 20 × 50 + 5 × 30, + 2470, − closing 12 × 55 − 10 × 32
  food_cost_pct: (2640 / 1165) * 100,
  labour: 12_800, // Salaries 12000 + wages 800
  labour_pct: (12_800 / 1165) * 100,
  prime_cost_pct: ((2640 + 12_800) / 1165) * 100,
};

const period = (from: string, to: string, label = `${from}..${to}`): Period => ({ from, to, label });

export function semanticContract(name: string, create: () => Promise<SemanticSubject>): void {
  describe(`Semantic layer: ${name}`, () => {
    let subject: SemanticSubject;
    let semantic: SemanticExecutor;
    const run = (query: SemanticQueryInput) => semantic.run(query, scope);
    const keys = (r: QueryResult) => r.rows.map((row) => row.key);
    const first = (r: QueryResult, m: MeasureId) => r.rows.map((row) => [row.key, row.values[m]]);

    beforeAll(async () => {
      subject = await create();
      await subject.warehouse.migrate();
      await loadDataset(subject.warehouse);
      semantic = createSemanticExecutor({ warehouse: subject.warehouse });
    });
    afterAll(() => subject?.dispose());

    it('computes every measure over the week as worked out by hand', async () => {
      const result = await run({ measures: [...MEASURE_IDS.slice(0, 6)], period: WEEK });
      const rest = await Promise.all(
        [6, 12, 18, 24].map((i) => run({ measures: [...MEASURE_IDS.slice(i, i + 6)], period: WEEK })),
      );
      const totals = Object.assign({}, result.totals, ...rest.map((r) => r.totals));
      for (const m of MEASURE_IDS) close(totals[m], BY_HAND[m], m);
      expect(result.rows).toEqual([{ values: result.totals }]);
      // Rows of the other café, with their huge amounts, never count.
      expect(result.rowsScanned).toEqual({ sales: 13 });
    });

    it.each(MEASURE_IDS)(
      '%s: the total and every group of every dimension it has match plain JS',
      async (m) => {
        const total = await run({ measures: [m], period: WEEK });
        close(total.totals[m], expected({ measure: m, period: WEEK }) as number | null, `${m} total`);
        for (const groupBy of dimensionsOf(m)) {
          const result = await run({ measures: [m], period: WEEK, groupBy });
          const want = expected({ measure: m, period: WEEK, groupBy }) as Map<string, number | null>;
          expect(keys(result).sort(), `${m} by ${groupBy}`).toEqual([...want.keys()].sort());
          for (const row of result.rows)
            close(row.values[m], want.get(row.key!)!, `${m} by ${groupBy} ${row.key}`);
          close(result.totals[m], total.totals[m] ?? null, `${m} by ${groupBy}: total`);
        }
      },
    );

    it('mixes measures of different tables in one breakdown', async () => {
      const result = await run({
        measures: ['revenue', 'labour', 'labour_pct', 'expenses'],
        period: WEEK,
        groupBy: 'day',
      });
      expect(result.rows.map((r) => [r.key, r.values.revenue, r.values.labour, r.values.expenses])).toEqual([
        ['2026-10-30', 480, null, 5000],
        ['2026-10-31', 315, 12_000, 12_000],
        ['2026-11-02', 280, 800, 800],
        ['2026-11-03', 90, null, 1100],
      ]);
      close(result.rows[1]!.values.labour_pct, (12_000 / 315) * 100, 'labour % on 31 Oct');
      expect(result.rowsScanned).toEqual({ sales: 13, expenses_master: 4 });
    });

    it('reads weeks from Monday, months by calendar, weekdays Monday first, hours in order', async () => {
      const by = (groupBy: 'week' | 'month' | 'weekday' | 'hour') =>
        run({ measures: ['revenue'], period: WEEK, groupBy });
      expect(first(await by('week'), 'revenue')).toEqual([
        ['2026-10-26', 795],
        ['2026-11-02', 370],
      ]);
      expect(first(await by('month'), 'revenue')).toEqual([
        ['2026-10', 795],
        ['2026-11', 370],
      ]);
      expect(first(await by('weekday'), 'revenue')).toEqual([
        ['Monday', 280],
        ['Tuesday', 90],
        ['Friday', 480],
        ['Saturday', 315],
      ]);
      // 18:00 had only a cancelled bill: the hour is there, with nothing sold.
      expect(first(await by('hour'), 'revenue')).toEqual([
        ['08', 90],
        ['09', 400],
        ['12', 280],
        ['13', 80],
        ['18', 0],
        ['20', 180],
        [NONE, 135],
      ]);
    });

    it('lists other breakdowns largest first, the rows with no value as their own group', async () => {
      const result = await run({
        measures: ['revenue', 'bills', 'average_bill'],
        period: WEEK,
        groupBy: 'staff',
      });
      expect(result.rows.map((r) => [r.key, r.values.revenue, r.values.bills])).toEqual([
        ['Ravi', 710, 4],
        ['Meena', 360, 3],
        [NONE, 95, 1],
      ]);
      expect(result.rows[0]!.values.average_bill).toBeCloseTo(710 / 4, 9);
    });

    it('filters by one value, by any of several, and by two dimensions at once', async () => {
      const revenue = async (filters: SemanticQueryInput['filters']) =>
        (await run({ measures: ['revenue'], period: WEEK, filters })).totals.revenue;
      expect(await revenue([{ dimension: 'payment_mode', values: ['UPI'] }])).toBe(680);
      expect(await revenue([{ dimension: 'payment_mode', values: ['UPI', 'Card'] }])).toBe(950);
      expect(
        await revenue([
          { dimension: 'item', values: ['Vada'] },
          { dimension: 'staff', values: ['Ravi'] },
        ]),
      ).toBe(220);
      const heads = await run({
        measures: ['expenses'],
        period: WEEK,
        groupBy: 'expense_head',
        filters: [{ dimension: 'vendor', values: ['Landlord', 'HP Gas'] }],
      });
      expect(first(heads, 'expenses')).toEqual([
        ['Rent', 5000],
        ['Utilities', 1100],
      ]);
      // Rice alone: opening 20 × 50 + rice bought 1395 − closing 12 × 55.
      const rice = await run({
        measures: ['cogs'],
        period: WEEK,
        filters: [{ dimension: 'item', values: ['Rice'] }],
      });
      expect(rice.totals.cogs).toBe(1735);
      for (const m of ['revenue', 'cogs', 'unit_rate_avg', 'stock_on_hand'] as MeasureId[]) {
        const filters = [{ dimension: 'item' as const, values: ['Vada', 'Rice'] }];
        const got = await run({ measures: [m], period: WEEK, filters });
        close(
          got.totals[m],
          expected({ measure: m, period: WEEK, filters }) as number | null,
          `${m} filtered`,
        );
      }
    });

    it('keeps every dated measure to the weekdays asked, as plain JS over the rows of those days', async () => {
      const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
      const onDays = <T extends { date: string }>(rows: T[], days: number[], p: Period) =>
        rows.filter((r) => r.date >= p.from && r.date <= p.to && days.includes(weekdayOf(r.date)));
      const weekends = [{ dimension: 'weekday' as const, values: ['Saturday', 'Sunday'] }];
      // Revenue and expenses summed here straight from the rows: sale lines only, Saturdays and Sundays only.
      const notSold = ['void', 'voided', 'cancelled', 'canceled', 'complimentary', 'comp', 'compliment'];
      const saleLines = onDays(SALES, [0, 6], WEEK).filter(
        (s) => !notSold.includes((s.status ?? '').toLowerCase()),
      );
      expect(saleLines.length).toBeGreaterThan(0);
      const revenue = await run({ measures: ['revenue', 'expenses'], period: WEEK, filters: weekends });
      expect(revenue.totals.revenue).toBe(saleLines.reduce((sum, s) => sum + s.amount, 0));
      expect(revenue.totals.expenses).toBe(
        onDays(EXPENSES, [0, 6], WEEK).reduce((sum, e) => sum + e.amount, 0),
      );
      expect(revenue.totals.revenue).toBe(315); // 31 Oct is the week's only Saturday with sales; no Sunday has any

      const all = period('2025-10-01', '2026-11-06', 'every stored day');
      const sets = [
        ['Saturday', 'Sunday'],
        ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
        ['Friday'],
      ];
      const dated = MEASURE_IDS.filter((m) => dimensionsOf(m).includes('weekday'));
      expect(dated).toEqual(
        expect.arrayContaining(['revenue', 'expenses', 'purchases', 'unit_rate_latest', 'wastage_value']),
      );
      for (const m of dated) {
        for (const p of [WEEK, all]) {
          for (const values of sets) {
            const filters = [{ dimension: 'weekday' as const, values }];
            const got = await run({ measures: [m], period: p, filters });
            close(
              got.totals[m],
              expected({ measure: m, period: p, filters }) as number | null,
              `${m} on ${values}`,
            );
          }
        }
      }
    });

    it('keeps a breakdown and a comparison to the same weekdays', async () => {
      const weekends = [{ dimension: 'weekday' as const, values: ['Saturday', 'Sunday'] }];
      const days = await run({ measures: ['revenue'], period: WEEK, groupBy: 'day', filters: weekends });
      expect(first(days, 'revenue')).toEqual([['2026-10-31', 315]]);
      const byWeekday = await run({
        measures: ['revenue'],
        period: period('2026-10-01', '2026-11-04'),
        groupBy: 'weekday',
        filters: [{ dimension: 'weekday', values: ['Friday', 'Saturday'] }],
      });
      expect(keys(byWeekday)).toEqual(['Friday', 'Saturday']);
      const compared = await run({
        measures: ['revenue'],
        period: WEEK,
        filters: weekends,
        compare: { kind: 'previous' },
      });
      const before = compared.comparison!.period;
      expect(compared.comparison!.totals.revenue).toBe(
        expected({ measure: 'revenue', period: before, filters: weekends }),
      );
    });

    it('refuses a weekday filter on a figure that rests on stock counts, and a day name it does not know', async () => {
      for (const m of ['stock_on_hand', 'cogs', 'food_cost_pct', 'prime_cost_pct'] as MeasureId[]) {
        await expect(
          run({ measures: [m], period: WEEK, filters: [{ dimension: 'weekday', values: ['Sunday'] }] }),
          m,
        ).rejects.toMatchObject({
          code: 'request.invalid',
          message: expect.stringMatching(/stock count.*cannot be kept to some weekdays/),
        });
      }
      for (const values of [['sunday'], ['Weekend'], ['0']]) {
        await expect(
          run({ measures: ['revenue'], period: WEEK, filters: [{ dimension: 'weekday', values }] }),
        ).rejects.toMatchObject({ code: 'request.invalid', message: expect.stringContaining('Monday') });
      }
    });

    it('compares with the previous period, the same dates a week / month / year back, or a named period', async () => {
      const compare = async (p: Period, c: SemanticQueryInput['compare']) => {
        const r = await run({ measures: ['revenue', 'labour'], period: p, compare: c });
        return [r.comparison!.period.from, r.comparison!.period.to, r.comparison!.totals.revenue];
      };
      expect(await compare(WEEK, { kind: 'previous' })).toEqual(['2026-10-22', '2026-10-28', 320]);
      expect(await compare(WEEK, { kind: 'last_week' })).toEqual(['2026-10-22', '2026-10-28', 320]);
      expect(await compare(WEEK, { kind: 'last_month' })).toEqual(['2026-09-29', '2026-10-04', 100]);
      expect(await compare(WEEK, { kind: 'last_year' })).toEqual(['2025-10-29', '2025-11-04', 360]);
      const before = period('2026-10-01', '2026-10-28', '1–28 Oct');
      expect(await compare(WEEK, { kind: 'period', period: before })).toEqual([
        '2026-10-01',
        '2026-10-28',
        expected({ measure: 'revenue', period: before, filters: [] }),
      ]);
      // A named period that shares days with the period would count them on both sides of the change.
      const october = period('2026-10-01', '2026-10-31', 'October');
      await expect(
        run({ measures: ['revenue'], period: WEEK, compare: { kind: 'period', period: october } }),
      ).rejects.toThrow(/share 2026-10-29 to 2026-10-31/);
      // Three days: the three just before are not the same days a week back.
      const three = period('2026-10-30', '2026-11-01');
      expect(await compare(three, { kind: 'previous' })).toEqual(['2026-10-27', '2026-10-29', 200]);
      expect(await compare(three, { kind: 'last_week' })).toEqual(['2026-10-23', '2026-10-25', 120]);
      const withLabour = await run({ measures: ['labour'], period: WEEK, compare: { kind: 'previous' } });
      expect(withLabour.comparison?.totals).toEqual({ labour: 3000 });
      expect(withLabour.rowsScanned).toEqual({ expenses_master: 5 });
      const empty = await run({
        measures: ['revenue'],
        period: WEEK,
        compare: { kind: 'period', period: period('2020-01-01', '2020-01-31') },
      });
      expect(empty.comparison?.totals).toEqual({ revenue: null });
    });

    it('refuses "same days last week" for a period longer than a week', async () => {
      const eight = period('2026-10-28', '2026-11-04', 'last 8 days');
      const refused = run({ measures: ['revenue'], period: eight, compare: { kind: 'last_week' } });
      await expect(refused).rejects.toBeInstanceOf(TitanError);
      await expect(refused).rejects.toMatchObject({
        code: 'request.invalid',
        message: expect.stringMatching(/previous 8 days/),
      });
    });

    it('ranks top and bottom N by the first measure, ties broken by key', async () => {
      const ranked = (m: MeasureId, order: 'asc' | 'desc', limit: number) =>
        run({ measures: [m, 'revenue'], period: WEEK, groupBy: 'item', rank: { order, limit } });
      expect(first(await ranked('revenue', 'desc', 2), 'revenue')).toEqual([
        ['Masala Dosa', 570],
        ['Vada', 315],
      ]);
      expect(first(await ranked('revenue', 'asc', 1), 'revenue')).toEqual([['Filter Coffee', 280]]);
      expect(first(await ranked('void_count', 'desc', 2), 'void_count')).toEqual([
        ['Masala Dosa', 1],
        ['Vada', 1],
      ]);
      expect(first(await ranked('comp_count', 'asc', 2), 'comp_count')).toEqual([
        ['Filter Coffee', 0],
        ['Vada', 0],
      ]);
      const bestDay = await run({
        measures: ['revenue'],
        period: WEEK,
        groupBy: 'day',
        rank: { order: 'desc', limit: 1 },
      });
      expect(first(bestDay, 'revenue')).toEqual([['2026-10-30', 480]]);
      expect(bestDay.totals.revenue).toBe(1165);
    });

    it('ranks only groups that record the dimension, and gives the rest apart', async () => {
      const inWeek = EXPENSES.filter((e) => e.date >= WEEK.from && e.date <= WEEK.to);
      const byVendor = new Map<string, number>();
      for (const e of inWeek.filter((e) => e.vendor !== null)) {
        byVendor.set(e.vendor!, (byVendor.get(e.vendor!) ?? 0) + e.amount);
      }
      const top = [...byVendor].sort((a, b) => b[1] - a[1])[0]!;
      const noVendor = inWeek.filter((e) => e.vendor === null).reduce((sum, e) => sum + e.amount, 0);
      // The week's biggest spend names no vendor: a ranking of vendors must not put it first.
      expect(noVendor).toBeGreaterThan(top[1]);
      const result = await run({
        measures: ['expenses'],
        period: WEEK,
        groupBy: 'vendor',
        rank: { order: 'desc', limit: 1 },
      });
      expect(first(result, 'expenses')).toEqual([top]);
      expect(result.unranked?.values.expenses).toBe(noVendor);
      const all = await run({ measures: ['expenses'], period: WEEK, groupBy: 'vendor' });
      expect(all.unranked).toBeUndefined();
    });

    it('gives each group its share of the total of the first measure', async () => {
      const result = await run({ measures: ['revenue'], period: WEEK, groupBy: 'item', share: true });
      expect(result.rows.map((r) => r.key)).toEqual(['Masala Dosa', 'Vada', 'Filter Coffee']);
      result.rows.forEach((r, i) => {
        expect(r.share).toBeCloseTo(([570, 315, 280][i]! / 1165) * 100, 9);
      });
      const top = await run({
        measures: ['revenue'],
        period: WEEK,
        groupBy: 'item',
        share: true,
        rank: { order: 'desc', limit: 1 },
      });
      expect(top.rows[0]!.share).toBeCloseTo((570 / 1165) * 100, 9);
    });

    it('costs goods sold exactly as the food-cost metric does', async () => {
      const metric = await queryCostOfGoods({
        warehouse: subject.warehouse,
        scope,
        period: WEEK,
        previous: previousPeriod(WEEK),
      });
      const result = await run({ measures: ['cogs', 'revenue', 'purchases'], period: WEEK });
      expect([result.totals.cogs, result.totals.revenue, result.totals.purchases]).toEqual([
        metric.cogs,
        metric.sales,
        metric.purchases,
      ]);
    });

    it('reports null where the tables hold nothing for the period', async () => {
      const result = await run({
        measures: ['revenue', 'bills', 'cogs', 'food_cost_pct', 'stock_on_hand'],
        period: period('2020-01-01', '2020-01-07'),
      });
      expect(result.totals).toEqual({
        revenue: null,
        bills: null,
        cogs: null,
        food_cost_pct: null,
        stock_on_hand: null,
      });
      expect(result.rowsScanned).toEqual({ sales: 0, inventory_master: 0, purchases_master: 0 });
    });

    it('says which dates and how many rows each table holds in scope', async () => {
      expect(await semantic.coverage(scope)).toEqual({
        sales: { from: '2025-10-31', to: '2026-11-03', rows: 17 },
        expenses: { from: '2026-10-25', to: '2026-11-03', rows: 5 },
        purchases: { from: '2026-10-20', to: '2026-11-03', rows: 8 },
        inventory: { from: '2026-10-15', to: '2026-11-06', rows: 8 },
      });
      expect(await semantic.coverage({ orgId: 'nobody', locationId: 'nowhere' })).toEqual({
        sales: null,
        expenses: null,
        purchases: null,
        inventory: null,
      });
    });

    it('lists the stored values of each attribute, once each, sorted', async () => {
      const values = (d: Parameters<SemanticExecutor['distinctValues']>[1]) =>
        semantic.distinctValues(scope, d);
      expect(await values('item')).toEqual(['Filter Coffee', 'Masala Dosa', 'Milk', 'Rice', 'Sugar', 'Vada']);
      expect(await values('category')).toEqual(['Beverages', 'Mains', 'Snacks']);
      expect(await values('vendor')).toEqual(['Fresh Farms', 'HP Gas', 'Landlord', 'Ramesh', 'Sri Traders']);
      expect(await values('expense_head')).toEqual(['Rent', 'Salaries', 'Utilities', 'wages']);
      expect(await values('staff')).toEqual(['Meena', 'Ravi']);
      expect(await values('payment_mode')).toEqual(['Bank', 'Card', 'Cash', 'UPI']);
      expect(await values('location')).toEqual([scope.locationId]);
      await expect(values('day')).rejects.toMatchObject({ code: 'request.invalid' });
    });

    it('says which registers hold each stored name, for telling a supplier from a payee', async () => {
      const held = async (d: Parameters<SemanticExecutor['storedNames']>[1]) =>
        Object.fromEntries((await semantic.storedNames(scope, d)).map((n) => [n.value, n.categories]));
      expect(await held('vendor')).toEqual({
        'Fresh Farms': ['purchases'],
        'HP Gas': ['expenses'],
        Landlord: ['expenses'],
        Ramesh: ['expenses'],
        'Sri Traders': ['purchases'],
      });
      expect(await held('item')).toEqual({
        'Filter Coffee': ['sales'],
        'Masala Dosa': ['sales'],
        Milk: ['inventory', 'purchases'],
        Rice: ['inventory', 'purchases'],
        Sugar: ['inventory'],
        Vada: ['sales'],
      });
    });

    it('binds hostile filter values: they match nothing and change nothing', async () => {
      const hostile = ["x' OR '1'='1", "'); DROP TABLE sales; --", 'Vada" OR 1=1 --', '@org_id'];
      const result = await run({
        measures: ['revenue', 'bills'],
        period: WEEK,
        filters: [{ dimension: 'item', values: hostile }],
      });
      expect(result.totals).toEqual({ revenue: null, bills: null });
      expect((await run({ measures: ['revenue'], period: WEEK })).totals.revenue).toBe(1165);
    });

    it('finds the Monday of a date and its month through the dialect, across years and before 1970', async () => {
      const d = subject.warehouse.dialect;
      const cases = [
        ['2026-11-02', '2026-11-02'],
        ['2026-11-08', '2026-11-02'],
        ['2027-01-01', '2026-12-28'],
        ['2024-02-29', '2024-02-26'],
        ['1970-01-01', '1969-12-29'],
        ['1969-12-28', '1969-12-22'],
      ];
      for (const [day, monday] of cases) {
        const [row] = await subject.warehouse.query(
          `SELECT ${d.weekStart(d.dateParam('day'))} AS week, ${d.monthOf(d.dateParam('day'))} AS month`,
          { day: day! },
        );
        expect([String(row?.week).slice(0, 10), row?.month], day).toEqual([monday, day!.slice(0, 7)]);
      }
    });

    it('finds the weekday of a date through the dialect, before 1970 too', async () => {
      const d = subject.warehouse.dialect;
      for (const day of [
        '2026-11-01',
        '2026-11-07',
        '1970-01-01',
        '1969-12-28',
        '1969-12-31',
        '1900-01-01',
      ]) {
        const [row] = await subject.warehouse.query(`SELECT ${d.dayOfWeek(d.dateParam('day'))} AS dow`, {
          day,
        });
        expect(Number(row?.dow), day).toBe(new Date(`${day}T00:00:00Z`).getUTCDay());
      }
    });

    it('rejects a query it cannot answer with request.invalid, saying why', async () => {
      const bad: SemanticQueryInput[] = [
        { measures: [], period: WEEK },
        { measures: ['revenue'], period: { from: '2026-11-04', to: '2026-10-29', label: 'backwards' } },
        { measures: ['revenue'], period: WEEK, groupBy: 'vendor' },
        { measures: ['revenue'], period: WEEK, rank: { order: 'desc', limit: 3 } },
        { measures: ['average_bill'], period: WEEK, groupBy: 'item', share: true },
        { measures: ['revenue'], period: WEEK, filters: [{ dimension: 'day', values: ['2026-10-30'] }] },
        { measures: ['cogs'], period: WEEK, groupBy: 'weekday' },
      ];
      for (const query of bad)
        await expect(run(query), JSON.stringify(query)).rejects.toMatchObject({ code: 'request.invalid' });
    });
  });
}
