// The loader: all of a file's rows or none, lineage on every row, the same content twice adds nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIngestRecords } from '../../../../src/core/ingest/load/ingest-records.ts';
import { type LoadRequest, loadRows } from '../../../../src/core/ingest/load/load-rows.ts';
import { buildBatches, createRowBuilder } from '../../../../src/core/ingest/load/row-builder.ts';
import type { RowNormaliser } from '../../../../src/core/ingest/normalise/normalise-row.ts';
import { targetColumns } from '../../../../src/core/ingest/normalise/target-columns.ts';
import { DEFAULT_SCOPE } from '../../../../src/core/model/scope.ts';
import type { Warehouse } from '../../../../src/core/warehouse/port.ts';
import { createSqliteWarehouse } from '../../../../src/core/warehouse/sqlite.ts';

/** date,amount,vendor rows onto every expenses column in order; an amount that is not a number makes the row bad. */
const convert: RowNormaliser = ([date, amount, vendor]) => {
  const value = Number(amount);
  if (!date || Number.isNaN(value)) return { ok: false, error: `amount "${amount}" is not a number` };
  const given: Record<string, string | number | null> = { date, amount: value, vendor: vendor ?? null };
  return { ok: true, values: targetColumns('expenses').map((c) => given[c.name] ?? null) };
};

async function* batchesOf(rows: string[][], size = 2): AsyncIterable<string[][]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

const builder = (scope = DEFAULT_SCOPE) => createRowBuilder(convert, 'expenses', scope);

const goodRows = (n: number) =>
  Array.from({ length: n }, (_, i) => ['2026-11-01', String(100 + i), `Vendor ${i}`]);

describe('loadRows', () => {
  let warehouse: Warehouse;
  const records = () => createIngestRecords(warehouse.dialect);
  const request = (rows: string[][], over: Partial<LoadRequest> = {}): LoadRequest => ({
    category: 'expenses',
    scope: DEFAULT_SCOPE,
    fileName: 'november.csv',
    contentHash: 'hash-1',
    jobId: 'job-1',
    ingestedAt: '2026-11-25T10:00:00.000Z',
    batches: buildBatches(batchesOf(rows), builder(over.scope)),
    columns: builder().columns,
    ...over,
  });
  const count = async (table: string) =>
    (await warehouse.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))[0]!.n;

  beforeEach(async () => {
    warehouse = createSqliteWarehouse({ path: ':memory:' });
    await warehouse.migrate();
  });
  afterEach(async () => {
    await warehouse.close();
  });

  it('stores every row with scope and lineage, and records the file as loaded', async () => {
    const result = await loadRows(warehouse, records(), request(goodRows(3)));
    expect(result).toEqual({
      outcome: 'loaded',
      rows: 3,
      report: { mapping: [], unmapped: [], skipped: [] },
    });
    const rows = await warehouse.query('SELECT * FROM expenses_master ORDER BY amount');
    expect(rows[0]).toMatchObject({
      org_id: 'cafe_001',
      location_id: 'tiruppur_main',
      date: '2026-11-01',
      amount: 100,
      vendor: 'Vendor 0',
      description: null,
      _source_file: 'november.csv',
      _master_category: 'expenses',
      _ingested_at: '2026-11-25T10:00:00.000Z',
    });
    expect(new Set(rows.map((r) => r._row_hash)).size).toBe(3);
    expect(await warehouse.query('SELECT content_hash, outcome, rows, job_id FROM ingest_files')).toEqual([
      { content_hash: 'hash-1', outcome: 'loaded', rows: 3, job_id: 'job-1' },
    ]);
  });

  it('adds nothing for the same content a second time, even under another name', async () => {
    await loadRows(warehouse, records(), request(goodRows(3)));
    const again = await loadRows(warehouse, records(), request(goodRows(3), { fileName: 'copy.csv' }));
    expect(again).toEqual({ outcome: 'already_loaded', rows: 3 });
    expect(await count('expenses_master')).toBe(3);
  });

  it('loads the same content again for another location', async () => {
    await loadRows(warehouse, records(), request(goodRows(3)));
    const other = { orgId: 'cafe_001', locationId: 'second_branch' };
    expect(await loadRows(warehouse, records(), request(goodRows(3), { scope: other }))).toMatchObject({
      outcome: 'loaded',
    });
    expect(await count('expenses_master')).toBe(6);
  });

  it('fails a small file with any bad row, quoting it, and stores nothing', async () => {
    const rows = [...goodRows(5), ['2026-11-02', 'twelve', 'X']];
    await expect(loadRows(warehouse, records(), request(rows))).rejects.toMatchObject({
      code: 'ingest.bad_rows',
      message: expect.stringContaining('row 6: amount "twelve" is not a number'),
    });
    expect(await count('expenses_master')).toBe(0);
    expect(await count('ingest_files')).toBe(0);
  });

  it('skips bad rows within 5% of a larger file and notes them', async () => {
    const rows = [...goodRows(39), ['2026-11-02', 'n/a', 'X']];
    const result = await loadRows(warehouse, records(), request(rows));
    expect(result).toMatchObject({
      outcome: 'loaded',
      rows: 39,
      note: expect.stringContaining('1 unreadable rows skipped'),
    });
    expect(await count('expenses_master')).toBe(39);
  });

  it('stores nothing when reading fails half-way through the file', async () => {
    async function* breaking(): AsyncIterable<string[][]> {
      yield goodRows(4);
      throw new Error('truncated file');
    }
    await expect(
      loadRows(warehouse, records(), request([], { batches: buildBatches(breaking(), builder()) })),
    ).rejects.toThrow('truncated file');
    expect(await count('expenses_master')).toBe(0);
  });

  it('refuses a file with a header and no rows', async () => {
    await expect(loadRows(warehouse, records(), request([]))).rejects.toMatchObject({
      code: 'ingest.unreadable',
      message: expect.stringContaining('no data rows'),
    });
  });
});
