// Twenty separate OS processes race for one SQLite lock at the same instant: exactly one holds it.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterEach, expect, it } from 'vitest';
import { createSqliteWarehouse } from '../../../src/core/warehouse/sqlite.ts';

const WORKER = path.join(import.meta.dirname, 'acquire-worker.ts');
const PROCESSES = 20;

let dir: string;
const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Resolves with the stdout lines of `child` as they arrive, one promise per expected line. */
function lines(child: ChildProcessWithoutNullStreams): () => Promise<string> {
  const queue: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else queue.push(line);
  });
  return () => {
    const line = queue.shift();
    return line !== undefined ? Promise.resolve(line) : new Promise((resolve) => waiting.push(resolve));
  };
}

it('lets exactly one of 20 processes acquire the same lock', async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'titan-race-'));
  const file = path.join(dir, 'titan.db');
  const setup = createSqliteWarehouse({ path: file });
  await setup.migrate();

  const readers = Array.from({ length: PROCESSES }, () => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, file, 'sync_sales'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    children.push(child);
    return lines(child);
  });
  // Every process is connected and waiting before any of them tries: maximum contention.
  expect(await Promise.all(readers.map((next) => next()))).toEqual(Array(PROCESSES).fill('ready'));
  for (const child of children) child.stdin.write('go\n');
  const results = (await Promise.all(readers.map((next) => next()))).map(
    (line) => JSON.parse(line) as { owner: string; acquired: boolean },
  );

  const winners = results.filter((r) => r.acquired);
  expect(winners).toHaveLength(1);
  expect(new Set(results.map((r) => r.owner)).size).toBe(PROCESSES);
  const rows = await setup.query('SELECT owner FROM system_locks WHERE lock_name = @name', {
    name: 'sync_sales',
  });
  expect(rows).toEqual([{ owner: winners[0]?.owner }]);
  await setup.close();
}, 120_000);
