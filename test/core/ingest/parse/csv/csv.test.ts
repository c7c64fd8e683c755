import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../../src/core/ingest/parse/csv/csv.ts';
import { isBlankRow, locateHeader } from '../../../../../src/core/ingest/parse/table-shape.ts';
import { CORPUS, corpus, fromCorpus } from '../../../../helpers/corpora.ts';
import { allRows, incoming, tempDir } from '../fixtures.ts';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const csvkit = (name: string) => incoming(corpus('csv/csvkit_examples/examples', name));

describe('parseCsv on csv-spectrum', CORPUS, () => {
  const dir = corpus('csv/csv-spectrum/csvs');
  // Upstream, location_coordinates.json carries a different phone number from its CSV; it is checked below.
  const cases = fromCorpus(
    () => readdirSync(dir).filter((f) => f.endsWith('.csv') && f !== 'location_coordinates.csv'),
    [],
  );

  it.each(cases)('%s matches the expected JSON', async (name) => {
    // One expectation file holds a bare object rather than an array of one.
    const expected: Record<string, string>[] = [
      JSON.parse(readFileSync(corpus('csv/csv-spectrum/json', name.replace('.csv', '.json')), 'utf8')),
    ].flat();
    const table = await parseCsv(incoming(path.join(dir, name)));
    const records = (await allRows(table)).map((row) =>
      Object.fromEntries(table.headers.map((h, i) => [h, row[i] ?? ''])),
    );
    expect(records).toEqual(expected);
  });

  it('keeps a stray replacement character inside quotes as text', async () => {
    const table = await parseCsv(incoming(path.join(dir, 'location_coordinates.csv')));
    expect(await allRows(table)).toEqual([
      ['2095257564', '37\uFFFD36\'37.8"N 121\uFFFD2\'17.9"W', 'Modesto', 'Stanislaus'],
    ]);
  });
});

describe('parseCsv on papaparse’s own parser cases', CORPUS, () => {
  type Case = {
    description: string;
    input: string;
    config: object;
    expected: { data: string[][]; errors: unknown[] };
  };
  const all: Case[] = fromCorpus(
    () => JSON.parse(readFileSync(corpus('csv/papaparse/papaparse_cases.json'), 'utf8')),
    [],
  );
  // Plain cases whose first row is a header: our reader must give papaparse's rows, streamed in tiny chunks.
  const usable = all.filter((c) => {
    if (Object.keys(c.config).length > 0 || c.expected.errors.length > 0) return false;
    // Some cases configure typing or transforms in code the JSON could not carry.
    if (/transform/i.test(c.description)) return false;
    if (!c.expected.data.every((r) => r.every((cell) => typeof cell === 'string'))) return false;
    const [header, ...rows] = c.expected.data.filter((r) => !isBlankRow(r));
    // Titan drops a row that repeats the header (a page break in a printed export).
    const repeats = rows.some((r) => r.join('\u001f') === header?.join('\u001f'));
    return header !== undefined && rows.length >= 1 && !repeats && locateHeader([header, ...rows]) === 0;
  });

  it('has enough cases to mean something', () => {
    expect(usable.length).toBeGreaterThan(20);
  });

  it.each(usable.map((c) => [c.description, c] as const))('%s', async (_, c) => {
    const file = tmp.file(`papa-${usable.indexOf(c)}.csv`, c.input);
    const table = await parseCsv(incoming(file), { chunkBytes: 7, batchRows: 2 });
    const [header, ...rows] = c.expected.data.filter((r) => !isBlankRow(r));
    // Header names are single-spaced: a line break inside a quoted header is a space.
    const names = header!.map((h, i) => h.replace(/\s+/g, ' ').trim() || `Column ${i + 1}`);
    expect(table.headers.slice(0, header!.length)).toEqual(names);
    expect(await allRows(table)).toEqual(rows);
  });
});

describe('parseCsv on csvkit’s awkward files', () => {
  it('falls back to Windows-1252 when the bytes are not UTF-8', CORPUS, async () => {
    const table = await parseCsv(csvkit('test_latin1.csv'));
    expect(await allRows(table)).toEqual([
      ['1', '2', '3'],
      ['4', '5', '©'],
    ]);
  });

  it.each(['test_utf8_bom.csv', 'test_utf16_big.csv', 'test_utf16_little.csv'])(
    'reads %s with its BOM',
    CORPUS,
    async (name) => {
      const table = await parseCsv(csvkit(name));
      expect(table.headers[0]).toMatch(/^(a|foo)$/);
      expect((await allRows(table)).at(-1)).toEqual(['4', '5', 'ʤ']);
    },
  );

  it('reads UTF-16 without a BOM by its zero bytes', async () => {
    const file = tmp.file('utf16-nobom.csv', Buffer.from('Date,Amount\n05/01/2024,120\n', 'utf16le'));
    expect(await allRows(await parseCsv(incoming(file)))).toEqual([['05/01/2024', '120']]);
  });

  it('skips blank lines before the header', CORPUS, async () => {
    const table = await parseCsv(csvkit('test_skip_lines.csv'));
    expect(table.headers).toEqual(['a', 'b', 'c']);
    expect(await allRows(table)).toEqual([['1', '2', '3']]);
  });

  it('reads classic Mac line endings and tabs', CORPUS, async () => {
    expect(await allRows(await parseCsv(csvkit('mac_newlines.csv')))).toEqual([
      ['1', '2', '3'],
      ['Once upon\ra time', '5', '6'],
    ]);
    expect((await parseCsv(csvkit('dummy.tsv'))).headers).toEqual(['a', 'b', 'c']);
  });

  it('keeps "1,7" as text for the normaliser to read as a decimal comma', CORPUS, async () => {
    expect(await allRows(await parseCsv(csvkit('test_locale.csv')))).toEqual([['1,7', '200.000.000', '']]);
  });

  it('names a blank header cell and pads headers for ragged rows', CORPUS, async () => {
    const table = await parseCsv(csvkit('bad.csv'));
    expect(table.headers).toEqual(['column_a', 'column_b', 'column_c', 'Column 4']);
  });
});

describe('parseCsv on real open-data files', () => {
  const dialects = (name: string) => incoming(corpus('csv/csv-sniffer_dialects/tests/data', name));

  it('finds the World Bank header under four preamble rows, past the BOM', CORPUS, async () => {
    const table = await parseCsv(dialects('gdp.csv'));
    expect(table.headers.slice(0, 5)).toEqual([
      'Country Name',
      'Country Code',
      'Indicator Name',
      'Indicator Code',
      '1960',
    ]);
    expect(table.sample[0]?.[0]).toBe('Aruba');
    expect(await allRows(table)).toHaveLength(264);
  });

  it('detects semicolons', CORPUS, async () => {
    const table = await parseCsv(dialects('2016_presidential_election_durham.csv'));
    expect(table.headers).toEqual(['Name', 'Party', 'Vote Count', 'Voting Method', 'Voting Preinct']);
  });
});

describe('parseCsv on an owner’s export', () => {
  it('skips the report title, totals and the header repeated on each page', async () => {
    const file = tmp.file(
      'sales.csv',
      [
        'Tiruppur Café;;;',
        'Sales report 01/03/2024 - 31/03/2024;;;',
        '',
        'Bill Dt;Item;Qty;Amt (Rs)',
        '01/03/2024;"Masala Dosa; extra chutney";2;"1.234,50"',
        ';;;',
        'Bill Dt;Item;Qty;Amt (Rs)',
        '02/03/2024;"Filter',
        'Coffee";1;25',
        'Total;;3;1259,50',
        'Grand Total;;;1259,50',
      ].join('\r\n'),
    );
    const table = await parseCsv(incoming(file), { chunkBytes: 16 });
    expect(table.headers).toEqual(['Bill Dt', 'Item', 'Qty', 'Amt (Rs)']);
    expect(await allRows(table)).toEqual([
      ['01/03/2024', 'Masala Dosa; extra chutney', '2', '1.234,50'],
      ['02/03/2024', 'Filter\r\nCoffee', '1', '25'],
    ]);
  });

  it('caps the sample at fifty rows but streams every row, in batches', async () => {
    const lines = ['Date,Amount', ...Array.from({ length: 1234 }, (_, i) => `2024-01-01,${i}`)];
    const table = await parseCsv(incoming(tmp.file('many.csv', lines.join('\n'))), {
      batchRows: 500,
      chunkBytes: 1000,
    });
    expect(table.sample).toHaveLength(50);
    const sizes: number[] = [];
    for await (const batch of table.rows()) sizes.push(batch.length);
    expect(sizes).toEqual([500, 500, 234]);
    // rows() can be read again: the loader may count first, then load.
    expect((await allRows(table)).at(-1)).toEqual(['2024-01-01', '1233']);
  });
});
