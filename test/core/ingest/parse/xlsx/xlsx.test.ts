import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapTable } from '../../../../../src/core/ingest/map/map-table.ts';
import { parseDate } from '../../../../../src/core/ingest/normalise/date.ts';
import { parseFile } from '../../../../../src/core/ingest/parse/parse-file.ts';
import { parseXlsx } from '../../../../../src/core/ingest/parse/xlsx/xlsx.ts';
import { CORPUS, corpus } from '../../../../helpers/corpora.ts';
import { createNamedNormaliser } from '../../named-rows.ts';
import { buildZip } from '../../zip-writer.ts';
import { allRows, incoming, salesWorkbook, tempDir, xlsxParts } from '../fixtures.ts';

const tmp = tempDir();
const sheetjs = (name: string) => incoming(corpus('spreadsheets/sheetjs/files', name));
let salesPath = '';

beforeAll(async () => {
  salesPath = tmp.file('sales.xlsx', '');
  await salesWorkbook().xlsx.writeFile(salesPath);
});
afterAll(() => tmp.cleanup());

describe('parseXlsx on an owner’s workbook', () => {
  it('finds the header under a merged title, fills the merged date, keeps cached results, skips totals', async () => {
    const tables = await parseXlsx(incoming(salesPath));
    // "Notes" has no table and "Lookups" is hidden: only the register is offered.
    expect(tables.map((t) => t.name)).toEqual(['March']);
    const [march] = tables;
    expect(march!.headers).toEqual([
      'Bill Date',
      'Bill No',
      'Item Name',
      'Qty',
      'Rate',
      'Amt (Rs)',
      'Status',
    ]);
    expect(await allRows(march!)).toEqual([
      ['2024-03-05', 'B-101', 'Masala Dosa', '2', '60', '120', 'Settled'],
      [
        '2024-03-05',
        'B-102',
        '=HYPERLINK("http://evil.example","Filter Coffee")',
        '1',
        '25',
        '25',
        'Printed',
      ],
      ['2024-03-06', 'B-103', 'Idli', '3', '30', '90', 'Cancelled'],
    ]);
  });

  it('maps and normalises it into canonical sales rows, the HYPERLINK text kept as text', async () => {
    const [march] = await parseXlsx(incoming(salesPath));
    const mapping = await mapTable({ table: march!, category: 'sales' });
    const convert = createNamedNormaliser(mapping, 'sales');
    const rows = (await allRows(march!)).map(convert);
    expect(rows).toMatchObject([
      {
        ok: true,
        row: {
          date: '2024-03-05',
          order_id: 'B-101',
          qty: 2,
          unit_price: 60,
          amount: 120,
          status: 'completed',
        },
      },
      { ok: true, row: { item: '=HYPERLINK("http://evil.example","Filter Coffee")', amount: 25 } },
      { ok: true, row: { date: '2024-03-06', item: 'Idli', status: 'void' } },
    ]);
  });

  it('reads a workbook whose sheets come before its shared strings, as Google Sheets writes them', async () => {
    const parts = await xlsxParts(salesPath);
    const shared = parts.filter((p) => p.name === 'xl/sharedStrings.xml');
    const reordered = [...parts.filter((p) => p.name !== 'xl/sharedStrings.xml'), ...shared];
    const file = tmp.file('sheets-first.xlsx', buildZip(reordered));
    for (let i = 0; i < 3; i++) {
      const [march] = await parseXlsx(incoming(file));
      expect(march!.headers[0]).toBe('Bill Date');
      expect((await allRows(march!))[0]?.[2]).toBe('Masala Dosa');
    }
  });

  it('reads a workbook with inline strings only (no shared-string table)', async () => {
    const file = tmp.file('inline.xlsx', '');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const ws = writer.addWorksheet('Expenses');
    ws.addRow(['Date', 'Particulars', 'Amount']).commit();
    ws.addRow(['01/02/2024', 'Gas refill', 1850]).commit();
    await writer.commit();
    const [table] = await parseXlsx(incoming(file));
    expect(await allRows(table!)).toEqual([['01/02/2024', 'Gas refill', '1850']]);
  });
});

describe('parseXlsx on the SheetJS corpus', CORPUS, () => {
  it('repeats a merged cell’s value across its range', async () => {
    const [merge] = await parseXlsx(sheetjs('merge_cells.xlsx'));
    expect(merge!.headers.slice(0, 3)).toEqual(['A1:B2', 'A1:B2 (2)', 'C1:C2']);
    expect(await allRows(merge!)).toEqual([
      ['A3:B3', 'A3:B3', 'C3'],
      ['… are merged separately', '… are merged separately'],
    ]);
  });

  it('reads a date typed t="d" (ISO text in the cell)', async () => {
    const [sheet] = await parseXlsx(sheetjs('xlsx-stream-d-date-cell.xlsx'));
    const date = (await allRows(sheet!)).find((r) => r[0] === 'Date');
    expect(parseDate(date![1]!)).toBe('2014-02-14');
  });

  it('reads formulas as Excel’s cached results, matching Excel’s own CSV export', async () => {
    const text = (await parseXlsx(sheetjs('formula_stress_test.xlsx'))).find((t) => t.name === 'Text')!;
    const excel = readFileSync(
      corpus('spreadsheets/sheetjs/expected_excel2011_csv/formula_stress_test.xlsx.9.csv'),
      'utf8',
    )
      .split('\n')
      .map((line) => line.split(','));
    const ours = new Map([text.headers, ...(await allRows(text))].map((r) => [r[0], r[1]]));
    for (const fn of [
      'CONCATENATE',
      'LOWER',
      'PROPER',
      'UPPER',
      'LEFT',
      'MID',
      'REPT',
      'SUBSTITUTE',
      'TRIM',
    ]) {
      expect(ours.get(fn), fn).toBe(excel.find((r) => r[0] === fn)?.[1]);
    }
  });

  it('reads every sheet, in workbook order, and skips hidden ones', async () => {
    // This file puts its sheets before its shared strings, and in its zip "survey" comes last; its tabs put it first.
    for (let i = 0; i < 3; i++) {
      const tables = await parseXlsx(sheetjs('mixed_sheets.xlsx'));
      expect(tables.map((t) => t.name)).toEqual(['survey', 'choices', 'settings']);
      expect(tables[1]!.sample).toEqual([
        ['yes_no', 'Yes', 'Yes'],
        ['yes_no', 'No', 'No'],
      ]);
    }
    expect((await parseXlsx(sheetjs('sheet_visibility.xlsx'))).map((t) => t.name)).toEqual(['Visible']);
  });

  it('finds a header that is not on row 1', async () => {
    const [table] = await parseXlsx(incoming(corpus('csv/csvkit_examples/examples/test_skip_lines.xlsx')));
    expect(table!.headers.slice(0, 3)).toEqual(['text', 'date', 'integer']);
  });
});

describe('parseFile refuses what it cannot read, saying why', () => {
  it.each([
    ['password_2002_40_xor.xls', /Excel 97–2003 \(\.xls\).*save it as \.xlsx or CSV/],
    ['merge_cells.xls', /Excel 97–2003/],
    ['merge_cells.ods', /OpenDocument.*\.xlsx or CSV/],
    ['wtf_path.xlsx', /save it as \.xlsx/],
  ])('%s', CORPUS, async (name, reason) => {
    await expect(parseFile(sheetjs(name), { category: 'sales' })).rejects.toMatchObject({
      code: 'ingest.unreadable',
      message: expect.stringMatching(reason),
    });
  });

  it('a workbook with a header and no rows', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sales').addRow(['Date', 'Item', 'Amount']);
    const file = tmp.file('header-only.xlsx', '');
    await wb.xlsx.writeFile(file);
    await expect(parseFile(incoming(file), { category: 'sales' })).rejects.toMatchObject({
      code: 'ingest.unreadable',
      message: expect.stringContaining('header row but no data rows'),
    });
  });
});
