// The SQLite read pool: reads on read-only reader processes beside the main connection; a query past its deadline is
// stopped by ending its reader, which is replaced; nothing outlives close().
import fs, { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TitanError } from '../../../src/core/errors.ts';
import type { Warehouse } from '../../../src/core/warehouse/port.ts';
import { createSqliteWarehouse } from '../../../src/core/warehouse/sqlite.ts';
import { createSqliteReadPool, type SqliteReadPool } from '../../../src/core/warehouse/sqlite-read-pool.ts';
import { SLOW_QUERY as SLOW } from './slow-query.ts';

const threads = (): number => readdirSync('/proc/self/task').length;
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const failure = (work: Promise<unknown>): Promise<TitanError> =>
  work.then(
    () => {
      throw new Error('expected the query to fail');
    },
    (err: unknown) => err as TitanError,
  );

let dir: string;
let main: Warehouse;
let pool: SqliteReadPool;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'titan-read-pool-'));
  const file = path.join(dir, 'titan.db');
  main = createSqliteWarehouse({ path: file });
  await main.migrate();
  await main.insertRows('sales', [
    {
      org_id: 'cafe',
      location_id: 'main',
      date: '2026-11-01',
      order_id: 'A1',
      item: 'Chai',
      amount: 40,
      _row_hash: 'a1',
    },
    {
      org_id: 'cafe',
      location_id: 'main',
      date: '2026-11-02',
      order_id: 'A2',
      item: 'Dosa',
      amount: 90,
      _row_hash: 'a2',
    },
  ]);
  pool = createSqliteReadPool({ path: file, size: 2 });
});
afterEach(async () => {
  await pool.close();
  await main.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const total = async (): Promise<number> =>
  Number(
    (
      await pool.query<{ n: number }>('SELECT SUM(amount) AS n FROM sales WHERE org_id = @org', {
        org: 'cafe',
      })
    )[0]?.n,
  );

describe.skipIf(process.platform !== 'linux')('SQLite read pool', () => {
  it('answers reads with parameters bound as the main connection binds them', async () => {
    expect(await total()).toBe(130);
    const rows = await pool.query(
      'SELECT order_id, @yes AS yes, @none AS none FROM sales WHERE item = @item',
      {
        item: 'Dosa',
        yes: true,
        none: null,
      },
    );
    expect(rows).toEqual([{ order_id: 'A2', yes: 1, none: null }]);
  });

  it('sees the rows the main connection committed since', async () => {
    expect(await total()).toBe(130);
    await main.execute("UPDATE sales SET amount = 100 WHERE order_id = 'A1'");
    expect(await total()).toBe(190);
  });

  it('stops a query at its deadline with warehouse.timeout while another query is answered in time', async () => {
    await Promise.all([total(), total()]); // both readers started
    const started = performance.now();
    const slow = failure(pool.query(SLOW, {}, { deadlineMs: 1_000 }));
    const quick = total().then((n) => ({ n, ms: performance.now() - started }));
    expect(await quick).toEqual({ n: 130, ms: expect.any(Number) });
    expect((await quick).ms).toBeLessThan(1_000);
    const err = await slow;
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(err).toBeInstanceOf(TitanError);
    expect(err.code).toBe('warehouse.timeout');
    expect(err.message).toMatch(/stopped after 1 s, its time limit\. Ask about a shorter period/);
  });

  it('replaces the reader it ended: the pool answers afterwards, on a new process', async () => {
    await Promise.all([total(), total()]);
    const before = pool.pids();
    expect(before).toHaveLength(2);
    await failure(pool.query(SLOW, {}, { deadlineMs: 300 }));
    const after = pool.pids();
    expect(after).toHaveLength(2);
    expect(after.filter((pid) => !before.includes(pid))).toHaveLength(1);
    // SIGKILL is sent at the deadline; the process is gone a moment later.
    await vi.waitFor(() => expect(before.filter((pid) => !alive(pid))).toHaveLength(1));
    expect(await Promise.all([total(), total(), total()])).toEqual([130, 130, 130]);
  });

  it('queues reads beyond its readers, and a read whose deadline passes in the queue never runs', async () => {
    const one = createSqliteReadPool({ path: path.join(dir, 'titan.db'), size: 1 });
    try {
      const slow = failure(one.query(SLOW, {}, { deadlineMs: 1_500 }));
      const queued = failure(one.query('SELECT 1 AS n', {}, { deadlineMs: 200 }));
      const waiting = one.query<{ n: number }>('SELECT 2 AS n');
      expect((await queued).code).toBe('warehouse.timeout');
      expect(one.pids()).toHaveLength(1);
      expect((await slow).code).toBe('warehouse.timeout');
      expect(await waiting).toEqual([{ n: 2 }]);
    } finally {
      await one.close();
    }
  });

  it('reports every reader busy with a long read as at work, not down, and ready once one is free', async () => {
    const one = createSqliteReadPool({ path: path.join(dir, 'titan.db'), size: 1 });
    try {
      expect(await one.health()).toEqual({ ok: true, alive: 1, busy: 0, size: 1 });
      const slow = failure(one.query(SLOW, {}, { deadlineMs: 2_000 }));
      expect(await one.health(300)).toEqual({
        ok: true,
        alive: 1,
        busy: 1,
        size: 1,
        detail: 'no reader answered within 300 ms (1 of 1 busy with other reads)',
      });
      expect((await slow).code).toBe('warehouse.timeout');
      expect(await one.health()).toEqual({ ok: true, alive: 1, busy: 0, size: 1 });
    } finally {
      await one.close();
    }
  });

  it('probes ahead of queued reads: a backlog of questions is not a pool that cannot answer', async () => {
    const one = createSqliteReadPool({ path: path.join(dir, 'titan.db'), size: 1 });
    try {
      const first = failure(one.query(SLOW, {}, { deadlineMs: 700 }));
      const backlog = [failure(one.query(SLOW)), failure(one.query(SLOW))];
      // The first slow read holds the reader until 700 ms; behind the backlog, the probe would wait for hours.
      expect(await one.health(5_000)).toMatchObject({ ok: true, size: 1 });
      expect((await first).code).toBe('warehouse.timeout');
      await one.close();
      expect((await Promise.all(backlog)).map((e) => e.code)).toEqual(Array(2).fill('warehouse.unavailable'));
    } finally {
      await one.close();
    }
  });

  it('reports itself unable to answer once closed', async () => {
    await pool.close();
    expect(await pool.health()).toEqual({
      ok: false,
      alive: 0,
      busy: 0,
      size: 2,
      detail: 'The warehouse is closing; ask again in a moment.',
    });
  });

  it('refuses a write, and leaves the data as it was', async () => {
    for (const sql of ["DELETE FROM sales WHERE order_id = 'A1'", 'BEGIN', 'PRAGMA query_only = 0']) {
      const err = await failure(pool.query(sql));
      expect(err.code).toBe('warehouse.query_failed');
      expect(err.message).toMatch(/only statements that return rows/);
    }
    expect(await total()).toBe(130);
  });

  it('reports a bad query with the code and message the main connection gives', async () => {
    const sql = 'SELECT no_such_column FROM sales';
    const [here, there] = await Promise.all([failure(main.query(sql)), failure(pool.query(sql))]);
    expect({ code: there.code, message: there.message }).toEqual({ code: here.code, message: here.message });
    expect(there.message).toMatch(/SQLite query failed: no such column: no_such_column/);
  });

  it('fails a read whose reader died under it, saying so, and answers the next on a new reader', async () => {
    await total();
    const [pid] = pool.pids();
    const running = failure(pool.query(SLOW));
    await new Promise((resolve) => setTimeout(resolve, 100));
    process.kill(pid!, 'SIGKILL');
    const err = await running;
    expect(err.code).toBe('warehouse.query_failed');
    expect(err.message).toBe('The SQLite reader stopped unexpectedly (SIGKILL); ask again.');
    expect(await total()).toBe(130);
    expect(pool.pids()).not.toContain(pid);
  });

  it('reports a file it cannot open as the failed read, and opens it once it exists', async () => {
    const file = path.join(dir, 'later.db');
    const later = createSqliteReadPool({ path: file, size: 1 });
    try {
      const err = await failure(later.query('SELECT 1 AS n'));
      expect(err.code).toBe('warehouse.query_failed');
      expect(err.message).toMatch(/^SQLite query failed: unable to open database file/);
      const created = createSqliteWarehouse({ path: file });
      await created.migrate();
      await created.close();
      expect(await later.query('SELECT 1 AS n')).toEqual([{ n: 1 }]);
    } finally {
      await later.close();
    }
  });

  it('leaves no reader process and no thread behind after close, even one mid-query', async () => {
    const baseline = threads();
    await Promise.all([total(), total()]);
    const pids = pool.pids();
    const running = failure(pool.query(SLOW));
    await pool.close();
    expect((await running).code).toBe('warehouse.unavailable');
    expect(pids.filter(alive)).toEqual([]);
    expect(pool.pids()).toEqual([]);
    expect(threads()).toBe(baseline);
    expect((await failure(pool.query('SELECT 1'))).code).toBe('warehouse.unavailable');
  });
});
