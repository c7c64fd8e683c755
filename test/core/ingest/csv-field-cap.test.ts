// One huge CSV field, end to end: its row is skipped with the cap as its reason, the rest loads, and memory stays bounded.
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { DEFAULT_SCOPE } from '../../../src/core/model/scope.ts';
import { CATEGORY_TABLE } from '../../../src/core/warehouse/tables.ts';
import { writeSalesCsvWithHugeField } from './generated-files.ts';
import { createIngestHarness } from './ingest-harness.ts';
import { ingestInChild } from './ingest-in-child.ts';
import { tempDir } from './parse/fixtures.ts';

const ROWS = 40;
/** The row (0-based) holding the field: row 21 of the file's data rows. */
const AT = 20;
/** Re-reading the pending field on every 64 KB read took 2.7 GB (and four minutes); reading it once, ~200 MB. */
const PEAK_RSS_MB = 300;

/** The file's note: the one skipped row, and why. */
const SKIPPED =
  /^1 unreadable rows skipped: row 21: .*the row is [\d,]+ characters long, over the CSV field size cap/;

const tmp = tempDir();
afterAll(() => tmp.cleanup());

it('skips the row of a 100 MB field and loads the rest, under 300 MB of memory (row worker)', async () => {
  const file = path.join(tmp.dir, 'sales-100mb-field.csv');
  await writeSalesCsvWithHugeField(file, ROWS, AT, 100 * 1024 ** 2);
  // A file this size is read by the row worker; its peak RSS counts in the child's.
  const { outcome, stored, peakRssMb } = await ingestInChild.measure(file, 'sales');
  expect(outcome).toMatchObject({
    outcome: 'loaded',
    rows: ROWS - 1,
    reason: expect.stringMatching(SKIPPED),
  });
  expect(stored).toBe(ROWS - 1);
  expect(peakRssMb).toBeLessThan(PEAK_RSS_MB);
}, 60_000);

/** Ingests, in this process, a sales file of `rows` rows whose row `at` holds a field of `fieldChars`. */
async function ingestHere(rows: number, at: number, fieldChars: number) {
  const h = await createIngestHarness();
  try {
    const file = path.join(h.dir, 'sales-long-field.csv');
    await writeSalesCsvWithHugeField(file, rows, at, fieldChars);
    const [outcome] = await h.ingest.ingestPaths([file], { category: 'sales', scope: DEFAULT_SCOPE });
    return { outcome, stored: await h.count(CATEGORY_TABLE.sales) };
  } finally {
    await h.close();
  }
}

it('skips the row of a 3 MB field in process too (a file under the row worker’s 10 MB)', async () => {
  const { outcome, stored } = await ingestHere(ROWS, AT, 3 * 1024 ** 2);
  expect(outcome).toMatchObject({
    outcome: 'loaded',
    rows: ROWS - 1,
    reason: expect.stringMatching(SKIPPED),
  });
  expect(stored).toBe(ROWS - 1);
});

it('counts that row against the 5% allowance like any unreadable row: a 10-row file fails', async () => {
  const { outcome, stored } = await ingestHere(10, 5, 2 * 1024 ** 2);
  expect(outcome).toMatchObject({
    outcome: 'failed',
    code: 'ingest.bad_rows',
    reason: expect.stringMatching(/^1 of 10 rows could not be read .*row 6: .*over the CSV field size cap/),
  });
  expect(stored).toBe(0);
});
