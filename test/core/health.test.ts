// /health's data where a SQLite read pool answers questions: the readers alive of the pool's size, and a report that
// degrades when no reader can answer; without a pool the report is as it was.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkHealth } from '../../src/core/health.ts';
import type { Warehouse } from '../../src/core/warehouse/port.ts';
import { createSqliteWarehouse } from '../../src/core/warehouse/sqlite.ts';
import { createSqliteReadPool, type SqliteReadPool } from '../../src/core/warehouse/sqlite-read-pool.ts';
import { useTmpDirs } from '../helpers/tmp-dir.ts';
import { SLOW_QUERY } from './warehouse/slow-query.ts';

const tmp = useTmpDirs();
let main: Warehouse | undefined;
let pool: SqliteReadPool | undefined;
afterEach(async () => {
  await pool?.close();
  await main?.close();
  pool = undefined;
  main = undefined;
});

async function warehouseIn(dir: string): Promise<{ file: string; main: Warehouse }> {
  const file = path.join(dir, 'titan.db');
  main = createSqliteWarehouse({ path: file });
  await main.migrate();
  return { file, main };
}

describe.skipIf(process.platform !== 'linux')('health with a SQLite read pool', () => {
  it('reports the readers alive of the pool size, ready, once one answers', async () => {
    const { file } = await warehouseIn(tmp());
    pool = createSqliteReadPool({ path: file, size: 2 });
    const report = await checkHealth(main!, {}, [], pool);
    expect(report.status).toBe('ok');
    expect(report.warehouse).toBe('embedded');
    // Readers start as reads need them: the probe started the first.
    expect(report.readers).toEqual({ state: 'ready', alive: 1, busy: 0, size: 2 });
    expect(pool.pids()).toHaveLength(1);
  });

  it('degrades, saying why, when no reader can open the warehouse file', async () => {
    const { main } = await warehouseIn(tmp());
    pool = createSqliteReadPool({ path: path.join(tmp(), 'missing.db'), size: 2 });
    const report = await checkHealth(main, {}, [], pool);
    expect(report.status).toBe('degraded');
    expect(report.warehouse).toBe('embedded');
    expect(report.readers?.state).toBe('unavailable');
    expect(report.readers?.size).toBe(2);
    expect(report.notes.join('\n')).toMatch(
      /^No SQLite reader is answering questions \(SQLite query failed: unable to open database file.*\); questions fail until one does\./m,
    );
  });

  it('reports readers all busy with long reads as busy, not degraded: a burst of questions is no outage', async () => {
    const { file } = await warehouseIn(tmp());
    const busy = createSqliteReadPool({ path: file, size: 1 });
    pool = busy;
    const slow = busy.query(SLOW_QUERY, {}, { deadlineMs: 2_000 }).catch((err: Error) => err);
    const report = await checkHealth(main!, {}, [], { health: () => busy.health(300) });
    expect(report.status).toBe('ok');
    expect(report.readers).toEqual({ state: 'busy', alive: 1, busy: 1, size: 1 });
    expect(await slow).toMatchObject({ code: 'warehouse.timeout' });
  });

  it('says nothing of readers where no pool runs', async () => {
    const { main } = await warehouseIn(tmp());
    const report = await checkHealth(main, {});
    expect(report.status).toBe('ok');
    expect(report).not.toHaveProperty('readers');
  });
});
