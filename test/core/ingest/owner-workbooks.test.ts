// Owners' workbooks, POS exports, old files and photos, end to end: each loads with the figures its own rows give and
// keeps its item, category, payment and site columns, or fails with a reason the owner can act on. The expected figures
// are computed here from the test's rows, never by Titan's queries.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { createAnalyst } from '../../../src/core/analyst/analyst.ts';
import type { FileOutcome } from '../../../src/core/ingest/outcome.ts';
import { encodePng } from '../../../src/core/ingest/parse/pdf/png-encode.ts';
import type { IngestLlm } from '../../../src/core/ingest/prepare-file.ts';
import { DEFAULT_SCOPE } from '../../../src/core/model/scope.ts';
import { isSale } from '../../../src/core/semantic/predicates.ts';
import { createTaskService } from '../../../src/core/tasks/task-service.ts';
import { CATEGORY_TABLE, type Category } from '../../../src/core/warehouse/tables.ts';
import { CORPUS, corpus, fromCorpus } from '../../helpers/corpora.ts';
import { createIngestHarness, type IngestHarness } from './ingest-harness.ts';
import { xlsxParts } from './parse/fixtures.ts';
import { buildZip } from './zip-writer.ts';

type Cell = string | number | Date | null | { formula: string; result: number };
type Row = readonly Cell[];

const csv = (rows: readonly (readonly (string | number)[])[]): string =>
  `${rows.map((r) => r.map((c) => (typeof c === 'string' && /[",]/.test(c) ? `"${c}"` : String(c))).join(',')).join('\n')}\n`;
const sum = (xs: readonly number[]): number => Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100;
/** "1,23,456.00" → 123456: the figure an Indian-grouped amount in a test row stands for. */
const figure = (text: string): number => Number(text.replace(/[₹$,\s]/g, ''));

/** A workbook of named sheets, each given as rows; `hidden` sheets are hidden from the owner. */
async function workbook(
  sheets: Record<string, readonly Row[]>,
  options: { hidden?: string[]; formats?: Record<string, Record<number, string>> } = {},
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name, options.hidden?.includes(name) ? { state: 'hidden' } : {});
    for (const row of rows) sheet.addRow([...row]);
    for (const [col, format] of Object.entries(options.formats?.[name] ?? {}))
      sheet.getColumn(Number(col)).numFmt = format;
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Each source column is mapped onto its canonical column (kept, not dropped), as the report shows the owner. */
function expectKept(outcome: FileOutcome, kept: Record<string, string>): void {
  const pairs = Object.entries(kept).map(([source, column]) => ({ source, column }));
  expect(outcome.report?.mapping).toEqual(expect.arrayContaining(pairs));
}

const opened: IngestHarness[] = [];
afterEach(async () => {
  for (const h of opened.splice(0)) await h.close();
});

async function harness(llm?: IngestLlm) {
  const h = await createIngestHarness(llm === undefined ? {} : { llm });
  opened.push(h);
  const query = (sql: string) => h.warehouse.query<Record<string, unknown>>(sql);
  return {
    h,
    query,
    async ingest(name: string, content: string | Buffer, category: Category = 'sales'): Promise<FileOutcome> {
      const file = path.join(h.dir, name);
      await writeFile(file, content);
      const [outcome] = await h.ingest.ingestPaths([file], { category, scope: DEFAULT_SCOPE });
      return outcome!;
    },
    async total(category: Category = 'sales', where = '1 = 1'): Promise<number> {
      const table = CATEGORY_TABLE[category];
      return Number((await query(`SELECT ROUND(SUM(amount), 2) AS s FROM ${table} WHERE ${where}`))[0]!.s);
    },
  };
}

describe('workbooks: every sheet is read or named with why not', () => {
  const header = ['Bill Date', 'Bill No', 'Item Name', 'Category', 'Payment Mode', 'Qty', 'Amount'];
  const kept = { 'Item Name': 'item', Category: 'category', 'Payment Mode': 'payment_mode' };
  const january = [
    ['03/01/2026', 'J-1', 'Masala Dosa', 'Tiffin', 'Cash', 2, 240],
    ['17/01/2026', 'J-2', 'Filter Coffee', 'Beverages', 'UPI', 3, 120],
  ] as const;
  const february = [
    ['05/02/2026', 'F-1', 'Idli Vada', 'Tiffin', 'Card', 1, 80],
    ['21/02/2026', 'F-2', 'Paneer Roll', 'Rolls', 'UPI', 2, 300],
    ['28/02/2026', 'F-3', 'Filter Coffee', 'Beverages', 'Cash', 1, 40],
  ] as const;

  it('loads two months kept a sheet each, and names the cover, the empty and the hidden sheet with why', async () => {
    const t = await harness();
    const book = await workbook(
      {
        'Read me': [['Sales register, Jan–Feb 2026'], ['Prepared by the manager; figures in ₹']],
        'Jan 2026': [header, ...january],
        'Feb 2026': [['Tiruppur Café, February'], [], header, ...february],
        Sheet3: [],
        Rates: [
          ['Item', 'Rate'],
          ['Tea', 20],
        ],
      },
      { hidden: ['Rates'] },
    );
    const outcome = await t.ingest('register.xlsx', book);
    const lines = [...january, ...february];
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: lines.length });
    expect(await t.total()).toBe(sum(lines.map((l) => l[6])));
    expect(await t.query('SELECT date, item, category, payment_mode FROM sales ORDER BY date')).toEqual(
      lines.map((l) => ({
        date: `2026-${l[0].slice(3, 5)}-${l[0].slice(0, 2)}`,
        item: l[2],
        category: l[3],
        payment_mode: l[4],
      })),
    );
    expectKept(outcome, kept);
    expect(outcome.report?.sheetsSkipped).toEqual([
      {
        sheet: 'Read me',
        reason: expect.stringMatching(/^has no row of column names .*in its first 30 rows/),
      },
      { sheet: 'Sheet3', reason: 'is empty' },
      { sheet: 'Rates', reason: expect.stringMatching(/^is hidden: unhide it in Excel/) },
    ]);
  });

  it('loads the sales sheet and says a stock sheet beside it belongs in inventory', async () => {
    const t = await harness();
    const book = await workbook({
      Sales: [header, ...january],
      Stock: [
        ['Date', 'Item', 'Opening Qty', 'Closing Qty', 'Unit'],
        ['31/01/2026', 'Milk', 40, 12, 'litre'],
        ['31/01/2026', 'Rice', 25, 10, 'kg'],
      ],
    });
    const outcome = await t.ingest('month.xlsx', book);
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: january.length });
    expectKept(outcome, kept);
    expect(await t.total()).toBe(sum(january.map((l) => l[6])));
    expect(outcome.report?.sheetsSkipped).toEqual([
      {
        sheet: 'Stock',
        reason: 'looks like inventory, not sales: save it as a file of its own and upload it to inventory',
      },
    ]);
  });

  it('loads the sheet of the category asked for from a month book of sales, expenses and purchases', async () => {
    const book = await workbook({
      Sales: [header, ...january],
      Expenses: [
        ['Date', 'Expense Head', 'Paid To', 'Payment Mode', 'Amount'],
        ['01/01/2026', 'Electricity', 'TNEB', 'UPI', 4500],
        ['05/01/2026', 'Rent', 'Landlord', 'NEFT', 30000],
      ],
      Purchases: [
        ['Date', 'Vendor', 'Item', 'Qty', 'Unit', 'Rate', 'Amount', 'Invoice No'],
        ['02/01/2026', 'Aavin', 'Milk', 20, 'litre', 52, 1040, 'INV-9'],
      ],
    });
    const totals = { sales: sum(january.map((l) => l[6])), expenses: 34_500, purchases: 1040 };
    for (const category of ['sales', 'expenses', 'purchases'] as const) {
      const t = await harness();
      const outcome = await t.ingest('january.xlsx', book, category);
      expect(outcome.outcome, category).toBe('loaded');
      expect(await t.total(category), category).toBe(totals[category]);
      const others = (['sales', 'expenses', 'purchases'] as const).filter((c) => c !== category);
      expect(outcome.report?.sheetsSkipped, category).toEqual(
        others.map((other) => ({
          sheet: other[0]!.toUpperCase() + other.slice(1),
          reason: `looks like ${other}, not ${category}: save it as a file of its own and upload it to ${other}`,
        })),
      );
    }
  });

  it('loads one of two sales sheets laid out differently, saying the other must come on its own', async () => {
    const t = await harness();
    const swiggy = [
      ['2026-01-04', 'SW-88', 'Ghee Roast', 1, 210.5],
      ['2026-01-09', 'SW-91', 'Masala Dosa', 2, 236],
    ] as const;
    const book = await workbook({
      Counter: [header, ...january],
      Swiggy: [['Order Date', 'Order ID', 'Dish', 'Quantity', 'Net Amount'], ...swiggy],
    });
    const outcome = await t.ingest('both.xlsx', book);
    // The sheet the sales columns explain most (item, category and payment besides date and amount) is the one loaded.
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: january.length });
    expect(await t.total()).toBe(sum(january.map((l) => l[6])));
    expectKept(outcome, kept);
    expect(outcome.report?.sheetsSkipped).toEqual([
      {
        sheet: 'Swiggy',
        reason:
          'holds sales in other columns than "Counter", which was loaded: if its rows are other sales, not the same ones shown another way, save it as a file of its own and upload that too',
      },
    ]);
  });

  it('reads a side "Total" cell with its =SUM beside the header as no column, in a workbook of several sheets', async () => {
    const t = await harness();
    const expected = sum(february.map((l) => l[6]));
    const book = await workbook({
      Notes: [['Month end: check the UPI settlements']],
      February: [[...header, null, 'Total', { formula: 'SUM(G2:G4)', result: expected }], ...february],
    });
    const outcome = await t.ingest('feb.xlsx', book);
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: february.length });
    expect(await t.total()).toBe(expected);
    expectKept(outcome, kept);
    expect(outcome.report?.sheetsSkipped?.map((s) => s.sheet)).toEqual(['Notes']);
  });

  it('leaves out a pasted pivot summary and loads the rows it summarises', async () => {
    const t = await harness();
    const book = await workbook({
      Summary: [
        ['Row Labels', 'Sum of Amount'],
        ['Beverages', 120],
        ['Tiffin', 240],
        ['Grand Total', 360],
      ],
      Data: [header, ...january],
    });
    const outcome = await t.ingest('pivot.xlsx', book);
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: january.length });
    expectKept(outcome, kept);
    expect(await t.total()).toBe(sum(january.map((l) => l[6])));
    expect(outcome.report?.sheetsSkipped).toEqual([
      { sheet: 'Summary', reason: expect.stringMatching(/^is a pivot table, a summary of other rows/) },
    ]);
  });

  it('names a chart sheet and a sheet holding a pivot table, read from the workbook parts Excel writes', async () => {
    const t = await harness();
    const file = path.join(t.h.dir, 'plain.xlsx');
    await writeFile(file, await workbook({ Data: [header, ...january], Pivot: [['Month', 'Amount']] }));
    const parts = await xlsxParts(file);
    const edit = (name: string, change: (xml: string) => string) => {
      const part = parts.find((p) => p.name === name)!;
      part.data = Buffer.from(change(part.data.toString('utf8')));
    };
    edit('xl/workbook.xml', (xml) =>
      xml.replace('</sheets>', '<sheet name="Trend" sheetId="9" r:id="rIdChart"/></sheets>'),
    );
    edit('xl/_rels/workbook.xml.rels', (xml) =>
      xml.replace(
        '</Relationships>',
        '<Relationship Id="rIdChart" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
      ),
    );
    const rel = (type: string, target: string) =>
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/></Relationships>`;
    parts.push(
      {
        name: 'xl/chartsheets/sheet1.xml',
        data: Buffer.from(
          '<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>',
        ),
        deflate: true,
      },
      {
        name: 'xl/worksheets/_rels/sheet2.xml.rels',
        data: Buffer.from(rel('pivotTable', '../pivotTables/pivotTable1.xml')),
        deflate: true,
      },
    );
    const outcome = await t.ingest('charted.xlsx', buildZip(parts));
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: january.length });
    expectKept(outcome, kept);
    expect(outcome.report?.sheetsSkipped).toEqual([
      { sheet: 'Pivot', reason: expect.stringMatching(/^is a pivot table/) },
      { sheet: 'Trend', reason: 'is a chart, not a table of rows' },
    ]);
  });

  it('leaves out an "All" sheet that repeats the months, wherever its tab is, so nothing counts twice', async () => {
    const lines = [...january, ...february];
    for (const order of [
      ['Jan 2026', 'Feb 2026', 'All'],
      ['All', 'Jan 2026', 'Feb 2026'],
    ]) {
      const t = await harness();
      const sheets: Record<string, Row[]> = {
        'Jan 2026': [header, ...january],
        'Feb 2026': [header, ...february],
        All: [header, ...lines],
      };
      const book = await workbook(Object.fromEntries(order.map((name) => [name, sheets[name]!])));
      const outcome = await t.ingest('with-all.xlsx', book);
      expect(outcome).toMatchObject({ outcome: 'loaded', rows: lines.length });
      expectKept(outcome, kept);
      expect(await t.total()).toBe(sum(lines.map((l) => l[6])));
      expect(outcome.report?.sheetsSkipped).toEqual([
        {
          sheet: 'All',
          reason:
            'repeats the rows of "Jan 2026", "Feb 2026" (a roll-up or a copy): left out so no row is counted twice',
        },
      ]);
    }
  });

  it('loads the item sheet of a Petpooja export holding Order Master and Item Wise, warning against uploading both', async () => {
    const t = await harness();
    const items = [
      ['1', '01-03-2026', 'Masala Dosa', 'Tiffin', 2, 120, 240],
      ['1', '01-03-2026', 'Filter Coffee', 'Beverages', 2, 40, 80],
      ['2', '01-03-2026', 'Idli', 'Tiffin', 2, 50, 100],
    ] as const;
    const book = await workbook({
      'Order Master': [
        ['invoice_no', 'date', 'order_type', 'payment_type', 'total'],
        ['1', '01-03-2026', 'Dine In', 'Cash', 320],
        ['2', '01-03-2026', 'Delivery', 'UPI', 100],
      ],
      'Item Wise': [
        ['invoice_no', 'date', 'item_name', 'category_name', 'item_quantity', 'item_price', 'total'],
        ...items,
      ],
    });
    const outcome = await t.ingest('petpooja.xlsx', book);
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: items.length });
    expect(await t.total()).toBe(sum(items.map((l) => l[6])));
    expectKept(outcome, { item_name: 'item', category_name: 'category' });
    expect(outcome.report?.sheetsSkipped).toEqual([
      {
        sheet: 'Order Master',
        reason: expect.stringContaining('if its rows are other sales, not the same ones shown another way'),
      },
    ]);
  });

  it('fails a workbook none of whose sheets holds a table, naming each sheet and why', async () => {
    const t = await harness();
    const book = await workbook(
      {
        Cover: [['Monthly report'], ['Tiruppur Café']],
        Blank: [],
        Old: [header, ...january],
      },
      { hidden: ['Old'] },
    );
    const outcome = await t.ingest('cover.xlsx', book);
    expect(outcome).toMatchObject({ outcome: 'failed', code: 'ingest.unreadable' });
    expect(outcome.reason).toMatch(/^No sheet of this workbook holds a table Titan can load: /);
    expect(outcome.reason).toContain('"Cover" has no row of column names');
    expect(outcome.reason).toContain('"Blank" is empty');
    expect(outcome.reason).toContain('"Old" is hidden: unhide it in Excel');
    expect(await t.h.count('sales')).toBe(0);
  });
});

describe('Petpooja exports', () => {
  it('reads an Item Wise report under its title rows: item, category, payment and order type kept, the totals row dropped', async () => {
    const t = await harness();
    const header = [
      'invoice_no',
      'date',
      'order_type',
      'payment_type',
      'item_name',
      'category_name',
      'item_quantity',
      'item_price',
      'discount',
      'total',
    ];
    const lines = [
      ['INV-1001', '01-03-2026', 'Dine In', 'Cash', 'Masala Dosa', 'South Indian', 2, 120, 0, 240],
      ['INV-1001', '01-03-2026', 'Dine In', 'Cash', 'Filter Coffee', 'Beverages', 2, 45, 10, 80],
      ['INV-1002', '02-03-2026', 'Delivery', 'Online', 'Paneer Tikka', 'Starters', 1, 260, 26, 234],
      ['INV-1003', '15-03-2026', 'Pick Up', 'UPI', 'Veg Biryani', 'Rice', 3, 180, 0, 540],
    ] as const;
    const expected = sum(lines.map((l) => l[9]));
    const book = await workbook({
      'Item Wise': [
        ['Item Wise Report'],
        ['Restaurant: Tiruppur Café'],
        ['From 01-03-2026 To 31-03-2026'],
        [],
        header,
        ...lines,
        ['Total', '', '', '', '', '', 8, '', 36, expected],
      ],
    });
    const outcome = await t.ingest('item_wise.xlsx', book);
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: lines.length });
    expect(await t.total()).toBe(expected);
    expect(
      await t.query(
        'SELECT date, order_id, item, category, payment_mode, order_type, qty FROM sales ORDER BY rowid',
      ),
    ).toEqual(
      lines.map((l) => ({
        date: `2026-03-${l[1].slice(0, 2)}`,
        order_id: l[0],
        item: l[4],
        category: l[5],
        payment_mode: l[3],
        order_type: l[2],
        qty: l[6],
      })),
    );
    expectKept(outcome, {
      invoice_no: 'order_id',
      item_name: 'item',
      category_name: 'category',
      payment_type: 'payment_mode',
      order_type: 'order_type',
      total: 'amount',
    });
    expect(outcome.report?.unmapped).toEqual([]);
  });

  it('reads an Order Master CSV: the bill total is the amount, charges and tax kept out of it, payment kept', async () => {
    const t = await harness();
    const header = [
      'invoice_no',
      'date',
      'order_type',
      'payment_type',
      'my_amount',
      'discount',
      'container_charge',
      'service_charge',
      'total_tax',
      'round_off',
      'total',
      'status',
    ];
    const bills = [
      ['1', '2026-03-01 13:05:22', 'Dine In', 'Card', 640, 0, 0, 32, 33.6, -0.6, 705, 'Success'],
      ['2', '2026-03-01 20:41:09', 'Delivery', 'Online', 420, 42, 20, 0, 19.9, 0.1, 418, 'Success'],
      ['3', '2026-03-02 12:10:00', 'Pick Up', 'Cash', 180, 0, 10, 0, 9.5, 0.5, 200, 'Cancelled'],
      ['4', '2026-03-02 19:55:47', 'Dine In', 'UPI', 1250, 125, 0, 56.25, 59.06, -0.31, 1240, 'Success'],
    ] as const;
    const outcome = await t.ingest('order_master.csv', csv([header, ...bills]));
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: bills.length });
    expect(await t.total()).toBe(sum(bills.map((b) => b[10])));
    expect(await t.total('sales', isSale())).toBe(
      sum(bills.filter((b) => b[11] !== 'Cancelled').map((b) => b[10])),
    );
    expect(await t.query('SELECT order_id, payment_mode, order_time FROM sales ORDER BY order_id')).toEqual(
      bills.map((b) => ({ order_id: b[0], payment_mode: b[3], order_time: b[1].slice(11, 16) })),
    );
    expectKept(outcome, {
      invoice_no: 'order_id',
      payment_type: 'payment_mode',
      total: 'amount',
      status: 'status',
    });
  });

  it('reads an Order Master workbook whose amounts are text in lakh grouping ("1,23,456.00")', async () => {
    const t = await harness();
    const bills = [
      ['01/04/2026', 'B-1', 'Catering', 'NEFT', '1,23,456.00'],
      ['01/04/2026', 'B-2', 'Dine In', 'Cash', '2,345.50'],
      ['02/04/2026', 'B-3', 'Party Order', 'Cheque', '10,00,000.00'],
    ] as const;
    const book = await workbook({
      'Order Master': [['Date', 'invoice_no', 'order_type', 'payment_type', 'total'], ...bills],
    });
    const outcome = await t.ingest('order_master.xlsx', book);
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: bills.length });
    expectKept(outcome, { payment_type: 'payment_mode', invoice_no: 'order_id', total: 'amount' });
    expect(await t.total()).toBe(sum(bills.map((b) => figure(b[4]))));
    expect(await t.query('SELECT payment_mode FROM sales ORDER BY order_id')).toEqual(
      bills.map((b) => ({ payment_mode: b[3] })),
    );
  });
});

describe('rupees and dollars as owners write them', () => {
  it('reads ₹ with lakh grouping and day-first dates from a CSV, payment and site kept', async () => {
    const t = await harness();
    const lines = [
      ['13/05/2026', 'Main', 'Thali', 'Meals', 'UPI', '₹ 12,345'],
      ['14/05/2026', 'Main', 'Party Hall Booking', 'Events', 'NEFT', '₹1,23,456.00'],
      ['15/05/2026', 'Main', 'Sweets Box', 'Bakery', 'Cash', '₹ 999.50'],
    ] as const;
    const outcome = await t.ingest(
      'rupees.csv',
      csv([['Date', 'Outlet', 'Item', 'Category', 'Mode of Payment', 'Amount (₹)'], ...lines]),
    );
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: lines.length });
    expect(await t.total()).toBe(sum(lines.map((l) => figure(l[5]))));
    expect(await t.query('SELECT date, item, category, payment_mode FROM sales ORDER BY date')).toEqual(
      lines.map((l) => ({
        date: `2026-05-${l[0].slice(0, 2)}`,
        item: l[2],
        category: l[3],
        payment_mode: l[4],
      })),
    );
    expectKept(outcome, { Outlet: 'location_id', 'Mode of Payment': 'payment_mode', Category: 'category' });
    expect(outcome.report?.dateOrder?.order).toBe('day-first');
  });

  it('reads rupee-formatted number cells of a workbook as the numbers they hold', async () => {
    const t = await harness();
    const lines = [
      [new Date(Date.UTC(2026, 5, 1)), 'Wedding Order', 'Catering', 'NEFT', 245_000.75],
      [new Date(Date.UTC(2026, 5, 2)), 'Cold Coffee', 'Beverages', 'UPI', 1_180],
    ] as const;
    const book = await workbook(
      { Sales: [['Date', 'Item', 'Category', 'Payment', 'Net Amount'], ...lines] },
      { formats: { Sales: { 1: 'dd-mmm-yyyy', 5: '[$₹-4009] #,##,##0.00' } } },
    );
    const outcome = await t.ingest('formatted.xlsx', book);
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: lines.length });
    expectKept(outcome, {
      Item: 'item',
      Category: 'category',
      Payment: 'payment_mode',
      'Net Amount': 'amount',
    });
    expect(await t.total()).toBe(sum(lines.map((l) => l[4])));
    expect(await t.query('SELECT date, payment_mode FROM sales ORDER BY date')).toEqual([
      { date: '2026-06-01', payment_mode: 'NEFT' },
      { date: '2026-06-02', payment_mode: 'UPI' },
    ]);
  });

  it('reads a US café export: month-first dates, "$1,234.50", category and item kept', async () => {
    const t = await harness();
    const header = [
      'Date',
      'Time',
      'Category',
      'Item',
      'Qty',
      'Gross Sales',
      'Discounts',
      'Net Sales',
      'Transaction ID',
    ];
    const lines = [
      ['03/14/2026', '08:15:02', 'Coffee', 'Latte', 2, '$9.00', '$0.00', '$9.00', 'T-1'],
      ['03/14/2026', '09:02:40', 'Bakery', 'Croissant', 3, '$12.75', '-$1.25', '$11.50', 'T-2'],
      [
        '04/02/2026',
        '12:30:00',
        'Catering',
        'Office Lunch Box',
        40,
        '$1,240.00',
        '-$5.50',
        '$1,234.50',
        'T-3',
      ],
    ] as const;
    const outcome = await t.ingest('items-2026.csv', csv([header, ...lines]));
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: lines.length });
    expect(await t.total()).toBe(sum(lines.map((l) => figure(l[7]))));
    expect(await t.query('SELECT date, item, category, qty FROM sales ORDER BY order_id')).toEqual(
      lines.map((l) => ({
        date: `2026-${l[0].slice(0, 2)}-${l[0].slice(3, 5)}`,
        item: l[3],
        category: l[2],
        qty: l[4],
      })),
    );
    expect(outcome.report?.dateOrder?.order).toBe('month-first');
    expectKept(outcome, { Category: 'category', Item: 'item', 'Net Sales': 'amount' });
  });

  it('reads a US workbook of two months a sheet each, month-first dates written as text', async () => {
    const t = await harness();
    const header = ['Order Date', 'Item', 'Payment Method', 'Amount'];
    const may = [
      ['5/3/2026', 'Bagel', 'Card', 4.5],
      ['5/30/2026', 'Cold Brew', 'Cash', 5.25],
    ] as const;
    const june = [['6/18/2026', 'Muffin', 'Card', 3.75]] as const;
    const outcome = await t.ingest(
      'us.xlsx',
      await workbook({ May: [header, ...may], June: [header, ...june] }),
    );
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: 3 });
    expectKept(outcome, { Item: 'item', 'Payment Method': 'payment_mode' });
    expect(await t.total()).toBe(sum([...may, ...june].map((l) => l[3])));
    expect(await t.query('SELECT date, payment_mode FROM sales ORDER BY date')).toEqual([
      { date: '2026-05-03', payment_mode: 'Card' },
      { date: '2026-05-30', payment_mode: 'Cash' },
      { date: '2026-06-18', payment_mode: 'Card' },
    ]);
    expect(outcome.report?.dateOrder?.order).toBe('month-first');
    expect(outcome.report?.sheetsSkipped).toBeUndefined();
  });
});

describe('a file from 2015 loads like any other', () => {
  const lines = [
    ['14/03/2015', 'B-1', 'Masala Dosa', 'Tiffin', 'Cash', 2, 90],
    ['14/03/2015', 'B-2', 'Filter Coffee', 'Beverages', 'Cash', 4, 60],
    ['28/03/2015', 'B-3', 'Meals', 'Lunch', 'Card', 3, 210],
    ['02/04/2015', 'B-4', 'Idli', 'Tiffin', 'Cash', 5, 75],
  ] as const;
  const iso = (d: string) => `${d.slice(6)}-${d.slice(3, 5)}-${d.slice(0, 2)}`;
  const march = lines.filter((l) => l[0].slice(3) === '03/2015');

  it('keeps its 2015 dates (never moved to this year or refused as old) and the analyst answers about it', async () => {
    const t = await harness();
    const header = ['Bill Date', 'Bill No', 'Item', 'Category', 'Payment', 'Qty', 'Amount'];
    const outcome = await t.ingest('sales-2015.csv', csv([header, ...lines]));
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: lines.length });
    expectKept(outcome, { Item: 'item', Category: 'category', Payment: 'payment_mode' });
    expect(outcome.report?.skipped).toEqual([]);
    expect(await t.query('SELECT date, item, category, payment_mode FROM sales ORDER BY order_id')).toEqual(
      lines.map((l) => ({ date: iso(l[0]), item: l[2], category: l[3], payment_mode: l[4] })),
    );
    expect(await t.total('sales', "date BETWEEN '2015-03-01' AND '2015-03-31'")).toBe(
      sum(march.map((l) => l[6])),
    );

    const clock = { now: () => new Date('2026-11-25T02:30:00Z') };
    const tasks = createTaskService({ warehouse: t.h.warehouse, clock });
    const analyst = createAnalyst({ warehouse: t.h.warehouse, tasks, clock, tz: 'Asia/Kolkata' });
    const answer = await analyst.ask({ question: 'revenue in March 2015', scope: DEFAULT_SCOPE });
    expect(answer.facts).toContainEqual(
      expect.objectContaining({
        value: sum(march.map((l) => l[6])),
        period: expect.objectContaining({ from: '2015-03-01', to: '2015-03-31' }),
      }),
    );
    const day = await analyst.ask({ question: 'sales on 14 March 2015', scope: DEFAULT_SCOPE });
    expect(day.facts.map((f) => f.value)).toContain(
      sum(lines.filter((l) => l[0] === '14/03/2015').map((l) => l[6])),
    );
  });

  it('reads "15-Mar-2015" text and 2015 date cells in a purchases workbook', async () => {
    const t = await harness();
    const bought = [
      ['15-Mar-2015', 'Sri Murugan Traders', 'Rice', 'Grocery', 50, 42, 2100],
      ['3-Apr-2015', 'Aavin', 'Milk', 'Dairy', 120, 36, 4320],
    ] as const;
    const cells = [[new Date(Date.UTC(2015, 11, 31)), 'Metro', 'Oil', 'Grocery', 15, 140, 2100]] as const;
    const book = await workbook(
      { Purchases: [['Date', 'Vendor', 'Item', 'Category', 'Qty', 'Rate', 'Amount'], ...bought, ...cells] },
      { formats: { Purchases: { 1: 'dd/mm/yyyy' } } },
    );
    const outcome = await t.ingest('purchases-2015.xlsx', book, 'purchases');
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: 3 });
    expect(await t.total('purchases')).toBe(sum([...bought, ...cells].map((l) => l[6])));
    expect(await t.query('SELECT date, vendor, item, qty FROM purchases_master ORDER BY date')).toEqual([
      { date: '2015-03-15', vendor: 'Sri Murugan Traders', item: 'Rice', qty: 50 },
      { date: '2015-04-03', vendor: 'Aavin', item: 'Milk', qty: 120 },
      { date: '2015-12-31', vendor: 'Metro', item: 'Oil', qty: 15 },
    ]);
    expectKept(outcome, { Vendor: 'vendor', Item: 'item' });
    // The purchases table has no category column yet: left out, and said so.
    expect(outcome.report?.unmapped).toEqual(['Category']);
  });

  it('reads a 2015 workbook from old Mac Excel, whose dates count from 1904', async () => {
    const t = await harness();
    const book = new ExcelJS.Workbook();
    book.properties.date1904 = true;
    const sheet = book.addWorksheet('Sales');
    sheet.addRow(['Date', 'Item', 'Payment Mode', 'Amount']);
    const days = [
      [new Date(Date.UTC(2015, 2, 14)), 'Pongal', 'Cash', 55],
      [new Date(Date.UTC(2015, 10, 30)), 'Rava Dosa', 'Card', 75],
    ] as const;
    for (const row of days) sheet.addRow([...row]);
    sheet.getColumn(1).numFmt = 'dd/mm/yyyy';
    const outcome = await t.ingest('mac-2015.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: days.length });
    expectKept(outcome, { Item: 'item', 'Payment Mode': 'payment_mode' });
    expect(await t.total()).toBe(sum(days.map((d) => d[3])));
    expect(await t.query('SELECT date FROM sales ORDER BY date')).toEqual([
      { date: '2015-03-14' },
      { date: '2015-11-30' },
    ]);
  });

  it('reads a 2015 workbook kept a month a sheet, as one', async () => {
    const t = await harness();
    const header = ['Date', 'Item', 'Payment Mode', 'Amount'];
    const jan = [
      [new Date(Date.UTC(2015, 0, 3)), 'Tea', 'Cash', 12],
      [new Date(Date.UTC(2015, 0, 31)), 'Vada', 'Cash', 18],
    ] as const;
    const feb = [[new Date(Date.UTC(2015, 1, 14)), 'Cake', 'Card', 450]] as const;
    const book = await workbook(
      { 'Jan-15': [header, ...jan], 'Feb-15': [header, ...feb] },
      { formats: { 'Jan-15': { 1: 'dd-mmm-yy' }, 'Feb-15': { 1: 'dd-mmm-yy' } } },
    );
    const outcome = await t.ingest('2015.xlsx', book);
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: 3 });
    expectKept(outcome, { Item: 'item', 'Payment Mode': 'payment_mode' });
    expect(await t.total()).toBe(sum([...jan, ...feb].map((l) => l[3])));
    expect(await t.query('SELECT date FROM sales ORDER BY date')).toEqual([
      { date: '2015-01-03' },
      { date: '2015-01-31' },
      { date: '2015-02-14' },
    ]);
  });
});

describe('photos of bills', () => {
  /** A plain grey picture: what the sniffer sees as a PNG photo; vision, when faked, decides what it shows. */
  const photo = (): Buffer => Buffer.from(encodePng(64, 48, 1, new Uint8Array(64 * 48).fill(235)));
  const vision = (headers: string[], rows: string[][]): IngestLlm => ({
    extractTable: async () => ({ headers, rows }),
  });
  const spreadsheetAdvice = /rename|header|column|fix those rows/i;

  it('loads the table vision reads from a photo, with the figures it read', async () => {
    const lines = [
      ['12/06/2026', 'Toor Dal', 'Sri Murugan Traders', '25', '3,250.00'],
      ['12/06/2026', 'Sunflower Oil', 'Sri Murugan Traders', '10', '1,450.00'],
    ];
    const t = await harness(vision(['Date', 'Item', 'Vendor', 'Qty', 'Amount'], lines));
    const outcome = await t.ingest('bill.png', photo(), 'purchases');
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: 2 });
    expect(await t.total('purchases')).toBe(sum(lines.map((l) => figure(l[4]!))));
    expectKept(outcome, { Item: 'item', Vendor: 'vendor' });
  });

  it('says to retake a photo whose date and amount could not be found, never to rename headers', async () => {
    const t = await harness(
      vision(
        ['Artikel', 'Menge'],
        [
          ['Zahnpasta', '1'],
          ['Seife', '2'],
        ],
      ),
    );
    const outcome = await t.ingest('receipt.jpg', photo(), 'expenses');
    expect(outcome).toMatchObject({ outcome: 'failed', code: 'ingest.unmapped' });
    expect(outcome.reason).toMatch(
      /^Titan could not find the bill's date and amount in this photo: photograph the whole bill flat, in focus and in good light, with every line and the total in frame/,
    );
    expect(outcome.reason).not.toMatch(spreadsheetAdvice);
    expect(await t.h.count('expenses_master')).toBe(0);
  });

  it('says to retake a photo whose lines made no sense, never to fix rows', async () => {
    const smudged = Array.from({ length: 6 }, (_, i) => [
      i < 2 ? '12/06/2026' : 'l2/O6/2O26',
      `Item ${i}`,
      '100',
    ]);
    const t = await harness(vision(['Date', 'Item', 'Amount'], smudged));
    const outcome = await t.ingest('smudged.png', photo(), 'expenses');
    expect(outcome).toMatchObject({ outcome: 'failed', code: 'ingest.bad_rows' });
    expect(outcome.reason).toMatch(
      /^Titan could not make sense of 4 of the 6 lines it read from this photo: photograph/,
    );
    expect(outcome.reason).not.toMatch(spreadsheetAdvice);
  });

  it('keeps spreadsheet advice for a spreadsheet', async () => {
    const t = await harness();
    const outcome = await t.ingest(
      'odd.csv',
      csv([
        ['Artikel', 'Menge'],
        ['Zahnpasta', 1],
      ]),
      'expenses',
    );
    expect(outcome).toMatchObject({ outcome: 'failed', code: 'ingest.unmapped' });
    expect(outcome.reason).toContain('Rename those headers');
  });

  it('says to send an iPhone HEIC photo as JPEG or PNG, never to export it as CSV', async () => {
    const t = await harness(vision(['Date', 'Amount'], [['12/06/2026', '100']]));
    const heic = Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from('ftypheic\0\0\0\0mif1heic'),
      Buffer.alloc(4096, 7),
    ]);
    const outcome = await t.ingest('IMG_4021.HEIC', heic, 'expenses');
    expect(outcome).toMatchObject({ outcome: 'failed', code: 'ingest.unreadable' });
    expect(outcome.reason).toBe(
      'This is a HEIC picture, which Titan does not read: send the bill as a JPEG or PNG photo (on an iPhone: Settings → Camera → Formats → Most Compatible), or as a PDF.',
    );
  });

  it('says what to do about a photo offline OCR finds no bill in', async () => {
    const t = await harness();
    const outcome = await t.ingest('blank.png', photo(), 'expenses');
    expect(outcome).toMatchObject({ outcome: 'failed', code: 'ingest.unreadable' });
    expect(outcome.reason).toMatch(
      /^No table could be read from the photo .*photograph the whole bill flat, in focus/,
    );
    expect(outcome.reason).not.toMatch(/rename|fix those rows/i);
  }, 60_000);
});

describe('receipt photos read by offline OCR', CORPUS, () => {
  const dir = corpus('receipts/softmatic_german_receipts');
  const truth = fromCorpus(
    () =>
      readFileSync(path.join(dir, 'expected_from_filenames.csv'), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',') as [string, string, string, string, string]),
    [],
  );

  it('each loads dated as printed (2016 bills included) or fails saying what to do about the photo', async () => {
    const t = await harness();
    for (const [file, , date] of truth) {
      const outcome = await t.ingest(file, readFileSync(path.join(dir, file)), 'expenses');
      if (outcome.outcome === 'loaded') {
        const dates = await t.query(
          `SELECT DISTINCT date FROM expenses_master WHERE _source_file = '${file}'`,
        );
        expect(dates, file).toEqual([{ date }]);
      } else {
        expect(outcome.reason, file).toMatch(/photo/);
        expect(outcome.reason, file).toContain('in focus');
        expect(outcome.reason, file).not.toMatch(/rename|fix those rows|export/i);
      }
    }
  }, 180_000);
});
