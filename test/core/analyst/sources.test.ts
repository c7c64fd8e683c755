// What an answer rests on: rows per category in the period, last load per category, days without sales, failed files.
import { afterEach, describe, expect, it } from 'vitest';
import { checkCoverage, countRows, notCheckedText, readSources } from '../../../src/core/analyst/sources.ts';
import { DEFAULT_SCOPE as scope } from '../../../src/core/model/scope.ts';
import type { Row, Warehouse } from '../../../src/core/warehouse/port.ts';
import { createSqliteWarehouse } from '../../../src/core/warehouse/sqlite.ts';

const period = { from: '2026-11-01', to: '2026-11-07', label: '1-7 Nov' };
const mine = { org_id: scope.orgId, location_id: scope.locationId };
const sale = (date: string, at: string, extra: Row = {}): Row => ({
  ...mine,
  date,
  amount: 100,
  _ingested_at: at,
  ...extra,
});

/** One ingest attempt; the content hash defaults to the name (one attempt per file). */
const file = (name: string, outcome: string, at: string, category = 'purchases', hash = name): Row => ({
  content_hash: hash,
  ...mine,
  category,
  file_name: name,
  outcome,
  reason: outcome === 'failed' ? 'no date column' : null,
  rows: 10,
  ingested_at: at,
});

let warehouse: Warehouse;
afterEach(() => warehouse.close());

async function seeded(): Promise<Warehouse> {
  warehouse = createSqliteWarehouse({ path: ':memory:' });
  await warehouse.migrate();
  // Sales on every day but 3–4 Nov and 6 Nov; one line outside the period; one in another café.
  const days = ['2026-11-01', '2026-11-02', '2026-11-05', '2026-11-07'];
  await warehouse.insertRows('sales', [
    ...days.flatMap((d) => [sale(d, '2026-11-08T02:00:00.000Z'), sale(d, '2026-11-08T02:00:00.000Z')]),
    sale('2026-11-08', '2026-11-09T03:00:00.000Z'),
    sale('2026-11-03', '2026-11-08T02:00:00.000Z', { org_id: 'cafe_999' }),
  ]);
  await warehouse.insertRows('expenses_master', [
    { ...mine, date: '2026-11-02', amount: 500, _ingested_at: '2026-11-03T10:00:00.000Z' },
  ]);
  await warehouse.insertRows('ingest_files', [
    file('old-bad.csv', 'failed', '2026-10-01T00:00:00.000Z'),
    file('bills-nov.xlsx', 'failed', '2026-11-04T00:00:00.000Z'),
    file('stock.csv', 'loaded', '2026-11-06T09:00:00.000Z', 'inventory'),
  ]);
  return warehouse;
}

describe('sources', () => {
  it('counts the period’s rows per category, in scope only', async () => {
    const counts = await countRows(await seeded(), scope, period);
    expect(counts).toEqual({ sales: 8, expenses: 1, purchases: 0, inventory: 0 });
  });

  it('reports last load per category, days without sales and recent failed files', async () => {
    const { sources, facts } = await readSources(await seeded(), scope, period);
    expect(sources.period).toEqual(period);
    expect(sources.rows).toEqual({ sales: 8, expenses: 1, purchases: 0, inventory: 0 });
    expect(sources.freshness).toEqual({
      sales: '2026-11-09T03:00:00.000Z',
      expenses: '2026-11-03T10:00:00.000Z',
      purchases: null,
      inventory: '2026-11-06T09:00:00.000Z',
    });
    expect(sources.gaps).toEqual([
      'No sales data on 3 Nov–4 Nov, 6 Nov',
      'Failed purchases file bills-nov.xlsx: no date column',
    ]);
    expect(facts.find((f) => f.id === 'rows.sales')).toMatchObject({ value: 8, unit: 'rows' });
  });

  it('names a failed file once, and not at all once a fixed version of it loaded', async () => {
    const warehouse = await seeded();
    const again = (name: string, outcome: string, at: string) =>
      file(name, outcome, at, 'purchases', `${name}@${at}`);
    await warehouse.insertRows('ingest_files', [
      again('bills-nov.xlsx', 'failed', '2026-11-05T00:00:00.000Z'),
      again('fixed.csv', 'failed', '2026-11-04T00:00:00.000Z'),
      again('fixed.csv', 'loaded', '2026-11-05T00:00:00.000Z'),
    ]);
    const { sources } = await readSources(warehouse, scope, period);
    expect(sources.gaps.filter((g) => g.startsWith('Failed'))).toEqual([
      'Failed purchases file bills-nov.xlsx: no date column',
    ]);
  });

  it('sorts checks by whether their tables have rows, naming a table never loaded and one empty this period', async () => {
    const { sources } = await readSources(await seeded(), scope, period);
    const coverage = checkCoverage(
      [
        { checks: 'staff voids', tables: ['sales'] },
        { checks: 'wastage', tables: ['inventory'] },
        { checks: 'food cost', tables: ['inventory', 'purchases', 'sales'] },
        { checks: 'vendor prices', tables: ['purchases'] },
        { checks: 'expense spikes', tables: ['expenses'] },
      ],
      sources,
    );
    expect(coverage.checked).toEqual(['staff voids', 'expense spikes']);
    // A stock sheet was loaded once (6 Nov), but holds no row dated in the period; purchases never were.
    expect(notCheckedText(coverage)).toBe(
      'wastage and food cost (no stock sheets for 1-7 Nov); vendor prices (no purchases loaded)',
    );
    expect(notCheckedText(checkCoverage([{ checks: 'staff voids', tables: ['sales'] }], sources))).toBeNull();
  });
});
