// Stock sheets as owners keep them: dated by the day of the count (never an expiry or purchase date), one site per
// file, a negative wastage or a row pasted twice reported and not stored. Expected rows are written out here.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRowNormaliser } from '../../../src/core/ingest/normalise/normalise-row.ts';
import { createIngestHarness, type IngestHarness } from './ingest-harness.ts';

const csv = (rows: readonly (readonly (string | number)[])[]) =>
  `${rows.map((r) => r.map(String).join(',')).join('\n')}\n`;

describe('stock sheets', () => {
  let h: IngestHarness;
  beforeEach(async () => {
    h = await createIngestHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const ingest = (name: string, content: string) => h.ingestFile(name, content, 'inventory');
  const stock = () =>
    h.warehouse.query<{ date: string; item: string; closing_qty: number; wastage_qty: number | null }>(
      'SELECT date, item, closing_qty, wastage_qty FROM inventory_master ORDER BY item',
    );

  it('dates the counts by "Stock As On", not by the expiry date beside it', async () => {
    const outcome = await ingest(
      'stock.csv',
      csv([
        ['Item', 'Expiry Date', 'Stock As On', 'Closing Qty'],
        ['Paneer', '05/12/2026', '30/11/2026', 5],
        ['Milk', '02/12/2026', '30/11/2026', 12],
      ]),
    );
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: 2 });
    expect(outcome.report?.mapping).toContainEqual({ source: 'Stock As On', column: 'date' });
    expect(outcome.report?.unmapped).toContain('Expiry Date');
    expect(await stock()).toEqual([
      { date: '2026-11-30', item: 'Milk', closing_qty: 12, wastage_qty: null },
      { date: '2026-11-30', item: 'Paneer', closing_qty: 5, wastage_qty: null },
    ]);
  });

  it('refuses a sheet whose only dates are expiry and last purchase, naming them and what to add', async () => {
    const outcome = await ingest(
      'stock.csv',
      csv([
        ['Item', 'Closing Stock', 'Expiry Date', 'Last Purchase Date'],
        ['Paneer', 5, '05/12/2026', '01/11/2026'],
        ['Milk', 3, '06/12/2026', '02/11/2026'],
      ]),
    );
    expect(outcome).toMatchObject({ outcome: 'failed', code: 'ingest.unmapped' });
    expect(outcome.reason).toContain(
      '"Expiry Date" and "Last Purchase Date" are not the day the stock was counted',
    );
    expect(outcome.reason).toMatch(/Add a "Stock Date"/);
    expect(await h.count('inventory_master')).toBe(0);
  });

  it('refuses two sites in one sheet rather than merging them, saying how to load each', async () => {
    const outcome = await ingest(
      'stock.csv',
      csv([
        ['Date', 'Outlet', 'Item', 'Closing Stock'],
        ['30/11/2026', 'Andheri', 'Paneer', 5],
        ['30/11/2026', 'Bandra', 'Paneer', 3],
      ]),
    );
    expect(outcome).toMatchObject({ outcome: 'failed' });
    expect(outcome.reason).toMatch(/2 sites in its "Outlet" column \("Andheri", "Bandra"\).*--location/);
    expect(await h.count('inventory_master')).toBe(0);
  });

  it('reports a negative wastage and a row pasted twice, storing neither, and loads the rest', async () => {
    const rows: (string | number)[][] = [['Date', 'Item', 'Closing Qty', 'Wastage']];
    // 20 good counts keep the file inside its allowance whatever the two rows were counted as.
    for (let i = 1; i <= 20; i += 1) rows.push(['30/11/2026', `Item ${i}`, i, 0]);
    rows.push(['30/11/2026', 'Curd', 4, -2]);
    rows.push(['30/11/2026', 'Item 7', 7, 0]);
    const outcome = await ingest('stock.csv', csv(rows));
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: 20 });
    const reasons = outcome.report?.skipped.map((s) => `${s.rows}: ${s.reason}`) ?? [];
    expect(reasons.some((r) => /^1: .*wastage_qty is below zero/.test(r))).toBe(true);
    expect(reasons.some((r) => /^1: .*a repeat of an earlier row/.test(r))).toBe(true);
    const stored = await stock();
    expect(stored).toHaveLength(20);
    expect(stored.find((r) => r.item === 'Curd')).toBeUndefined();
  });
});

describe("a stock sheet's repeated rows, site by site", () => {
  // Date | Outlet | Item | Closing Qty, the outlet named on the first row of its block and blank below it.
  const read = () =>
    createRowNormaliser({ mapping: { date: 0, item: 2, closing_qty: 3 }, site: 1 }, 'inventory');
  const repeat = /^left out: a repeat of an earlier row/;

  it("keeps two outlets' identical counts: each row counts at the outlet named above it", () => {
    const normalise = read();
    const rows = [
      ['30/11/2026', 'Andheri', 'Paneer', '5'],
      ['30/11/2026', '', 'Milk', '12'],
      ['30/11/2026', 'Bandra', 'Paneer', '5'],
      ['30/11/2026', '', 'Milk', '12'],
    ];
    expect(rows.map((r) => normalise(r).ok)).toEqual([true, true, true, true]);
  });

  it('still leaves out a count pasted twice under one outlet', () => {
    const normalise = read();
    const rows = [
      ['30/11/2026', 'Andheri', 'Paneer', '5'],
      ['30/11/2026', '', 'Milk', '12'],
      ['30/11/2026', '', 'Milk', '12'],
      ['30/11/2026', 'Bandra', 'Milk', '12'],
    ];
    const results = rows.map((r) => normalise(r));
    expect(results.map((r) => r.ok)).toEqual([true, true, false, true]);
    expect(results[2]).toMatchObject({ ok: false, error: expect.stringMatching(repeat) });
  });
});
