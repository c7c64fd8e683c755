// Every sheet of a workbook is accounted for: read (sheets of one layout as one table, in tab order, in any thread) or
// named with why not.
import { readdirSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { SheetRowSource } from '../../../../../src/core/ingest/parse/row-source.ts';
import { parseXlsx } from '../../../../../src/core/ingest/parse/xlsx/xlsx.ts';
import type { SkippedSheet } from '../../../../../src/core/ingest/parse/xlsx/xlsx-skipped.ts';
import type { RawTable } from '../../../../../src/core/ingest/port.ts';
import type { PreparedFile } from '../../../../../src/core/ingest/prepare.ts';
import { createFilePreparer } from '../../../../../src/core/ingest/prepare-file.ts';
import { DEFAULT_SCOPE } from '../../../../../src/core/model/scope.ts';
import { CORPUS, corpus, fromCorpus } from '../../../../helpers/corpora.ts';
import { allRows, incoming, tempDir } from '../fixtures.ts';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** The sheets a table's rows come from, by name. */
const sheetsOf = (table: RawTable): string[] =>
  (table.source as SheetRowSource).parts.map((p) => p.sheet.name ?? '');

async function monthsBook(): Promise<string> {
  const book = new ExcelJS.Workbook();
  const header = ['Date', 'Item', 'Amount'];
  book.addWorksheet('Jan').addRows([['Register, January'], header, ['02/01/2026', 'Tea', 20]]);
  book.addWorksheet('Feb').addRows([header, ['03/02/2026', 'Coffee', 30], ['Total', '', 30]]);
  book.addWorksheet('Mar').addRows([header.map((h) => h.toUpperCase()), ['04/03/2026', 'Vada', 15]]);
  book.addWorksheet('Stock').addRows([
    ['Date', 'Item', 'Closing Qty'],
    ['31/03/2026', 'Milk', 4],
  ]);
  const file = tmp.file('months.xlsx', '');
  await book.xlsx.writeFile(file);
  return file;
}

describe('sheets of one layout', () => {
  it('are one table, rows in tab order, each sheet with its own preamble and totals', async () => {
    const tables = await parseXlsx(incoming(await monthsBook()));
    expect(tables.map((t) => t.name)).toEqual(['Jan, Feb, Mar', 'Stock']);
    expect(sheetsOf(tables[0]!)).toEqual(['Jan', 'Feb', 'Mar']);
    expect(await allRows(tables[0]!)).toEqual([
      ['02/01/2026', 'Tea', '20'],
      ['03/02/2026', 'Coffee', '30'],
      ['04/03/2026', 'Vada', '15'],
    ]);
  });

  it('keep the first of two copies of a sheet, and every sheet whose rows are its own', async () => {
    const book = new ExcelJS.Workbook();
    const rows = [
      ['Date', 'Item', 'Amount'],
      ['02/01/2026', 'Tea', 20],
      ['02/01/2026', 'Tea', 20],
    ];
    book.addWorksheet('Jan').addRows(rows);
    book.addWorksheet('Jan (2)').addRows(rows);
    book.addWorksheet('Feb').addRows([rows[0]!, ['02/02/2026', 'Tea', 20]]);
    const file = tmp.file('copies.xlsx', '');
    await book.xlsx.writeFile(file);
    const skipped: SkippedSheet[] = [];
    const [table] = await parseXlsx(incoming(file), { onSheetSkipped: (s) => skipped.push(s) });
    expect(sheetsOf(table!)).toEqual(['Jan', 'Feb']);
    // A bill's two identical lines are two sales: rows within a sheet are never merged.
    expect(await allRows(table!)).toHaveLength(3);
    expect(skipped).toEqual([
      { sheet: 'Jan (2)', reason: expect.stringMatching(/^repeats the rows of "Jan" /) },
    ]);
  });

  it('are read the same by the row worker as on the main thread', async () => {
    const file = incoming(await monthsBook());
    const drain = async (prepared: PreparedFile) => {
      const texts: string[] = [];
      try {
        for await (const batch of prepared.batches) texts.push(batch.text);
      } finally {
        await prepared.close?.();
      }
      return texts.join('');
    };
    const mappings = { get: async () => undefined, put: async () => {} };
    const prepare = (workerMinBytes: number) => createFilePreparer({ mappings, workerMinBytes });
    const here = await drain(await prepare(Number.POSITIVE_INFINITY)(file, 'sales', DEFAULT_SCOPE));
    const worker = await drain(await prepare(0)(file, 'sales', DEFAULT_SCOPE));
    expect(here).toContain('Vada');
    expect(worker).toBe(here);
  });
});

const expected = corpus('spreadsheets/sheetjs/expected_excel2011_csv');
const workbooks = fromCorpus(
  () =>
    readdirSync(expected)
      .filter((f) => f.endsWith('.xlsx.sheetnames'))
      .map((f) => f.replace(/\.sheetnames$/, '')),
  [],
);

describe('every sheet of the SheetJS workbooks', CORPUS, () => {
  // Also keeps the suite from being empty (an error, not a skip) in a checkout without the corpus.
  it('covers the corpus workbooks that have Excel exports', () => {
    expect(workbooks.length).toBeGreaterThan(0);
  });

  it.each(workbooks)('%s: each tab is read or named with why not', async (name) => {
    const tabs = readFileSync(`${expected}/${name}.sheetnames`, 'utf8').split('\n').filter(Boolean);
    const skipped: SkippedSheet[] = [];
    const file = incoming(corpus('spreadsheets/sheetjs/files', name));
    const tables = await parseXlsx(file, { onSheetSkipped: (s) => skipped.push(s) }).catch(
      (err: Error) => err,
    );
    if (tables instanceof Error) {
      for (const tab of tabs) expect(tables.message).toContain(`"${tab}"`);
      return;
    }
    const read = tables.flatMap(sheetsOf);
    expect([...read, ...skipped.map((s) => s.sheet)].sort()).toEqual([...tabs].sort());
    // Tables come in tab order.
    expect(read).toEqual(tabs.filter((t) => read.includes(t)));
    for (const s of skipped) expect(s.reason).not.toBe('');
  });
});
