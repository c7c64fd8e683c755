// Lock acquire+release per second on a SQLite file (WAL), uncontended and with two owners alternating.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLocks } from '../src/core/locks/locks.ts';
import { createSqliteWarehouse } from '../src/core/warehouse/sqlite.ts';
import { fmt, percentile } from './stats.ts';

const ROUNDS = 5_000;

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'titan-bench-locks-'));
  const file = path.join(dir, 'titan.db');
  const a = createSqliteWarehouse({ path: file });
  const b = createSqliteWarehouse({ path: file });
  try {
    await a.migrate();
    const owners = [createLocks({ warehouse: a, owner: 'a' }), createLocks({ warehouse: b, owner: 'b' })];
    for (const [label, pick] of [
      ['one owner, one connection', () => owners[0]],
      ['two owners on two connections, alternating', (i: number) => owners[i % 2]],
    ] as const) {
      const samples: number[] = [];
      const started = performance.now();
      for (let i = 0; i < ROUNDS; i++) {
        const t = performance.now();
        const lease = await pick(i)?.acquire('bench', 60_000);
        if (!lease) throw new Error('the lock was not free between rounds');
        await lease.release();
        samples.push(performance.now() - t);
      }
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `   ${label}: ${fmt(ROUNDS / seconds, 0)} acquire+release/s · p50 ${fmt(percentile(samples, 50), 3)} ms · p99 ${fmt(percentile(samples, 99), 3)} ms`,
      );
    }
  } finally {
    await a.close();
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
