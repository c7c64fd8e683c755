// How cost grows with the data: at 1×, 4× and 12× (90, 365 and 1,095 days of a 300-bills-a-day café), the time
// `titan ingest` takes to load that many days of sales lines (whole process, compiled, as an owner runs it) and
// the p95 time to answer the everyday question mix on the demo café of that size. Linear or better is the target:
// ingest time per row and answer time should not grow faster than the data.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { writeSalesCsv } from '../test/core/ingest/generated-files.ts';
import { DEMO_MIX, openDemoTitan } from './demo-cafe.ts';
import { fmt, percentile } from './stats.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const SCALES = [90, 365, 1095];
const BILLS_PER_DAY = 300;
/** The generated sales files hold 300 lines a day (generated-files.ts). */
const LINES_PER_DAY = 300;
const RUNS = 3;

const exec = promisify(execFile);

async function ingestSeconds(file: string, dataDir: string): Promise<number> {
  const started = performance.now();
  await exec(process.execPath, [path.join(ROOT, 'bin', 'titan.js'), 'ingest', file, '--category', 'sales'], {
    env: { ...process.env, TITAN_DATA_DIR: dataDir, TITAN_FROM_SOURCES: '0' },
    maxBuffer: 1 << 22,
  });
  return (performance.now() - started) / 1000;
}

async function answerP95(days: number): Promise<{ p95: number; lines: number }> {
  const cafe = await openDemoTitan(days, BILLS_PER_DAY);
  try {
    for (const [, question] of DEMO_MIX) await cafe.ask(question);
    const samples: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      for (const [, question] of DEMO_MIX) {
        const started = performance.now();
        await cafe.ask(question);
        samples.push(performance.now() - started);
      }
    }
    return { p95: percentile(samples, 95), lines: cafe.salesLines };
  } finally {
    await cafe.close();
  }
}

export async function run(): Promise<void> {
  if (!existsSync(path.join(ROOT, 'dist', 'cli.js'))) await exec('npm', ['run', 'build'], { cwd: ROOT });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'titan-bench-growth-'));
  const rows: { days: number; lines: number; ingest: number; p95: number; answerLines: number }[] = [];
  try {
    for (const days of SCALES) {
      const file = path.join(dir, `sales-${days}.csv`);
      const lines = days * LINES_PER_DAY;
      await writeSalesCsv(file, lines);
      const ingest = await ingestSeconds(file, path.join(dir, `data-${days}`));
      rmSync(path.join(dir, `data-${days}`), { recursive: true, force: true });
      rmSync(file, { force: true });
      const { p95, lines: answerLines } = await answerP95(days);
      rows.push({ days, lines, ingest, p95, answerLines });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const base = rows[0]!;
  console.log(
    `   ${DEMO_MIX.length} questions × ${RUNS} runs per scale; ingest is one whole \`titan ingest\` process`,
  );
  for (const r of rows) {
    const scale = r.lines / base.lines;
    const ingestGrowth = r.ingest / base.ingest;
    const answerGrowth = r.p95 / base.p95;
    console.log(
      `   ${String(r.days).padStart(5)} days (${fmt(scale, 0)}×): ingest ${fmt(r.lines, 0)} lines in ${fmt(r.ingest, 2)} s ` +
        `(${fmt(ingestGrowth, 1)}× the 1× time; linear or better: ${ingestGrowth <= scale * 1.1 ? 'met' : 'MISSED'}) · ` +
        `answers on ${fmt(r.answerLines, 0)} sales lines p95 ${fmt(r.p95, 0)} ms ` +
        `(${fmt(answerGrowth, 1)}×; linear or better: ${answerGrowth <= scale * 1.1 ? 'met' : 'MISSED'})`,
    );
  }
}
