// The analyst on a year of the demo café (365 days × ~300 bills) in a SQLite file: leak scan and daily brief p50/p95, peak RSS.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAnalyst } from '../src/core/analyst/analyst.ts';
import { generateDemo } from '../src/core/analyst/demo/generate-demo.ts';
import { DEFAULT_SCOPE } from '../src/core/model/scope.ts';
import { createTaskService } from '../src/core/tasks/task-service.ts';
import { createSqliteWarehouse } from '../src/core/warehouse/sqlite.ts';
import { fmt, percentile, withPeakRss } from './stats.ts';

const DAYS = 365;
const END = '2026-11-25';
/** 8 AM on the last day in Kolkata: the morning the brief is written. */
const MORNING = new Date('2026-11-25T02:30:00Z');
const RUNS = 20;
const TARGET_MS = 500;

async function measure(label: string, fn: () => Promise<unknown>): Promise<void> {
  await fn(); // warm the statement cache, as a running server would be
  const samples: number[] = [];
  const { peakMb } = await withPeakRss(async () => {
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await fn();
      samples.push(performance.now() - t);
    }
  });
  const p50 = percentile(samples, 50);
  const p95 = percentile(samples, 95);
  const verdict = p95 < TARGET_MS ? 'within' : 'OVER';
  console.log(
    `   ${label.padEnd(11)} p50 ${fmt(p50, 0)} ms · p95 ${fmt(p95, 0)} ms (${verdict} the ${TARGET_MS} ms target) · peak RSS ${fmt(peakMb, 0)} MB`,
  );
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'titan-bench-analyst-'));
  const warehouse = createSqliteWarehouse({ path: path.join(dir, 'titan.db') });
  try {
    await warehouse.migrate();
    const summary = await generateDemo({ warehouse, days: DAYS, seed: 42, endDate: END });
    console.log(`   ${fmt(DAYS, 0)} days · ${fmt(summary.rows.sales, 0)} sales lines in a SQLite file`);
    const clock = { now: () => MORNING };
    const tasks = createTaskService({ warehouse, clock });
    const analyst = createAnalyst({
      warehouse,
      tasks,
      clock,
      tz: 'Asia/Kolkata',
      dailyRevenueTarget: 70_000,
    });
    const statuses: string[] = [];
    await measure('leak scan', () =>
      analyst.ask({ question: 'where am I losing money?', scope: DEFAULT_SCOPE }, (s) => statuses.push(s)),
    );
    await measure('daily brief', () => analyst.dailyBrief(DEFAULT_SCOPE));
    console.log(`   status lines per scan: ${statuses.length / (RUNS + 1)} (first: "${statuses[0]}")`);
  } finally {
    await warehouse.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
