// Demo café: generating 365 days into a SQLite file (wall time, rows/s, peak RSS), then each metric's p50 over the
// last 7 days; at the café's ~300 bills a day and again at ~950 (≈1M sales lines) as a stress case.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDays } from '../src/core/analyst/calendar.ts';
import { generateDemo } from '../src/core/analyst/demo/generate-demo.ts';
import { METRICS } from '../src/core/analyst/metrics/index.ts';
import { DEFAULT_SCOPE } from '../src/core/model/scope.ts';
import type { Warehouse } from '../src/core/warehouse/port.ts';
import { createSqliteWarehouse } from '../src/core/warehouse/sqlite.ts';
import { fmt, percentile, withPeakRss } from './stats.ts';

const DAYS = 365;
const END = '2026-11-25';
const RUNS = 5;
const SCENARIOS = [300, 950];

async function generate(warehouse: Warehouse, billsPerDay: number): Promise<void> {
  const started = performance.now();
  const { result: summary, peakMb } = await withPeakRss(() =>
    generateDemo({ warehouse, days: DAYS, seed: 42, billsPerDay, endDate: END }),
  );
  const seconds = (performance.now() - started) / 1000;
  const rows = Object.values(summary.rows).reduce((a, b) => a + b, 0);
  console.log(
    `   generate ${DAYS} days × ${billsPerDay} bills/day: ${fmt(seconds, 2)} s · ${fmt(rows, 0)} rows (${fmt(summary.rows.sales, 0)} sales lines) · ${fmt(rows / seconds, 0)} rows/s · peak RSS ${fmt(peakMb, 0)} MB`,
  );
}

async function timeMetrics(warehouse: Warehouse): Promise<void> {
  const period = { from: addDays(END, -7), to: addDays(END, -1), label: 'last 7 days' };
  const previous = { from: addDays(END, -14), to: addDays(END, -8), label: 'previous 7 days' };
  for (const metric of Object.values(METRICS)) {
    const samples: number[] = [];
    let scanned = 0;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const out = await metric.run({
        warehouse,
        scope: DEFAULT_SCOPE,
        period,
        previous,
        dailyRevenueTarget: 70_000,
      });
      samples.push(performance.now() - t);
      scanned = out.rowsScanned;
    }
    console.log(
      `     ${metric.id.padEnd(17)} p50 ${fmt(percentile(samples, 50), 1)} ms · ${fmt(scanned, 0)} rows scanned`,
    );
  }
}

export async function run(): Promise<void> {
  for (const billsPerDay of SCENARIOS) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'titan-bench-demo-'));
    const warehouse = createSqliteWarehouse({ path: path.join(dir, 'titan.db') });
    try {
      await warehouse.migrate();
      await generate(warehouse, billsPerDay);
      await timeMetrics(warehouse);
    } finally {
      await warehouse.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
