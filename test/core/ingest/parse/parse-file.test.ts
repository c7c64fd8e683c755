import { once } from 'node:events';
import { createWriteStream, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFile } from '../../../../src/core/ingest/parse/parse-file.ts';
import { CORPUS, corpus } from '../../../helpers/corpora.ts';
import { allRows, incoming, tempDir } from './fixtures.ts';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const parse = (name: string, content: string | Uint8Array) =>
  parseFile(incoming(tmp.file(name, content)), { category: 'sales', ocr: false });

/** Deterministic bytes that are not text (what a corrupted download or a wrong file looks like). */
function junk(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = 2463534242;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

const expectUnreadable = (name: string, content: string | Uint8Array, reason: RegExp) =>
  expect(parse(name, content)).rejects.toMatchObject({
    code: 'ingest.unreadable',
    message: expect.stringMatching(reason),
  });

describe('parseFile: bad input gets a reason the owner can act on', () => {
  it.each([
    ['an empty file', 'empty.csv', '', /empty \(0 bytes\)/],
    ['blank lines only', 'blank.csv', '\n\n ,, \n', /empty/],
    ['a header and no rows', 'header.csv', 'Date,Item,Amount\n', /header row but no data rows/],
    ['binary junk named .csv', 'junk.csv', junk(20_000), /not text.*not a CSV/],
    ['no header row at all', 'numbers.csv', '1,2,3\n4,5,6\n', /No header row.*column names/],
    ['a gzip named .csv', 'sales.csv', gzipSync('Date,Amount\n2024-01-01,5\n'), /gzip-compressed: unzip/],
    [
      'a web page named .xls',
      'export.xls',
      '<html><body><table><tr><td>Date</td></tr></table></body></html>',
      /web page/,
    ],
  ])('%s', async (_, name, content, reason) => {
    await expectUnreadable(name, content, reason);
  });

  it.each([
    ['csvkit’s empty file', 'csvkit-empty.csv', 'csv/csvkit_examples/examples/empty.csv', /empty/],
    [
      'a photo with neither vision nor OCR',
      'bill.csv',
      'invoices/invoice2data/tests/compare/FlipkartInvoice.png',
      /GEMINI_API_KEY/,
    ],
  ])('%s', CORPUS, async (_, name, file, reason) => {
    await expectUnreadable(name, readFileSync(corpus(file)), reason);
  });

  it('reads by content, not by name: a CSV named .xlsx is a CSV', async () => {
    const [table] = await parse('really-a.xlsx', 'Date,Amount\n2024-01-05,120\n');
    expect(await allRows(table!)).toEqual([['2024-01-05', '120']]);
  });
});

describe('parseFile on a 200 MB CSV', () => {
  it('streams it in bounded memory', async () => {
    const file = tmp.file('big.csv', '');
    const out = createWriteStream(file);
    const block = Array.from(
      { length: 20_000 },
      (_, i) => `0${(i % 9) + 1}/03/2024,B${i},Masala Dosa,2,60.00,120.00,UPI,Settled\n`,
    ).join('');
    out.write('Bill Date,Bill No,Item,Qty,Rate,Amount,Mode,Status\n');
    let written = 0;
    while (written < 200 * 1024 ** 2) {
      if (!out.write(block)) await once(out, 'drain');
      written += block.length;
    }
    out.end();
    await once(out, 'finish');
    const expectedRows = (written / block.length) * 20_000;

    const [table] = await parseFile(incoming(file), { category: 'sales' });
    const before = process.memoryUsage().rss;
    let peak = before;
    let rows = 0;
    for await (const batch of table!.rows()) {
      rows += batch.length;
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    expect(rows).toBe(expectedRows);
    // A reader that held the file would grow by its 200 MB (and more as strings); streaming stays flat.
    expect(peak - before).toBeLessThan(120 * 1024 ** 2);
  }, 120_000);
});
