// Owners' own exports, end to end: each loads with the figures its rows give, keeps its item, category, payment and
// site columns, and says how it was read (the report). A wrong sum or a dropped column fails the test.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Scope } from '../../../src/core/model/scope.ts';
import { isSale } from '../../../src/core/semantic/predicates.ts';
import type { Category } from '../../../src/core/warehouse/tables.ts';
import { createIngestHarness, type IngestHarness } from './ingest-harness.ts';

const csv = (rows: readonly (readonly (string | number)[])[]): string =>
  `${rows.map((r) => r.map(String).join(',')).join('\n')}\n`;
const sum = (xs: readonly number[]): number => Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100;

describe("owners' files", () => {
  let h: IngestHarness;
  beforeEach(async () => {
    h = await createIngestHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const ingest = (name: string, content: string | Buffer, category: Category = 'sales', scope?: Scope) =>
    h.ingestFile(name, content, category, scope);
  const rows = (sql: string) => h.warehouse.query<Record<string, unknown>>(sql);
  const total = async (where = '1 = 1') =>
    Number((await rows(`SELECT ROUND(SUM(amount), 2) AS s FROM sales WHERE ${where}`))[0]!.s);

  async function xlsx(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    fill(book.addWorksheet('Sales'));
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  describe('a header naming a column "Total"', () => {
    const lines = [
      ['01/11/2026', 'Masala Dosa', 2, 240],
      ['01/11/2026', 'Filter Coffee', 3, 120],
      ['02/11/2026', 'Idli Vada', 1, 80],
    ] as const;
    const expected = sum(lines.map((l) => l[3]));

    it('loads Date,Item,Qty,Total with Total as the amount, and still drops a totals row below the data', async () => {
      const content = csv([['Date', 'Item', 'Qty', 'Total'], ...lines, ['Grand Total', '', 6, expected]]);
      const outcome = await ingest('day.csv', content);
      expect(outcome).toMatchObject({ outcome: 'loaded', rows: 3 });
      expect(await total()).toBe(expected);
      expect(outcome.report?.mapping).toEqual([
        { source: 'Date', column: 'date' },
        { source: 'Item', column: 'item' },
        { source: 'Qty', column: 'qty' },
        { source: 'Total', column: 'amount' },
      ]);
      expect(outcome.report?.unmapped).toEqual([]);
    });

    it('keeps loading Date,Item,Qty,Amount, and TOTAL in capitals', async () => {
      expect(await ingest('a.csv', csv([['Date', 'Item', 'Qty', 'Amount'], ...lines]))).toMatchObject({
        outcome: 'loaded',
        rows: 3,
      });
      expect(
        await ingest('b.csv', csv([['DATE', 'ITEM', 'QTY', 'TOTAL'], ...lines.slice(0, 2)])),
      ).toMatchObject({
        outcome: 'loaded',
        rows: 2,
      });
      expect(await total()).toBe(sum([expected, 240, 120]));
    });

    it('finds the header of a workbook with a side "Total" cell and its =SUM beside it', async () => {
      const book = await xlsx((sheet) => {
        sheet.addRow([
          'Date',
          'Item',
          'Qty',
          'Amount',
          null,
          'Total',
          { formula: 'SUM(D:D)', result: expected },
        ]);
        for (const [date, item, qty, amount] of lines) sheet.addRow([date, item, qty, amount]);
      });
      const outcome = await ingest('day.xlsx', book);
      expect(outcome).toMatchObject({ outcome: 'loaded', rows: 3 });
      expect(await total()).toBe(expected);
      expect(await rows('SELECT item FROM sales ORDER BY item')).toEqual([
        { item: 'Filter Coffee' },
        { item: 'Idli Vada' },
        { item: 'Masala Dosa' },
      ]);
    });
  });

  it('reads a pizza shop order-lines file: pizza_name, pizza_category, total_price and order_type mapped', async () => {
    const head = ['order_details_id', 'order_id', 'pizza_id', 'quantity', 'order_date', 'order_time'];
    const tail = ['unit_price', 'total_price', 'pizza_size', 'pizza_category', 'pizza_name', 'order_type'];
    const lines = [
      [
        1,
        1,
        'hawaiian_m',
        1,
        '1/13/2015',
        '11:38:36',
        13.25,
        13.25,
        'M',
        'Classic',
        'The Hawaiian Pizza',
        'Dine In',
      ],
      [
        2,
        2,
        'classic_dlx_m',
        2,
        '1/13/2015',
        '11:57:40',
        16,
        32,
        'M',
        'Classic',
        'The Classic Deluxe Pizza',
        'Take Away',
      ],
      [
        3,
        2,
        'five_cheese_l',
        1,
        '1/14/2015',
        '11:57:40',
        18.5,
        18.5,
        'L',
        'Veggie',
        'The Five Cheese Pizza',
        'Delivery',
      ],
      [
        4,
        3,
        'ital_supr_l',
        1,
        '2/1/2015',
        '12:02:03',
        20.75,
        20.75,
        'L',
        'Supreme',
        'The Italian Supreme Pizza',
        'Delivery',
      ],
    ] as const;
    const outcome = await ingest('order_details.csv', csv([[...head, ...tail], ...lines]));
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: 4 });
    expect(await total()).toBe(sum(lines.map((l) => l[7])));
    expect(
      await rows(
        'SELECT date, order_id, item, category, qty, order_time, order_type FROM sales ORDER BY order_id, item',
      ),
    ).toEqual([
      {
        date: '2015-01-13',
        order_id: '1',
        item: 'The Hawaiian Pizza',
        category: 'Classic',
        qty: 1,
        order_time: '11:38',
        order_type: 'Dine In',
      },
      {
        date: '2015-01-13',
        order_id: '2',
        item: 'The Classic Deluxe Pizza',
        category: 'Classic',
        qty: 2,
        order_time: '11:57',
        order_type: 'Take Away',
      },
      {
        date: '2015-01-14',
        order_id: '2',
        item: 'The Five Cheese Pizza',
        category: 'Veggie',
        qty: 1,
        order_time: '11:57',
        order_type: 'Delivery',
      },
      {
        date: '2015-02-01',
        order_id: '3',
        item: 'The Italian Supreme Pizza',
        category: 'Supreme',
        qty: 1,
        order_time: '12:02',
        order_type: 'Delivery',
      },
    ]);
    const report = outcome.report!;
    expect(report.mapping).toEqual(
      expect.arrayContaining([
        { source: 'pizza_name', column: 'item' },
        { source: 'pizza_category', column: 'category' },
        { source: 'total_price', column: 'amount' },
      ]),
    );
    expect(report.mapping).toContainEqual({ source: 'order_type', column: 'order_type' });
    expect(report.unmapped).toEqual(expect.arrayContaining(['pizza_size', 'pizza_id']));
    expect(report.unmapped).not.toContain('order_type');
    expect(report.dateOrder).toEqual({
      order: 'month-first',
      evidence: expect.stringMatching(
        /^month first: row \d+ has 1\/13\/2015; no row has a first part above 12$/,
      ),
    });
  });

  it('reads a coffee vending log: coffee_name is the item, cash_type the payment mode, money the amount', async () => {
    const lines = [
      ['2024-03-01', '2024-03-01 10:15:50.520', 'card', 'ANON-0000-0000-0001', 38.7, 'Latte'],
      ['2024-03-01', '2024-03-01 12:19:22.539', 'card', 'ANON-0000-0000-0002', 38.7, 'Hot Chocolate'],
      ['2024-03-02', '2024-03-02 10:30:35.668', 'cash', '', 40, 'Americano'],
    ] as const;
    const outcome = await ingest(
      'index.csv',
      csv([['date', 'datetime', 'cash_type', 'card', 'money', 'coffee_name'], ...lines]),
    );
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: 3 });
    expect(await total()).toBe(sum(lines.map((l) => l[4])));
    expect(await rows('SELECT date, item, payment_mode FROM sales ORDER BY date, item')).toEqual([
      { date: '2024-03-01', item: 'Hot Chocolate', payment_mode: 'card' },
      { date: '2024-03-01', item: 'Latte', payment_mode: 'card' },
      { date: '2024-03-02', item: 'Americano', payment_mode: 'cash' },
    ]);
    expect(outcome.report?.mapping).toEqual(
      expect.arrayContaining([
        { source: 'cash_type', column: 'payment_mode' },
        { source: 'money', column: 'amount' },
        { source: 'coffee_name', column: 'item' },
      ]),
    );
    expect(outcome.report?.dateOrder?.order).toBe('iso');
  });

  it('keeps a POS bill with statuses it does not know: known ones folded, unknown ones kept, counted as sales and reported', async () => {
    const statuses = [
      ['Accepted', 'completed'],
      ['Success', 'completed'],
      ['Printed', 'completed'],
      ['Delivered', 'completed'],
      ['Saved', 'completed'],
      ['Settled', 'completed'],
      ['Part Paid', 'completed'],
      ['Complimentary', 'complimentary'],
      ['NC', 'complimentary'],
      ['Cancelled', 'void'],
      ['Void', 'void'],
      ['Deleted', 'void'],
      ['Rejected', 'void'],
      ['On Hold', 'On Hold'],
      ['Awaiting Pickup', 'Awaiting Pickup'],
    ] as const;
    const payments = ['Swiggy', 'Zomato', 'UPI', 'Cash'];
    const orderTypes = ['Dine In', 'Take Away', 'Delivery'];
    const lines = statuses.map(([status], i) => [
      `B-${100 + i}`,
      '05/11/2026',
      `Item ${i}`,
      1 + (i % 2),
      50 + i,
      (1 + (i % 2)) * (50 + i),
      payments[i % 4]!,
      orderTypes[i % 3]!,
      status,
    ]);
    const header = [
      'Bill No',
      'Bill Date',
      'Particulars',
      'Qty',
      'Rate',
      'Amount',
      'Payment Type',
      'Order Type',
      'Status',
    ];
    const outcome = await ingest('petpooja.csv', csv([header, ...lines]));
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: statuses.length });
    expect(await rows('SELECT item, status, payment_mode, order_type FROM sales ORDER BY order_id')).toEqual(
      statuses.map(([, status], i) => ({
        item: `Item ${i}`,
        status,
        payment_mode: payments[i % 4],
        order_type: orderTypes[i % 3],
      })),
    );
    // Revenue as the analyst counts it: every line neither void nor complimentary, the unknown ones included.
    const sales = lines.filter((_, i) => !['void', 'complimentary'].includes(statuses[i]![1]));
    expect(await total(isSale())).toBe(sum(sales.map((l) => l[5] as number)));
    expect(outcome.report?.unknownValues).toEqual([
      { column: 'Status', values: ['On Hold', 'Awaiting Pickup'] },
    ]);
    expect(outcome.report?.mapping).toEqual(
      expect.arrayContaining([
        { source: 'Particulars', column: 'item' },
        { source: 'Payment Type', column: 'payment_mode' },
        { source: 'Status', column: 'status' },
        { source: 'Order Type', column: 'order_type' },
      ]),
    );
    expect(outcome.report?.unmapped).toEqual([]);
  });

  describe('an amount the rows imply', () => {
    const lines = [
      ['01/11/2026', 'Masala Dosa', 2, 120, 10, 5],
      ['01/11/2026', 'Filter Coffee', 3, 40, 0, 0],
      ['02/11/2026', 'Paneer Roll', 1, 150, 15, ''],
    ] as const;
    const amount = (l: (typeof lines)[number]) => l[2] * l[3] - l[4] + (l[5] === '' ? 0 : l[5]);

    it('is qty × rate − discount + charges when the file has no amount column, and the report says so', async () => {
      const header = ['Date', 'Item', 'Qty', 'Rate', 'Discount', 'Packing Charges'];
      const outcome = await ingest('lines.csv', csv([header, ...lines]));
      expect(outcome).toMatchObject({ outcome: 'loaded', rows: 3 });
      expect(await rows('SELECT item, amount FROM sales ORDER BY item')).toEqual([
        { item: 'Filter Coffee', amount: 120 },
        { item: 'Masala Dosa', amount: 235 },
        { item: 'Paneer Roll', amount: 135 },
      ]);
      expect(await total()).toBe(sum(lines.map(amount)));
      expect(outcome.report?.mapping).toContainEqual({
        source: 'Qty × Rate − Discount + Packing Charges',
        column: 'amount',
      });
      expect(outcome.report?.notes).toContain(
        'amount ← qty × unit_price − discount + charges: the file has no amount column.',
      );
      expect(outcome.report?.unmapped).toEqual([]);
    });

    it('is qty × rate in a workbook with no discount', async () => {
      const book = await xlsx((sheet) => {
        sheet.addRow(['Bill Date', 'Item Name', 'Quantity', 'Price']);
        for (const l of lines) sheet.addRow([l[0], l[1], l[2], l[3]]);
      });
      const outcome = await ingest('lines.xlsx', book);
      expect(outcome).toMatchObject({ outcome: 'loaded', rows: 3 });
      expect(await total()).toBe(sum(lines.map((l) => l[2] * l[3])));
      expect(outcome.report?.mapping).toContainEqual({ source: 'Quantity × Price', column: 'amount' });
    });
  });

  describe('amount headers owners use', () => {
    const lines = [
      ['01/11/2026', 'Masala Dosa', 240],
      ['02/11/2026', 'Filter Coffee', 120.5],
    ] as const;
    for (const header of [
      'money',
      'total_cost',
      'Net Amount',
      'Gross Total',
      'Bill Amount',
      'Value',
      'Item Total',
      'Grand Total',
      'Sub Total',
    ]) {
      it(`takes "${header}" as the amount`, async () => {
        const outcome = await ingest('sales.csv', csv([['Date', 'Item', header], ...lines]));
        expect(outcome).toMatchObject({ outcome: 'loaded', rows: 2 });
        expect(outcome.report?.mapping).toContainEqual({ source: header, column: 'amount' });
        expect(await total()).toBe(360.5);
      });
    }

    it('prefers a net or item total over a gross or bill total, and says which it took', async () => {
      const header = ['Date', 'Item', 'Gross Total', 'Discount', 'Net Amount', 'Bill Amount'];
      const bill = [
        ['01/11/2026', 'Masala Dosa', 240, 20, 220, 330],
        ['01/11/2026', 'Filter Coffee', 120, 10, 110, 330],
      ];
      const outcome = await ingest('bill.csv', csv([header, ...bill]));
      expect(outcome).toMatchObject({ outcome: 'loaded', rows: 2 });
      expect(await total()).toBe(330);
      expect(outcome.report?.notes).toContain(
        'amount: took "Net Amount" over "Gross Total", "Bill Amount" (a net or line total before a gross or bill total).',
      );
      expect(outcome.report?.unmapped).toEqual(['Gross Total', 'Bill Amount']);
    });
  });

  describe('a file naming its site on every row', () => {
    const line = (i: number, outlet: string) => [`0${1 + (i % 9)}/11/2026`, outlet, `Item ${i % 5}`, 100 + i];

    it('fails, storing nothing, when its rows name two sites', async () => {
      const lines = [line(0, 'Indiranagar'), line(1, 'Koramangala'), line(2, 'Indiranagar')];
      const outcome = await ingest('both.csv', csv([['Date', 'Outlet', 'Item', 'Amount'], ...lines]));
      expect(outcome).toMatchObject({ outcome: 'failed', code: 'ingest.unmapped' });
      expect(outcome.reason).toMatch(
        /^This file holds 2 sites in its "Outlet" column \("Indiranagar", "Koramangala"\).*--location/,
      );
      expect(await h.count('sales')).toBe(0);
    });

    it('fails when the second site first appears past the sampled rows', async () => {
      const lines = Array.from({ length: 80 }, (_, i) => line(i, i < 75 ? 'Store 1' : 'Store 2'));
      const outcome = await ingest('late.csv', csv([['Date', 'store_location', 'Item', 'Amount'], ...lines]));
      expect(outcome).toMatchObject({ outcome: 'failed', reason: expect.stringContaining('2 sites') });
      expect(await h.count('sales')).toBe(0);
    });

    it('loads a one-site file into the scope, saying which site its rows named', async () => {
      const scope = { orgId: 'cafe_001', locationId: 'koramangala' };
      const lines = [line(0, 'Koramangala'), line(1, 'koramangala '), line(2, 'KORAMANGALA')];
      const outcome = await ingest(
        'one.csv',
        csv([['Date', 'Branch', 'Item', 'Amount'], ...lines]),
        'sales',
        scope,
      );
      expect(outcome).toMatchObject({ outcome: 'loaded', rows: 3 });
      expect(await rows('SELECT DISTINCT location_id FROM sales')).toEqual([{ location_id: 'koramangala' }]);
      expect(await total()).toBe(303);
      expect(outcome.report?.mapping).toContainEqual({ source: 'Branch', column: 'location_id' });
      expect(outcome.report?.notes).toContain(
        '"Branch" names one site, "Koramangala": its rows were loaded into location "koramangala".',
      );
    });
  });

  it('reads a purchase file\'s "Store" as the shop bought from, never as the owner\'s sites', async () => {
    const lines = [
      ['01/11/2026', 'DMart', 'Milk', 10, 52, 520],
      ['02/11/2026', 'Metro', 'Paneer', 2, 380, 760],
    ];
    const header = ['Date', 'Store', 'Item', 'Qty', 'Rate', 'Amount'];
    const outcome = await ingest('purchases.csv', csv([header, ...lines]), 'purchases');
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: 2 });
    expect(outcome.report?.unmapped).toEqual(['Store']);
  });

  it('reports rows skipped, by reason', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => [
      `0${1 + (i % 9)}/11/2026`,
      `Item ${i}`,
      i === 7 ? 'abc' : 10 + i,
    ]);
    lines.push(['someday', 'Item x', 5]);
    const outcome = await ingest('skips.csv', csv([['Date', 'Item', 'Amount'], ...lines]));
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: 39 });
    expect(outcome.report?.skipped).toEqual([
      { reason: 'amount is not a number', rows: 1 },
      { reason: 'date is not a date', rows: 1 },
    ]);
  });
});
