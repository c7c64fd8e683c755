// Two real `titan sync sales` processes against one data dir: one syncs, the other prints the skip line and exits 0.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createSqliteWarehouse } from '../../src/core/warehouse/sqlite.ts';
import { type FakePetpooja, PETPOOJA_CREDENTIALS, startFakePetpooja } from '../fakes/petpooja.ts';
import { sampleOrders } from '../fakes/petpooja-orders.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/titan.js');

interface Run {
  child: ChildProcess;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

let dir: string;
let pos: FakePetpooja;
const running: ChildProcess[] = [];

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'titan-sync-cli-'));
  // The fake's bills, moved to today in the restaurant's zone so the default range (last week) holds them.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date());
  const orders = sampleOrders().map((o) => {
    const order = o.Order as { created_on: string };
    return { ...o, Order: { ...order, created_on: `${today}${order.created_on.slice(10)}` } };
  });
  pos = await startFakePetpooja({ orders });
});
afterEach(async () => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill();
  await pos.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function titan(args: string[], env: Record<string, string>): Run {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      // Tests run the sources, never a build that may be older than them.
      TITAN_FROM_SOURCES: '1',
      HOME: dir,
      TITAN_DATA_DIR: dir,
      TITAN_LOG_LEVEL: 'silent',
      METADATA_SERVER_DETECTION: 'none',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => {
    stdout += c.toString('utf8');
  });
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString('utf8');
  });
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done };
}

const petpooja = () => ({ ...PETPOOJA_CREDENTIALS, PP_BASE_URL: pos.url });

it('runs one sync and skips the concurrent second one with exit code 0', async () => {
  // The fake keeps the first sync's Petpooja call open, so it holds the lock while the second starts.
  const release = pos.hold();
  const first = titan(['sync', 'sales'], petpooja());
  await vi.waitFor(() => expect(pos.requests.length).toBeGreaterThan(0), { timeout: 20_000, interval: 50 });

  const second = await titan(['sync', 'sales'], petpooja()).done;
  expect(second).toEqual({
    code: 0,
    stdout: 'Skipped - another process is already syncing sales\n',
    stderr: '',
  });

  release();
  const synced = await first.done;
  expect(synced.code).toBe(0);
  expect(synced.stderr).toBe('');
  const [starting, result, ...rest] = synced.stdout.split('\n');
  expect(starting).toBe('Syncing sales…');
  expect(result).toMatch(
    /^Petpooja: 3 orders for \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}: 7 rows added, 0 orders updated, 0 unchanged\.$/,
  );
  expect(rest).toEqual(['']);

  const warehouse = createSqliteWarehouse({ path: path.join(dir, 'titan.db') });
  expect(await warehouse.query('SELECT COUNT(*) AS n FROM sales')).toEqual([{ n: 7 }]);
  expect(
    await warehouse.query('SELECT lock_name FROM system_locks WHERE expires_at > @now', {
      now: new Date().toISOString(),
    }),
  ).toEqual([]);
  await warehouse.close();

  const again = await titan(['sync', 'sales'], petpooja()).done;
  expect(again.code).toBe(0);
  expect(again.stdout).toMatch(/: 0 rows added, 0 orders updated, 3 unchanged\.\n$/);
}, 90_000);

it('says in one line that Petpooja is not configured and exits 1', async () => {
  const run = await titan(['sync', 'sales'], {}).done;
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(
    'titan sync: Petpooja is not configured: set PP_APP_KEY, PP_APP_SECRET, PP_ACCESS_TOKEN, PP_MAPPING_CODE (PATCH /config), then run this again.\n',
  );
  expect(pos.requests).toEqual([]);
}, 60_000);

it('runs a watch-folder pass for the other names', async () => {
  const run = await titan(['sync', 'expenses'], {}).done;
  expect(run.code).toBe(0);
  const [starting, result] = run.stdout.split('\n');
  expect(starting).toBe('Syncing expenses…');
  expect(result).toMatch(/^expenses: 0 files, 0 loaded, 0 failed \(\d+ ms\)$/);
}, 60_000);
