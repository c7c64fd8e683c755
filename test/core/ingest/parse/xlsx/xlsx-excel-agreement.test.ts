// The sheet reader against Excel itself: every text cell of the SheetJS corpus reads as Excel's own CSV export shows it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { sheetRows } from '../../../../../src/core/ingest/parse/xlsx/xlsx-sheet.ts';
import { readWorkbookInfo } from '../../../../../src/core/ingest/parse/xlsx/xlsx-workbook.ts';
import {
  DEFAULT_ZIP_LIMITS,
  readZipDirectory,
} from '../../../../../src/core/ingest/parse/xlsx/zip-directory.ts';
import { CORPUS, corpus, fromCorpus } from '../../../../helpers/corpora.ts';

const expected = corpus('spreadsheets/sheetjs/expected_excel2011_csv');
const workbooks = fromCorpus(
  () =>
    readdirSync(expected)
      .filter((name) => name.endsWith('.xlsx.sheetnames'))
      .map((name) => name.replace(/\.sheetnames$/, '')),
  [],
);

/**
 * A cell Excel exported as it is stored: text without digits (so no number, date or time it formatted),
 * not a boolean or an error, and not one its 2011 CSV export mangled (non-ASCII became "_" or U+FFFD).
 */
const isPlainText = (cell: string): boolean =>
  cell.trim() !== '' && !/\d|^(TRUE|FALSE)$|^#|\ufffd|^_+$/.test(cell);

/** Ours is a date or time: Excel shows it in the cell's format ("Sun", "Jan"), which Titan does not apply. */
const isDateText = (cell: string | undefined): boolean =>
  /^\d{4}-\d{2}-\d{2}|^\d{2}:\d{2}:\d{2}$/.test(cell ?? '');

/** Excel 2011 for Mac exported a line break inside a cell as a bare CR. */
const lines = (cell: string | undefined): string | undefined => cell?.replace(/\r\n?/g, '\n');

let compared = 0;

describe('xlsx sheet reader agrees with Excel', CORPUS, () => {
  afterAll(() => {
    // Not a vacuous pass: hundreds of cells were compared.
    expect(compared).toBeGreaterThan(200);
  });

  it('covers the corpus workbooks that have Excel exports', () => {
    expect(workbooks.length).toBeGreaterThanOrEqual(8);
  });

  for (const workbook of workbooks) {
    it(`reads the text cells of ${workbook} as Excel shows them`, async () => {
      const path = corpus('spreadsheets/sheetjs/files', workbook);
      const book = await readWorkbookInfo(path, await readZipDirectory(path, DEFAULT_ZIP_LIMITS));
      const names = readFileSync(`${expected}/${workbook}.sheetnames`, 'utf8').split('\n').filter(Boolean);
      for (const [index, name] of names.entries()) {
        const csv = `${expected}/${workbook}.${index}.csv`;
        const sheet = book.sheets.find((s) => s.name === name);
        if (!existsSync(csv) || !sheet) continue;
        const excel = Papa.parse<string[]>(readFileSync(csv, 'utf8').replace(/\r\n/g, '\n')).data;
        const ours = new Map<number, string[]>();
        for await (const rows of sheetRows(path, sheet, book))
          for (const row of rows) ours.set(row.number, row.cells);
        excel.forEach((excelRow, r) => {
          excelRow.forEach((cell, c) => {
            const mine = ours.get(r + 1)?.[c];
            if (!isPlainText(cell) || isDateText(mine)) return;
            compared += 1;
            expect(lines(mine), `${name}!R${r + 1}C${c + 1}`).toBe(lines(cell));
          });
        });
      }
    });
  }
});
