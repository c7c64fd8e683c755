// Overlapping sales exports: order lines already stored are skipped and counted; lines within one file all stay.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIngestRecords } from '../../../../src/core/ingest/load/ingest-records.ts';
import { type LoadRequest, loadRows } from '../../../../src/core/ingest/load/load-rows.ts';
import { buildBatches, createRowBuilder } from '../../../../src/core/ingest/load/row-builder.ts';
import type { RowNormaliser } from '../../../../src/core/ingest/normalise/normalise-row.ts';
import { targetColumns } from '../../../../src/core/ingest/normalise/target-columns.ts';
import { DEFAULT_SCOPE } from '../../../../src/core/model/scope.ts';
import type { Warehouse } from '../../../../src/core/warehouse/port.ts';
import { createSqliteWarehouse } from '../../../../src/core/warehouse/sqlite.ts';
import { openFakeBigQueryWarehouse } from '../../../fakes/bigquery-warehouse.ts';

/** date, order id, item, qty, amount onto every sales column in order; an empty order id is null. */
const convert: RowNormaliser = ([date, orderId, item, qty, amount]) => {
  const given: Record<string, string | number | null> = {
    date: date ?? null,
    order_id: orderId || null,
    item: item ?? null,
    qty: Number(qty),
    amount: Number(amount),
    status: 'completed',
  };
  return { ok: true, values: targetColumns('sales').map((c) => given[c.name] ?? null) };
};

const ITEMS = [
  ['Filter Coffee', 40],
  ['Masala Dosa', 90],
  ['Veg Puff', 25.5],
] as const;

/** Order n's lines. Bill 450 holds two identical coffees; bill numbers restart daily, so the date is the 1st–10th. */
function orderLines(n: number): string[][] {
  const date = `2026-11-${String(1 + (n % 10)).padStart(2, '0')}`;
  if (n === 450) return [0, 1].map(() => [date, `B${n}`, 'Filter Coffee', '1', '40']);
  const [item, price] = ITEMS[n % ITEMS.length]!;
  const qty = 1 + (n % 3);
  return [[date, `B${n}`, item, String(qty), String(qty * price)]];
}

const orders = (from: number, to: number): string[][] =>
  Array.from({ length: to - from + 1 }, (_, i) => orderLines(from + i)).flat();

const revenue = (rows: readonly string[][]) => rows.reduce((sum, r) => sum + Number(r[4]), 0);

async function* batchesOf(rows: string[][], size: number): AsyncIterable<string[][]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

interface Opened {
  warehouse: Warehouse;
  close(): Promise<void>;
}

const engines: [string, () => Promise<Opened>][] = [
  [
    'sqlite',
    async () => {
      const warehouse = createSqliteWarehouse({ path: ':memory:' });
      return { warehouse, close: () => warehouse.close() };
    },
  ],
  ['bigquery (fake server)', openFakeBigQueryWarehouse],
];

describe.each(engines)('overlapping sales exports on %s', (_engine, open) => {
  let opened: Opened;
  const builder = () => createRowBuilder(convert, 'sales', DEFAULT_SCOPE);
  // 50 rows a batch: bill 450's two lines fall in different batches of both files.
  const load = (rows: string[][], over: Partial<LoadRequest> = {}) =>
    loadRows(opened.warehouse, createIngestRecords(opened.warehouse.dialect), {
      category: 'sales',
      scope: DEFAULT_SCOPE,
      fileName: 'orders-1.csv',
      contentHash: 'hash-1',
      jobId: null,
      ingestedAt: '2026-11-25T10:00:00.000Z',
      batches: buildBatches(batchesOf(rows, 50), builder()),
      columns: builder().columns,
      ...over,
    });
  const second = (name: string, hash: string) => ({
    fileName: name,
    contentHash: hash,
    ingestedAt: '2026-11-26T10:00:00.000Z',
  });
  const totals = async () =>
    (
      await opened.warehouse.query<{ n: number; revenue: number }>(
        `SELECT COUNT(*) AS n, SUM(amount) AS revenue FROM ${opened.warehouse.dialect.table('sales')}`,
      )
    )[0]!;

  beforeEach(async () => {
    opened = await open();
    await opened.warehouse.migrate();
  });
  afterEach(async () => {
    await opened.close();
  });

  it('stores orders 401–500 once when two exports overlap, skipping and counting the repeated lines', async () => {
    const first = orders(1, 500);
    const overlap = orders(401, 600);
    expect(await load(first)).toMatchObject({ outcome: 'loaded', rows: 501 });

    const result = await load(overlap, second('orders-2.csv', 'hash-2'));
    const repeated = orders(401, 500).length;
    expect(repeated).toBe(101);
    expect(result).toMatchObject({
      outcome: 'loaded',
      rows: overlap.length - repeated,
      note: `${repeated} rows already stored from an earlier export skipped`,
      report: { duplicates: repeated },
    });

    const union = orders(1, 600);
    expect(await totals()).toEqual({ n: union.length, revenue: revenue(union) });
    const [coffees] = await opened.warehouse.query<{ n: number }>(
      `SELECT COUNT(*) AS n FROM ${opened.warehouse.dialect.table('sales')} WHERE order_id = 'B450'`,
    );
    expect(coffees?.n).toBe(2);
  });

  it('loads a file of only stored orders as 0 rows, saying so, and never dedupes rows without an order id', async () => {
    const walkIn = ['2026-11-03', '', 'Filter Coffee', '1', '40'];
    const first = [...orders(1, 30), walkIn];
    await load(first);
    const result = await load([...orders(11, 20), walkIn], second('orders-again.csv', 'hash-2'));
    expect(result).toMatchObject({
      outcome: 'loaded',
      rows: 1,
      report: { duplicates: 10 },
    });
    const again = await load(orders(5, 25), {
      ...second('orders-third.csv', 'hash-3'),
      ingestedAt: '2026-11-27T10:00:00.000Z',
    });
    expect(again).toMatchObject({
      outcome: 'loaded',
      rows: 0,
      note: 'every row (21) already stored from an earlier export; nothing added',
      report: { duplicates: 21 },
    });
    expect((await totals()).n).toBe(first.length + 1);
  });

  it('keeps a bill of the same number on another day: the date is part of the key', async () => {
    await load(orders(1, 10));
    const nextDay = orders(1, 10).map(([, ...rest]) => ['2026-12-01', ...rest]);
    expect(await load(nextDay, second('december.csv', 'hash-2'))).toMatchObject({ rows: 10 });
    expect((await totals()).n).toBe(20);
  });
});
