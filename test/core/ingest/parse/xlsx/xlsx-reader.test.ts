// The xlsx reader on a workbook written by hand: every cell type, styles that make dates, both date systems, rels and hidden sheets.
import { afterAll, describe, expect, it } from 'vitest';
import { parseXlsx } from '../../../../../src/core/ingest/parse/xlsx/xlsx.ts';
import { isDateFormat } from '../../../../../src/core/ingest/parse/xlsx/xlsx-workbook.ts';
import { buildZip } from '../../zip-writer.ts';
import { allRows, incoming, tempDir } from '../fixtures.ts';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function workbookFile(name: string, options: { date1904?: boolean; data: string }): string {
  const part = (path: string, xml: string) => ({ name: path, data: Buffer.from(xml), deflate: true });
  return tmp.file(
    name,
    buildZip([
      // Sheets first, then the parts that explain them, as Google Sheets orders a workbook.
      part(
        'xl/worksheets/sheet1.xml',
        `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>secret</t></is></c></row></sheetData></worksheet>`,
      ),
      part('xl/worksheets/sheet2.xml', `<worksheet ${NS}><sheetData>${options.data}</sheetData></worksheet>`),
      part(
        'xl/workbook.xml',
        `<workbook ${NS} ${R}><workbookPr${options.date1904 ? ' date1904="1"' : ''}/><sheets>` +
          '<sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="Lookups" sheetId="2" state="hidden" r:id="rId2"/></sheets></workbook>',
      ),
      part(
        'xl/_rels/workbook.xml.rels',
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId2" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      part(
        'xl/sharedStrings.xml',
        `<sst ${NS}><si><t>Date</t></si><si><t>Item</t></si><si><t>Amount</t></si><si><t>Paid</t></si><si><t>Note</t></si>` +
          '<si><r><rPr><b/></rPr><t>Masala </t></r><r><t xml:space="preserve">Dosa</t></r><rPh sb="0" eb="1"><t>ma</t></rPh></si>' +
          '<si><t>two_x000D_lines</t></si></sst>',
      ),
      part(
        'xl/styles.xml',
        `<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>` +
          '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs></styleSheet>',
      ),
    ]),
  );
}

const HEADER =
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>';

describe('parseXlsx reads every kind of cell as Excel shows it', () => {
  it('strings, numbers, dates, booleans, errors and formulas, from a sheet its relationship names absolutely', async () => {
    const file = workbookFile('types.xlsx', {
      data:
        HEADER +
        // Built-in date style 14; rich text with a phonetic guide; a number styled #,##0.00; a boolean; an error.
        '<row r="2"><c r="A2" s="1"><v>45292</v></c><c r="B2" t="s"><v>5</v></c><c r="C2" s="3"><v>1234.5</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#N/A</v></c></row>' +
        // No r attributes: rows and cells follow on. A formula's cached date; rich inline text; a formula's cached text.
        '<row><c s="2"><f>A2+1</f><v>45293.75</v></c><c t="inlineStr"><is><r><t>Filter </t></r><r><t>Coffee</t></r></is></c><c><f>C2*2</f><v>2469</v></c><c t="b"><v>0</v></c><c t="str"><f>"=HYPERLINK(x)"</f><v>=HYPERLINK("http://x.example")</v></c></row>' +
        // A gap (D skipped), an ISO date cell, Excel's CR escape, a formula that has no cached value.
        '<row r="5"><c r="A5" t="d"><v>2024-03-05T00:00:00</v></c><c r="B5" t="s"><v>6</v></c><c r="C5"><f>1/0</f></c><c r="E5"><v>0.1</v></c></row>',
    });
    const tables = await parseXlsx(incoming(file));
    expect(tables.map((t) => t.name)).toEqual(['Data']);
    expect(tables[0]!.headers).toEqual(['Date', 'Item', 'Amount', 'Paid', 'Note']);
    expect(await allRows(tables[0]!)).toEqual([
      ['2024-01-01', 'Masala Dosa', '1234.5', 'TRUE', ''],
      ['2024-01-02 18:00:00', 'Filter Coffee', '2469', 'FALSE', '=HYPERLINK("http://x.example")'],
      ['2024-03-05T00:00:00', 'two\rlines', '', '', '0.1'],
    ]);
  });

  it('counts serials from 1904 in a workbook that says so', async () => {
    const file = workbookFile('mac.xlsx', {
      date1904: true,
      data: `${HEADER}<row r="2"><c r="A2" s="1"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2"><v>5</v></c></row>`,
    });
    const [table] = await parseXlsx(incoming(file));
    expect(await allRows(table!)).toEqual([['1904-01-01', 'Item', '5']]);
  });
});

describe('parseXlsx with namespace prefixes', () => {
  it('reads <x:row>, <x:c> and <x:mergeCell> as their unprefixed names', async () => {
    const x = (xml: string) => xml.replace(/<(\/?)(\w+)/g, '<$1x:$2');
    const file = workbookFile('prefixed.xlsx', {
      data: `${x(
        `${HEADER}<row r="2"><c r="A2" s="1"><v>45292</v></c><c r="B2" t="s"><v>1</v></c><c r="C2"><v>7</v></c></row><row r="3"><c r="B3" t="s"><v>1</v></c><c r="C3"><v>8</v></c></row>`,
      )}</x:sheetData><x:mergeCells><x:mergeCell ref="A2:A3"/></x:mergeCells><x:sheetData>`,
    });
    const [table] = await parseXlsx(incoming(file));
    expect(table!.headers).toEqual(['Date', 'Item', 'Amount', 'Paid', 'Note']);
    expect(await allRows(table!)).toEqual([
      ['2024-01-01', 'Item', '7'],
      ['2024-01-01', 'Item', '8'],
    ]);
  });
});

describe('isDateFormat', () => {
  it.each([
    ['dd/mm/yyyy', true],
    ['[$-409]mmmm d, yyyy;@', true],
    ['h:mm AM/PM', true],
    ['A/P', true],
    ['#,##0.00', false],
    ['[Red]0.00', false],
    ['0.00 "days"', false],
    ['General', false],
    ['0\\d', false],
  ])('%s → %s', (code, date) => {
    expect(isDateFormat(code)).toBe(date);
  });
});

describe('parseXlsx on crafted workbooks', () => {
  it('refuses a cell beyond Excel’s last column instead of padding a row to it', async () => {
    const file = workbookFile('wide.xlsx', {
      data: `${HEADER}<row r="2"><c r="A2"><v>1</v></c><c r="ZZZZZZZ2"><v>2</v></c></row>`,
    });
    await expect(parseXlsx(incoming(file))).rejects.toMatchObject({
      code: 'ingest.unreadable',
      message: expect.stringContaining("beyond Excel's last column"),
    });
  });

  it('reads a merge claimed across millions of columns as far as Excel’s last column', async () => {
    const file = workbookFile('merged.xlsx', {
      data: `${HEADER}<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="A2:ZZZZZZZ3"/></mergeCells><sheetData>`,
    });
    const [table] = await parseXlsx(incoming(file));
    const [row] = await allRows(table!);
    // Clamped at XFD: an unclamped merge would fill ~8 billion columns (and never finish).
    expect(row).toHaveLength(16_384);
    expect(row!.every((cell) => cell === 'x')).toBe(true);
  });

  it('refuses a shared-string table bigger than it may hold in memory', async () => {
    const file = workbookFile('strings.xlsx', { data: HEADER });
    await expect(parseXlsx(incoming(file), { maxSharedStringsBytes: 100 })).rejects.toMatchObject({
      code: 'ingest.too_large',
      message: expect.stringContaining('save it as CSV'),
    });
  });
});
