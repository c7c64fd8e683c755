// The Warehouse contract: every engine (SQLite, BigQuery through the fake) must pass these same cases.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TitanError } from '../../../src/core/errors.ts';
import { MIGRATIONS, schemaAfter } from '../../../src/core/warehouse/migrations.ts';
import type { Row, Warehouse } from '../../../src/core/warehouse/port.ts';

export interface WarehouseUnderTest {
  warehouse: Warehouse;
  dispose(): Promise<void>;
}

const sale = (i: number, extra: Row = {}): Row => ({
  org_id: 'cafe',
  location_id: 'indiranagar',
  date: `2026-11-${String((i % 28) + 1).padStart(2, '0')}`,
  order_id: `ORD-${i}`,
  item: i % 2 ? 'Masala Chai' : 'Paneer Roll',
  qty: (i % 3) + 1,
  amount: 100 + i,
  _row_hash: `h${i}`,
  ...extra,
});

export function warehouseContract(name: string, create: () => Promise<WarehouseUnderTest>): void {
  describe(`Warehouse contract: ${name}`, () => {
    let subject: WarehouseUnderTest;
    let w: Warehouse;
    const t = (table: string) => w.dialect.table(table);
    const count = async (table: string) =>
      Number((await w.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${t(table)}`))[0]?.n);

    beforeEach(async () => {
      subject = await create();
      w = subject.warehouse;
      await w.migrate();
    });
    afterEach(() => subject.dispose());

    it('creates every table once: a second migrate applies nothing', async () => {
      expect(await w.migrate()).toEqual([]);
      for (const table of schemaAfter(MIGRATIONS).keys()) expect(await count(table)).toBe(0);
      const ids = await w.query<{ id: string }>(`SELECT id FROM ${t('schema_migrations')} ORDER BY id`);
      expect(ids.map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id));
    });

    it('round-trips strings, numbers, dates, timestamps and nulls as plain values', async () => {
      await w.insertRows('sales', [sale(0, { _ingested_at: '2026-11-02T09:30:00.000Z', category: null })]);
      await w.insertRows('folder_watcher_log', [
        {
          run_timestamp: '2026-11-02T08:00:00.000Z',
          category: 'sales',
          files_total: 3,
          files_success: 2,
          files_failed: 1,
          duration_ms: 1250,
        },
      ]);
      expect(
        await w.query(`SELECT order_id, date, qty, amount, category, _ingested_at FROM ${t('sales')}`),
      ).toEqual([
        {
          order_id: 'ORD-0',
          date: '2026-11-01',
          qty: 1,
          amount: 100,
          category: null,
          _ingested_at: '2026-11-02T09:30:00.000Z',
        },
      ]);
      expect(
        await w.query(`SELECT run_timestamp, files_failed, duration_ms FROM ${t('folder_watcher_log')}`),
      ).toEqual([{ run_timestamp: '2026-11-02T08:00:00.000Z', files_failed: 1, duration_ms: 1250 }]);
    });

    it('binds named parameters, including one used twice and a null', async () => {
      await w.insertRows('sales', [sale(1), sale(2), sale(3)]);
      const rows = await w.query<{ order_id: string }>(
        `SELECT order_id FROM ${t('sales')} WHERE (@item IS NULL OR item = @item) AND amount >= @min ORDER BY order_id`,
        { item: 'Masala Chai', min: 101 },
      );
      expect(rows.map((r) => r.order_id)).toEqual(['ORD-1', 'ORD-3']);
      const all = await w.query(`SELECT order_id FROM ${t('sales')} WHERE (@item IS NULL OR item = @item)`, {
        item: null,
      });
      expect(all).toHaveLength(3);
    });

    it('inserts thousands of rows in one call and reports how many', async () => {
      const rows = Array.from({ length: 2_500 }, (_, i) => sale(i));
      expect(await w.insertRows('sales', rows)).toBe(2_500);
      const [agg] = await w.query<{ n: number; total: number }>(
        `SELECT COUNT(*) AS n, SUM(amount) AS total FROM ${t('sales')}`,
      );
      // Σ (100 + i) for i < 2500 = 250000 + 2500·2499/2
      expect(agg).toEqual({ n: 2_500, total: 250_000 + 3_123_750 });
    });

    it('inserts all rows or none: one bad row in a large batch leaves the table empty', async () => {
      const rows = Array.from({ length: 1_200 }, (_, i) => sale(i));
      rows[1_100] = sale(1_100, { amount: null });
      await expect(w.insertRows('sales', rows)).rejects.toBeInstanceOf(TitanError);
      expect(await count('sales')).toBe(0);
    });

    it('inserts a block: shared values once, nulls, a column null in every row, values in column order', async () => {
      const columns = ['date', 'order_id', 'item', 'qty', 'amount', 'category', '_row_hash'];
      const values = Array.from({ length: 9_000 }, (_, i) => [
        `2026-11-${String((i % 28) + 1).padStart(2, '0')}`,
        `ORD-${i}`,
        i % 3 === 0 ? null : 'Idli',
        (i % 3) + 1,
        100 + i,
        null,
        `h${i}`,
      ]).flat();
      const shared = { org_id: 'cafe', location_id: 'indiranagar', _source_file: 'nov.csv' };
      expect(await w.insertBlock('sales', { columns, values, shared })).toBe(9_000);
      const rows = await w.query<Row>(
        `SELECT order_id, item, qty, amount, category, org_id, _source_file, _row_hash FROM ${t('sales')} WHERE order_id IN ('ORD-0', 'ORD-8999')`,
      );
      expect(rows.sort((a, b) => String(a.order_id).localeCompare(String(b.order_id)))).toEqual([
        {
          order_id: 'ORD-0',
          item: null,
          qty: 1,
          amount: 100,
          category: null,
          org_id: 'cafe',
          _source_file: 'nov.csv',
          _row_hash: 'h0',
        },
        {
          order_id: 'ORD-8999',
          item: 'Idli',
          qty: 3,
          amount: 9099,
          category: null,
          org_id: 'cafe',
          _source_file: 'nov.csv',
          _row_hash: 'h8999',
        },
      ]);
      const [agg] = await w.query<{ n: number; total: number }>(
        `SELECT COUNT(*) AS n, SUM(amount) AS total FROM ${t('sales')}`,
      );
      // Σ (100 + i) for i < 9000 = 900000 + 9000·8999/2
      expect(agg).toEqual({ n: 9_000, total: 900_000 + 40_495_500 });
    });

    it('inserts a block of identical rows, and a block of one row', async () => {
      const columns = ['org_id', 'location_id', 'date', 'amount'];
      const same = ['cafe', 'indiranagar', '2026-11-05', 50];
      expect(await w.insertBlock('sales', { columns, values: [...same, ...same, ...same] })).toBe(3);
      expect(await w.insertBlock('sales', { columns, values: same })).toBe(1);
      expect(await count('sales')).toBe(4);
    });

    it('inserts a block all or nothing: one bad row leaves the table empty', async () => {
      const columns = ['org_id', 'location_id', 'date', 'amount'];
      const values = Array.from({ length: 1_200 }, (_, i) => [
        'cafe',
        'indiranagar',
        '2026-11-05',
        i === 1_100 ? null : i,
      ]).flat();
      await expect(w.insertBlock('sales', { columns, values })).rejects.toBeInstanceOf(TitanError);
      expect(await count('sales')).toBe(0);
    });

    it('rejects a column the table does not have, naming it', async () => {
      const err = await w.insertRows('sales', [sale(1, { table_number: 'T4' })]).catch((e: unknown) => e);
      expect(err).toMatchObject({
        code: 'warehouse.query_failed',
        message: expect.stringContaining('table_number'),
      });
    });

    it('reports rows changed by UPDATE and DELETE', async () => {
      await w.insertRows('sales', [sale(1), sale(2), sale(3)]);
      expect(
        await w.execute(`UPDATE ${t('sales')} SET status = @s WHERE item = @item`, {
          s: 'void',
          item: 'Masala Chai',
        }),
      ).toBe(2);
      expect(await w.execute(`DELETE FROM ${t('sales')} WHERE status = @s`, { s: 'void' })).toBe(2);
      expect(await count('sales')).toBe(1);
    });

    it('commits a transaction and returns what its function returned', async () => {
      const result = await w.transaction(async (tx) => {
        await tx.insertRows('sales', [sale(1), sale(2)]);
        await tx.execute(`UPDATE ${t('sales')} SET status = @s WHERE order_id = @id`, {
          s: 'Success',
          id: 'ORD-1',
        });
        const seen = await tx.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${t('sales')}`);
        return seen[0]?.n;
      });
      expect(result).toBe(2);
      expect(await w.query(`SELECT status FROM ${t('sales')} WHERE order_id = @id`, { id: 'ORD-1' })).toEqual(
        [{ status: 'Success' }],
      );
    });

    it('rolls a transaction back when its function throws, and rethrows the same error', async () => {
      await w.insertRows('sales', [sale(1)]);
      const boom = new Error('stop here');
      const err = await w
        .transaction(async (tx) => {
          await tx.insertRows('sales', [sale(2), sale(3)]);
          await tx.execute(`DELETE FROM ${t('sales')} WHERE order_id = @id`, { id: 'ORD-1' });
          throw boom;
        })
        .catch((e: unknown) => e);
      expect(err).toBe(boom);
      expect(await w.query(`SELECT order_id FROM ${t('sales')}`)).toEqual([{ order_id: 'ORD-1' }]);
    });

    it('refuses, at once, a query on the warehouse instead of the tx inside a transaction', async () => {
      const err = await w
        .transaction(async () => w.query(`SELECT COUNT(*) AS n FROM ${t('sales')}`))
        .catch((e: unknown) => e);
      expect(err).toMatchObject({
        code: 'internal',
        message: expect.stringContaining('on the tx it passes'),
      });
      expect(await count('sales')).toBe(0);
    });

    it('computes the dialect seams the same way', async () => {
      const d = w.dialect;
      const [row] = await w.query(
        `SELECT ${d.addDays(d.dateParam('day'), 3)} AS plus3, ${d.addDays(d.dateParam('day'), -1)} AS minus1,
                ${d.dayOfWeek(d.dateParam('day'))} AS dow, ${d.daysBetween(d.dateParam('from'), d.dateParam('day'))} AS days,
                ${d.safeDivide('1', '4')} AS quarter, ${d.safeDivide('1', '0')} AS none,
                CASE WHEN ${d.now()} > ${d.timestampParam('past')} THEN 1 ELSE 0 END AS after_past`,
        { day: '2026-11-01', from: '2026-10-01', past: '2000-01-01T00:00:00.000Z' },
      );
      // 1 November 2026 is a Sunday.
      expect(row).toEqual({
        plus3: '2026-11-04',
        minus1: '2026-10-31',
        dow: 0,
        days: 31,
        quarter: 0.25,
        none: null,
        after_past: 1,
      });
    });

    it('applies the dialect to columns: weekday revenue from stored dates', async () => {
      await w.insertRows('sales', [
        sale(0, { date: '2026-11-01', amount: 300 }),
        sale(1, { date: '2026-11-08', amount: 200 }),
        sale(2, { date: '2026-11-02', amount: 50 }),
      ]);
      const d = w.dialect;
      const rows = await w.query(
        `SELECT ${d.dayOfWeek('date')} AS dow, SUM(amount) AS revenue FROM ${t('sales')}
         WHERE date BETWEEN ${d.dateParam('from')} AND ${d.dateParam('to')} GROUP BY 1 ORDER BY 1`,
        { from: '2026-11-01', to: '2026-11-30' },
      );
      expect(rows).toEqual([
        { dow: 0, revenue: 500 },
        { dow: 1, revenue: 50 },
      ]);
    });

    it('compares stored timestamps with a timestamp parameter', async () => {
      await w.insertRows('system_locks', [
        {
          lock_name: 'a',
          owner: 'p1',
          acquired_at: '2026-11-01T10:00:00.000Z',
          expires_at: '2026-11-01T10:01:00.000Z',
        },
        {
          lock_name: 'b',
          owner: 'p2',
          acquired_at: '2026-11-01T10:00:00.000Z',
          expires_at: '2026-11-01T11:00:00.000Z',
        },
      ]);
      const live = await w.query(
        `SELECT lock_name FROM ${t('system_locks')} WHERE expires_at > ${w.dialect.timestampParam('now')}`,
        { now: '2026-11-01T10:30:00.000Z' },
      );
      expect(live).toEqual([{ lock_name: 'b' }]);
    });

    it('turns a bad query into a TitanError that says the query failed', async () => {
      const err = await w.query(`SELECT no_such_column FROM ${t('sales')}`).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TitanError);
      expect(err).toMatchObject({ code: 'warehouse.query_failed' });
    });

    it('reports itself healthy', async () => {
      expect(await w.health()).toMatchObject({ ok: true, kind: w.kind });
    });
  });
}
