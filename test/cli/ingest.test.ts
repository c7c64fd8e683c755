// `titan ingest` as a user runs it: files loaded in place, outcomes printed, failures copied aside, a killed load leaves nothing.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteWarehouse } from '../../src/core/warehouse/sqlite.ts';
import {
  controlsIn,
  HOSTILE_FILE,
  HOSTILE_FILE_SHOWN,
  HOSTILE_ITEM,
  HOSTILE_ITEM_SHOWN,
} from '../bot/render/hostile-names.ts';
import { salesRow, writeSalesCsv } from '../core/ingest/generated-files.ts';
import { runTitan, type TitanRun } from '../core/ingest/titan-process.ts';

const GOOD = 'Date,Particulars,Amount\n01/11/2026,Milk,120\n02/11/2026,Gas,900\n';

let dir: string;
let dataDir: string;
const runs: TitanRun[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'titan-ingest-cli-'));
  dataDir = path.join(dir, 'data');
});
afterEach(async () => {
  for (const run of runs.splice(0)) if (run.child.exitCode === null) run.child.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

const titan = (...args: string[]) => {
  const run = runTitan(['ingest', ...args], { TITAN_DATA_DIR: dataDir, HOME: dir });
  runs.push(run);
  return run;
};
const fingerprint = async (file: string) => {
  const info = await stat(file);
  return `${createHash('sha256')
    .update(await readFile(file))
    .digest('hex')}:${info.mtimeMs}`;
};
async function countRows(table: string): Promise<number> {
  const warehouse = createSqliteWarehouse({ path: path.join(dataDir, 'titan.db') });
  try {
    await warehouse.migrate();
    return (await warehouse.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))[0]!.n;
  } finally {
    await warehouse.close();
  }
}

describe('titan ingest', () => {
  it('loads a file in place, never changing it, and says so', async () => {
    const file = path.join(dir, 'november.csv');
    await writeFile(file, GOOD);
    const before = await fingerprint(file);
    const first = await titan(file, '--category', 'expenses').done;
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('✓ november.csv: loaded 2 rows');
    const again = await titan(file, '--category', 'expenses', '--json').done;
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual([{ name: 'november.csv', outcome: 'already_loaded', rows: 2 }]);
    expect(await fingerprint(file)).toBe(before);
    expect(await countRows('expenses_master')).toBe(2);
  });

  it('loads only the new orders of an export overlapping an earlier one, saying how many it skipped', async () => {
    const first = path.join(dir, 'orders-1-500.csv');
    const overlap = path.join(dir, 'orders-401-600.csv');
    // ISO dates: 500 rows span too few days to tell day/month apart.
    const isoRow = (i: number) => {
      const [date, ...rest] = salesRow(i);
      return [date!.split('/').reverse().join('-'), ...rest];
    };
    await writeSalesCsv(first, 500, isoRow);
    await writeSalesCsv(overlap, 200, (i) => isoRow(400 + i));
    const firstRun = await titan(first, '--category', 'sales').done;
    expect(firstRun.stdout).toContain('✓ orders-1-500.csv: loaded 500 rows');
    const second = await titan(overlap, '--category', 'sales').done;
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(
      '✓ orders-401-600.csv: loaded 100 rows (100 rows already stored from an earlier export skipped)',
    );
    expect(await countRows('sales')).toBe(600);
  });

  it('exits 1 when a file fails, printing why and copying it to failed/<category>/', async () => {
    const folder = path.join(dir, 'bills');
    await mkdir(folder);
    await writeFile(path.join(folder, 'good.csv'), GOOD);
    await writeFile(path.join(folder, 'header-only.csv'), 'Date,Particulars,Amount\n');
    const result = await titan(folder, '--category', 'expenses').done;
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✓ good.csv: loaded 2 rows');
    expect(result.stdout).toMatch(/✗ header-only\.csv: failed: .*no data rows/);
    expect(result.stdout).toContain('2 files: 1 loaded, 0 already loaded, 1 failed');
    const copy = path.join(dataDir, 'failed', 'expenses', 'header-only.csv');
    expect(await readFile(copy, 'utf8')).toBe('Date,Particulars,Amount\n');
    expect(await readFile(`${copy}.reason.txt`, 'utf8')).toMatch(/no data rows/);
    expect(await readFile(path.join(folder, 'header-only.csv'), 'utf8')).toBe('Date,Particulars,Amount\n');
  });

  it('shows files named with line breaks, ANSI codes or a bidi override as visible text; --json keeps the names', async () => {
    const folder = path.join(dir, 'uploads');
    await mkdir(folder);
    const names = [HOSTILE_FILE, `${HOSTILE_ITEM}.csv`];
    for (const name of names) await writeFile(path.join(folder, name), 'Date,Particulars,Amount\n');
    const result = await titan(folder, '--category', 'expenses').done;
    expect(result.code).toBe(1);
    for (const line of result.stdout.split('\n')) expect(controlsIn(line)).toEqual([]);
    expect(result.stdout).toContain(`✗ ${HOSTILE_FILE_SHOWN}: failed: `);
    expect(result.stdout).toContain(`✗ ${HOSTILE_ITEM_SHOWN}.csv: failed: `);
    const json = await titan(folder, '--category', 'expenses', '--json').done;
    expect(controlsIn(json.stdout.trim())).toEqual([]);
    const parsed = JSON.parse(json.stdout) as { name: string }[];
    expect(parsed.map((o) => o.name).sort()).toEqual([...names].sort());
  });

  it('says how each loaded file was read: mapping and unused columns in the human output, the whole report with --json', async () => {
    const header = 'Bill Date,Particulars,Qty,Total,Payment Type,Order Type,Table No,Status\n';
    const lines = [
      '05/11/2026,Masala Dosa,2,240,Swiggy,Delivery,T4,Accepted',
      '25/11/2026,Filter Coffee,3,120,UPI,Dine In,T1,On Hold',
      '26/11/2026,Idli Vada,1,80,Zomato,Delivery,T2,Cancelled',
    ];
    await writeFile(path.join(dir, 'pos.csv'), header + lines.join('\n'));
    await writeFile(path.join(dir, 'pos-2.csv'), header + lines.slice(0, 2).join('\n'));
    const human = await titan(path.join(dir, 'pos.csv'), '--category', 'sales').done;
    expect(human.code).toBe(0);
    expect(human.stdout.split('\n').slice(0, 3)).toEqual([
      '✓ pos.csv: loaded 3 rows',
      '  columns: Bill Date → date, Particulars → item, Qty → qty, Total → amount, Payment Type → payment_mode, Order Type → order_type, Status → status',
      '  not used: Table No',
    ]);
    const json = await titan(path.join(dir, 'pos-2.csv'), '--category', 'sales', '--json').done;
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([
      {
        name: 'pos-2.csv',
        outcome: 'loaded',
        rows: 2,
        report: {
          mapping: [
            { source: 'Bill Date', column: 'date' },
            { source: 'Particulars', column: 'item' },
            { source: 'Qty', column: 'qty' },
            { source: 'Total', column: 'amount' },
            { source: 'Payment Type', column: 'payment_mode' },
            { source: 'Order Type', column: 'order_type' },
            { source: 'Status', column: 'status' },
          ],
          unmapped: ['Table No'],
          dateOrder: {
            order: 'day-first',
            evidence: 'day first: row 2 has 25/11/2026; no row has a second part above 12',
          },
          skipped: [],
          unknownValues: [{ column: 'Status', values: ['On Hold'] }],
        },
      },
    ]);
  });

  it('refuses to run without a category, in one line', async () => {
    const result = await titan(path.join(dir, 'x.csv')).done;
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('--category is required');
  });

  it('leaves no row behind when killed mid-load, and the rerun loads the file exactly once', async () => {
    // ≈ 125 MB of pages: past the warehouse's 32 MB page cache, so uncommitted pages spill into the WAL mid-load.
    const rows = 500_000;
    const file = path.join(dir, 'big-sales.csv');
    await writeSalesCsv(file, rows);
    const killed = titan(file, '--category', 'sales');
    // Once the WAL holds megabytes while the process still runs, rows are mid-insert and uncommitted.
    const wal = path.join(dataDir, 'titan.db-wal');
    for (;;) {
      if (killed.child.exitCode !== null)
        throw new Error('the load finished before it could be killed; use a bigger file');
      const size = await stat(wal).then(
        (s) => s.size,
        () => 0,
      );
      if (size > 8 * 1024 ** 2) break;
      await sleep(20);
    }
    killed.child.kill('SIGKILL');
    expect((await killed.done).signal).toBe('SIGKILL');

    expect(await countRows('sales')).toBe(0);
    expect(await countRows('ingest_files')).toBe(0);

    const rerun = await titan(file, '--category', 'sales').done;
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain(`loaded ${rows.toLocaleString('en-IN')} rows`);
    const third = await titan(file, '--category', 'sales').done;
    expect(third.stdout).toContain('already loaded');
    expect(await countRows('sales')).toBe(rows);
  }, 120_000);
});
