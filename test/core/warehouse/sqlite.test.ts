// SQLite specifics beyond the contract: the file on disk, WAL, migrations recorded and resumed across opens.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/core/warehouse/migrations.ts';
import { createSqliteWarehouse } from '../../../src/core/warehouse/sqlite.ts';
import { TABLES_V1 } from '../../../src/core/warehouse/tables.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'titan-sqlite-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('SQLite warehouse on a file', () => {
  it('creates the file (and its folder) in WAL mode with every table of version 1', async () => {
    const file = path.join(dir, 'nested', 'titan.db');
    const w = createSqliteWarehouse({ path: file });
    expect(await w.migrate()).toEqual(MIGRATIONS.map((m) => m.id));
    const [mode] = await w.query<{ journal_mode: string }>('PRAGMA journal_mode');
    expect(mode?.journal_mode).toBe('wal');
    const tables = await w.query<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'");
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining([...TABLES_V1.map((t) => t.name), 'schema_migrations']),
    );
    await w.close();
    expect(fs.existsSync(file)).toBe(true);
  });

  it('applies only the migrations added since the last open', async () => {
    const file = path.join(dir, 'titan.db');
    const first = createSqliteWarehouse({ path: file });
    await first.migrate();
    await first.close();
    const next = [
      ...MIGRATIONS,
      {
        id: '9999_sales_table_no',
        columns: [{ table: 'sales', column: { name: 'table_no', type: 'string' as const } }],
      },
    ];
    const second = createSqliteWarehouse({ path: file, migrations: next });
    expect(await second.migrate()).toEqual(['9999_sales_table_no']);
    expect(await second.migrate()).toEqual([]);
    await second.insertRows('sales', [
      { org_id: 'o', location_id: 'l', date: '2026-11-01', amount: 10, table_no: 'T4' },
    ]);
    expect(await second.query('SELECT table_no FROM sales')).toEqual([{ table_no: 'T4' }]);
    const ids = await second.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id');
    expect(ids.map((r) => r.id)).toEqual([...MIGRATIONS.map((m) => m.id), '9999_sales_table_no']);
    await second.close();
  });

  it('reports health and is still readable by a second connection while the first writes', async () => {
    const file = path.join(dir, 'titan.db');
    const a = createSqliteWarehouse({ path: file });
    const b = createSqliteWarehouse({ path: file });
    await a.migrate();
    expect(await b.health()).toMatchObject({ ok: true, kind: 'sqlite' });
    await a.transaction(async (tx) => {
      await tx.insertRows('recipes', [
        { org_id: 'o', location_id: 'l', menu_item: 'Chai', ingredient: 'Milk', qty_per_item: 0.1 },
      ]);
      // WAL: a reader sees the last committed state, not the open transaction, and is not blocked.
      expect(await b.query('SELECT COUNT(*) AS n FROM recipes')).toEqual([{ n: 0 }]);
    });
    expect(await b.query('SELECT COUNT(*) AS n FROM recipes')).toEqual([{ n: 1 }]);
    await a.close();
    await b.close();
  });

  it('stores every value as given when a bulk insert binds the columns all rows share once', async () => {
    const w = createSqliteWarehouse({ path: path.join(dir, 'titan.db') });
    await w.migrate();
    const shared = { org_id: 'o', location_id: 'l', category: null, _source_file: 'a.csv' };
    // 1,200 rows take four statements (1,024 + 128 + 32 + 16 rows); two identical rows share every column.
    const rows = Array.from({ length: 1_200 }, (_, i) => ({
      ...shared,
      date: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`,
      amount: i,
      staff: i % 2 === 0 ? null : `S${i}`,
    }));
    expect(await w.insertRows('sales', rows)).toBe(1_200);
    const twins = { ...shared, date: '2026-12-01', amount: 5, staff: 'T' };
    expect(await w.insertRows('sales', [twins, { ...twins }])).toBe(2);
    const stored = await w.query<Record<string, unknown>>(
      'SELECT org_id, location_id, category, _source_file, date, amount, staff FROM sales ORDER BY rowid',
    );
    expect(stored).toEqual([...rows, twins, twins]);
    await w.close();
  });
});
