// Owners' workbooks, POS exports, old files and photos, end to end: each loads with the figures its own rows give and
// keeps its item, category, payment and site columns, or fails with a reason the owner can act on. The expected figures
// are computed here from the test's rows, never by Titan's queries.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { createAnalyst } from '../../../src/core/analyst/analyst.ts';
import type { FileOutcome } from '../../../src/core/ingest/outcome.ts';
import type { IngestLlm } from '../../../src/core/ingest/prepare-file.ts';
import { DEFAULT_SCOPE } from '../../../src/core/model/scope.ts';
import { isSale } from '../../../src/core/semantic/predicates.ts';
import { createTaskService } from '../../../src/core/tasks/task-service.ts';
import type { Category } from '../../../src/core/warehouse/tables.ts';
import { CORPUS, corpus } from '../../helpers/corpora.ts';
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
    async total(table = 'sales', where = '1 = 1'): Promise<number> {
      return Number((await query(`SELECT ROUND(SUM(amount), 2) AS s FROM ${table} WHERE ${where}`))[0]!.s);
    },
  };
}

describe('workbooks: every sheet is read or named with why not', () => {
  const header = ['Bill Date', 'Bill No', 'Item Name', 'Category', 'Payment Mode', 'Qty', 'Amount'];
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
    expect(outcome.report?.mapping).toEqual(
      expect.arrayContaining([
        { source: 'Item Name', column: 'item' },
        { source: 'Category', column: 'category' },
        { source: 'Payment Mode', column: 'payment_mode' },
      ]),
    );
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
    expect(await t.total()).toBe(sum(january.map((l) => l[6])));
    expect(outcome.report?.sheetsSkipped).toEqual([
      {
        sheet: 'Stock',
        reason: 'looks like inventory, not sales: save it as a file of its own and upload it to inventory',
      },
    ]);
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
    expect(outcome.outcome).toBe('loaded');
    const loaded = outcome.rows === january.length ? 'Counter' : 'Swiggy';
    const other = loaded === 'Counter' ? 'Swiggy' : 'Counter';
    const lines = loaded === 'Counter' ? january.map((l) => l[6]) : swiggy.map((l) => l[4]);
    expect(await t.total()).toBe(sum(lines));
    expect(outcome.report?.sheetsSkipped).toEqual([
      {
        sheet: other,
        reason: `holds sales in other columns than "${loaded}", which was loaded: save it as a file of its own and upload that too`,
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
    expect(outcome.report?.mapping).toContainEqual({ source: 'Payment Mode', column: 'payment_mode' });
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
    expect(outcome.report?.sheetsSkipped).toEqual([
      { sheet: 'Pivot', reason: expect.stringMatching(/^is a pivot table/) },
      { sheet: 'Trend', reason: 'is a chart, not a table of rows' },
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
