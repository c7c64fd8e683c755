// Ingest end to end: 1M-row CSVs → SQLite against a naive loader in the same run (the bench's sales layout and a
// human expenses ledger), one 100 MB CSV field, 100k-row XLSX, a 500-row file, and the LLM row cap.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { createIngestStack, type IngestStack } from '../src/core/ingest/ingest-stack.ts';
import type { LlmSchemaMapper } from '../src/core/ingest/port.ts';
import type { IngestLlm } from '../src/core/ingest/prepare-file.ts';
import { createLocks } from '../src/core/locks/locks.ts';
import { DEFAULT_SCOPE } from '../src/core/model/scope.ts';
import type { Warehouse } from '../src/core/warehouse/port.ts';
import { createSqliteWarehouse } from '../src/core/warehouse/sqlite.ts';
import type { Category } from '../src/core/warehouse/tables.ts';
import {
  salesRow,
  writeExpensesCsv,
  writeSalesCsv,
  writeSalesCsvWithHugeField,
  writeSalesXlsx,
} from '../test/core/ingest/generated-files.ts';
import { type ChildCost, childJob, costLine } from './child-measure.ts';
import { loadNaively, type NaiveLayout } from './naive-loader.ts';
import { fmt, percentile } from './stats.ts';

const CSV_ROWS = 1_000_000;
const XLSX_ROWS = 100_000;
const SMALL_ROWS = 500;
const SMALL_RUNS = 7;
/** Paired runs of Titan and the naive loader per layout; the medians are printed. */
const PAIRED_RUNS = 3;

interface Loaded {
  rows: number;
}

async function openStack(dataDir: string, llm?: IngestLlm): Promise<IngestStack & { warehouse: Warehouse }> {
  const warehouse = createSqliteWarehouse({ path: path.join(dataDir, 'titan.db') });
  await warehouse.migrate();
  const logger = pino({ level: 'silent' });
  const clock = { now: () => new Date() };
  const stack = createIngestStack({
    warehouse,
    locks: createLocks({ warehouse, clock, logger }),
    config: () => ({}),
    dataDir,
    logger,
    clock,
    ...(llm === undefined ? {} : { llm: () => llm }),
  });
  return { ...stack, warehouse };
}

/** Ingests one file into a fresh warehouse: opening, migrating and closing it count too. */
const ingestInChild = childJob(
  fileURLToPath(import.meta.url),
  '--ingest-bench-child',
  async (file: string, category: string, dataDir: string): Promise<Loaded> => {
    const { ingest, warehouse } = await openStack(dataDir);
    try {
      const [outcome] = await ingest.ingestPaths([file], {
        category: category as Category,
        scope: DEFAULT_SCOPE,
      });
      if (outcome?.outcome !== 'loaded')
        throw new Error(`${path.basename(file)} did not load: ${outcome?.reason}`);
      return { rows: outcome.rows ?? 0 };
    } finally {
      await warehouse.close();
    }
  },
);

/** The naive loader into a fresh warehouse of Titan's schema: migrating counts for it too, as for Titan. */
const naiveInChild = childJob(
  fileURLToPath(import.meta.url),
  '--naive-bench-child',
  async (file: string, layout: string, dataDir: string): Promise<Loaded> => {
    await mkdir(dataDir, { recursive: true });
    const dbPath = path.join(dataDir, 'titan.db');
    const warehouse = createSqliteWarehouse({ path: dbPath });
    await warehouse.migrate();
    await warehouse.close();
    return { rows: await loadNaively(file, layout as NaiveLayout, dbPath) };
  },
);

const median = <T extends ChildCost>(runs: T[]): T =>
  [...runs].sort((a, b) => a.ms - b.ms)[runs.length >> 1]!;

/** Titan and the naive loader on one file, alternating so a busy moment hits both alike. */
async function versusNaive(label: string, file: string, layout: NaiveLayout, dir: string): Promise<void> {
  const titan: (Loaded & ChildCost)[] = [];
  const naive: (Loaded & ChildCost)[] = [];
  for (let i = 0; i < PAIRED_RUNS; i += 1) {
    for (const [runs, measure] of [
      [titan, () => ingestInChild.measure(file, layout, path.join(dir, `${layout}-titan`))],
      [naive, () => naiveInChild.measure(file, layout, path.join(dir, `${layout}-naive`))],
    ] as const) {
      runs.push(await measure());
      await rm(path.join(dir, `${layout}-titan`), { recursive: true, force: true });
      await rm(path.join(dir, `${layout}-naive`), { recursive: true, force: true });
    }
  }
  const t = median(titan);
  const n = median(naive);
  const ratio = n.ms / t.ms;
  console.log(`${label}, median of ${PAIRED_RUNS} paired runs`);
  console.log(`   titan ingest: ${costLine(t.rows, t)}`);
  console.log(`   naive loader: ${costLine(n.rows, n)}`);
  console.log(
    `   → ${fmt(ratio, 2)}× the naive rate (target ≥ 0.9×${ratio >= 0.9 ? ', met' : ', MISSED'}), ` +
      `${fmt(t.cpuMs / n.cpuMs, 1)}× its CPU; peak RSS ${fmt(t.peakRssMb, 0)} MB (target < 300 MB${t.peakRssMb < 300 ? ', met' : ', MISSED'})`,
  );
}

function report(label: string, m: Loaded & ChildCost, target: string): void {
  console.log(`${label}: ${costLine(m.rows, m)} ${target}`);
}

async function smallFileMs(dir: string): Promise<number[]> {
  const { ingest, warehouse } = await openStack(path.join(dir, 'small'));
  const samples: number[] = [];
  try {
    // Run 0 warms the module and statement caches; each file differs so none is "already loaded".
    for (let run = 0; run <= SMALL_RUNS; run += 1) {
      const file = path.join(dir, `small-${run}.csv`);
      await writeSalesCsv(file, SMALL_ROWS, (i) => salesRow(i + run * SMALL_ROWS));
      const started = performance.now();
      const [outcome] = await ingest.ingestPaths([file], { category: 'sales', scope: DEFAULT_SCOPE });
      if (outcome?.outcome !== 'loaded') throw new Error(`small file did not load: ${outcome?.reason}`);
      if (run > 0) samples.push(performance.now() - started);
    }
  } finally {
    await warehouse.close();
  }
  return samples;
}

/** Counts every LLM mapping call and the most rows any one of them saw. */
function countingMapper(): { mapper: LlmSchemaMapper; calls: () => number; maxRows: () => number } {
  let calls = 0;
  let maxRows = 0;
  const mapper: LlmSchemaMapper = async ({ headers, sample }) => {
    calls += 1;
    maxRows = Math.max(maxRows, sample.length);
    return {
      mapping: { date: headers[0] ?? null, description: headers[1] ?? null, amount: headers[2] ?? null },
      confidence: 0.9,
    };
  };
  return { mapper, calls: () => calls, maxRows: () => maxRows };
}

async function llmFigures(dir: string): Promise<void> {
  const counting = countingMapper();
  const { ingest, warehouse } = await openStack(path.join(dir, 'llm'), { mapSchema: counting.mapper });
  try {
    // Headers no heuristic can read, so the first file of this layout goes to the LLM.
    const odd = (n: number) =>
      `F1,F2,F3\n${Array.from({ length: 2000 }, (_, i) => `0${1 + (i % 9)}/11/2026,Item ${i + n},${100 + i}`).join('\n')}\n`;
    const known = 'Date,Particulars,Amount\n01/11/2026,Milk,120\n02/11/2026,Gas,900\n';
    const files = { 'odd-1.csv': odd(0), 'odd-2.csv': odd(1), 'known.csv': known };
    for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
    await ingest.ingestPaths([path.join(dir, 'odd-1.csv')], { category: 'expenses', scope: DEFAULT_SCOPE });
    const first = counting.calls();
    await ingest.ingestPaths([path.join(dir, 'odd-2.csv'), path.join(dir, 'known.csv')], {
      category: 'expenses',
      scope: DEFAULT_SCOPE,
    });
    console.log(
      `LLM: most rows any file sent: ${counting.maxRows()} (target ≤ 50; the file had 2,000); ` +
        `calls for a new layout: ${first}; for the same layout again and a known layout: ${counting.calls() - first} (target 0)`,
    );
  } finally {
    await warehouse.close();
  }
}

export async function run(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'titan-bench-ingest-'));
  try {
    const csv = path.join(dir, 'sales-1m.csv');
    await writeSalesCsv(csv, CSV_ROWS);
    report(
      'CSV → SQLite',
      await ingestInChild.measure(csv, 'sales', path.join(dir, 'csv')),
      '(targets ≥ 300k rows/s, < 300 MB)',
    );
    await rm(path.join(dir, 'csv'), { recursive: true, force: true });
    await versusNaive('1M-row sales CSV (the layout above)', csv, 'sales', dir);
    const ledger = path.join(dir, 'expenses-1m.csv');
    await writeExpensesCsv(ledger, CSV_ROWS);
    await versusNaive(
      '1M-row expenses ledger (Date,Narration,Head,Paid To,Amt (Rs),Mode; "6,726.87")',
      ledger,
      'expenses',
      dir,
    );
    await rm(ledger, { force: true });

    // One field past the CSV row cap: its row is skipped, read once rather than once per 64 KB.
    const huge = path.join(dir, 'sales-100mb-field.csv');
    await writeSalesCsvWithHugeField(huge, 40, 20, 100 * 1024 ** 2);
    const field = await ingestInChild.measure(huge, 'sales', path.join(dir, 'huge'));
    console.log(
      `CSV with one 100 MB field → SQLite: ${field.rows} of 40 rows in ${fmt(field.ms / 1000, 2)} s, ` +
        `peak RSS ${fmt(field.peakRssMb, 0)} MB (target < 300 MB)`,
    );

    const xlsx = path.join(dir, 'sales-100k.xlsx');
    await writeSalesXlsx(xlsx, XLSX_ROWS);
    report(
      'XLSX → SQLite',
      await ingestInChild.measure(xlsx, 'sales', path.join(dir, 'xlsx')),
      '(target ≥ 50k rows/s)',
    );

    const small = await smallFileMs(dir);
    console.log(
      `500-row CSV: p50 ${fmt(percentile(small, 50), 1)} ms, p95 ${fmt(percentile(small, 95), 1)} ms over ${small.length} files (target < 50 ms)`,
    );
    await llmFigures(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await ingestInChild.whenChild();
await naiveInChild.whenChild();
