// A CSV row over the cap: skipped as a row that says why, and the rows around it read exactly, wherever the chunks fall.
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../../src/core/ingest/parse/csv/csv.ts';
import { allRows, incoming, tempDir } from '../fixtures.ts';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/**
 * A small cap, so a row over it fits in a test and crosses many tiny chunks. A row is caught once more
 * than the cap of it is pending, so the rows here are over it by more than the largest chunk.
 */
const CAP = 100;

describe.each([
  { delimiter: ',', newline: '\n' },
  { delimiter: ';', newline: '\r\n' },
  { delimiter: '\t', newline: '\r' },
])('rows over the cap, delimiter $delimiter', ({ delimiter: d, newline: nl }) => {
  // A quoted field holding delimiters, every kind of line break, escaped and stray quotes, and spaces
  // after its closing quote: all the ways its end could be misjudged.
  const quoted = `"${`a${d} ""b""\r\n c"d\n${d}\r`.repeat(12)}"  `;
  const rows = [
    ['Date', 'Item', 'Amount'],
    ['01/01/2024', 'Tea', '10'],
    ['02/01/2024', quoted, '20'],
    ['03/01/2024', `"Coffee${d} hot${nl}"`, '30'],
    ['04/01/2024', 'x'.repeat(2 * CAP), '40'],
    ['05/01/2024', 'Dosa', '50'],
  ];
  const lengthOf = (row: string[]) => row.join(d).length;
  const reason = (row: string[]) =>
    `unreadable: the row is ${lengthOf(row)} characters long, over the CSV field size cap of ${CAP} characters (a report's row is a few hundred)`;
  const skipped = (row: string[]) => [reason(row), reason(row), reason(row)];
  const expected = [
    ['01/01/2024', 'Tea', '10'],
    skipped(rows[2]!),
    ['03/01/2024', `Coffee${d} hot${nl}`, '30'],
    skipped(rows[4]!),
    ['05/01/2024', 'Dosa', '50'],
  ];

  it.each([1, 2, 3, 5, 16, 64])('streamed %i bytes at a time', async (chunkBytes) => {
    const file = tmp.file(`cap-${d.charCodeAt(0)}-${chunkBytes}.csv`, rows.map((r) => r.join(d)).join(nl));
    const table = await parseCsv(incoming(file), { chunkBytes, maxRowChars: CAP });
    expect(await allRows(table)).toEqual(expected);
  });

  it('skips a row over the cap that runs to the end of the file', async () => {
    const file = tmp.file(
      `cap-last-${d.charCodeAt(0)}.csv`,
      [...rows.slice(0, 2), rows[2]!].map((r) => r.join(d)).join(nl),
    );
    const table = await parseCsv(incoming(file), { chunkBytes: 7, maxRowChars: CAP });
    expect(await allRows(table)).toEqual(expected.slice(0, 2));
  });
});
