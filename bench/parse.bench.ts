// Parser throughput, without the warehouse: 1M-row CSV (rows/s, peak RSS), 100k-row XLSX, and parse+map of a 500-row file.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mapTable } from '../src/core/ingest/map/map-table.ts';
import { createRowNormaliser } from '../src/core/ingest/normalise/normalise-row.ts';
import { parseFile } from '../src/core/ingest/parse/parse-file.ts';
import type { RawTable } from '../src/core/ingest/port.ts';
import { salesRow, writeSalesCsv, writeSalesXlsx } from '../test/core/ingest/generated-files.ts';
import { type ChildCost, childJob, costLine } from './child-measure.ts';
import { fmt, percentile } from './stats.ts';

const CSV_ROWS = 1_000_000;
const XLSX_ROWS = 100_000;
const SMALL_ROWS = 500;
const SMALL_RUNS = 20;

interface Parsed {
  rows: number;
  bad: number;
}

async function open(file: string): Promise<RawTable> {
  const { size } = await stat(file);
  const [table] = await parseFile({ name: path.basename(file), path: file, size }, { category: 'sales' });
  return table!;
}

/** Parses every row of a file, normalising too if asked. */
const parseInChild = childJob(
  fileURLToPath(import.meta.url),
  '--parse-bench-child',
  async (file: string, mode: string): Promise<Parsed> => {
    const table = await open(file);
    const convert =
      mode === 'normalise'
        ? createRowNormaliser(await mapTable({ table, category: 'sales' }), 'sales')
        : undefined;
    let rows = 0;
    let bad = 0;
    for await (const batch of table.rows()) {
      rows += batch.length;
      if (convert) for (const row of batch) if (!convert(row).ok) bad += 1;
    }
    return { rows, bad };
  },
);

function report(label: string, m: Parsed & ChildCost): void {
  const bad = m.bad > 0 ? `, ${fmt(m.bad, 0)} bad rows` : '';
  console.log(`${label}: ${costLine(m.rows, m)}${bad}`);
}

/** Parse + map (and + normalise) of a fresh 500-row CSV, after one warm-up run. */
async function smallFile(dir: string): Promise<{ map: number[]; all: number[] }> {
  const map: number[] = [];
  const all: number[] = [];
  for (let run = 0; run <= SMALL_RUNS; run += 1) {
    const file = path.join(dir, `small-${run}.csv`);
    await writeSalesCsv(file, SMALL_ROWS, (i) => salesRow(i + run * SMALL_ROWS));
    const started = performance.now();
    const table = await open(file);
    const mapping = await mapTable({ table, category: 'sales' });
    const mapped = performance.now();
    const convert = createRowNormaliser(mapping, 'sales');
    for await (const batch of table.rows()) for (const row of batch) convert(row);
    if (run === 0) continue;
    map.push(mapped - started);
    all.push(performance.now() - started);
  }
  return { map, all };
}

export async function run(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'titan-bench-parse-'));
  try {
    const csv = path.join(dir, 'sales-1m.csv');
    await writeSalesCsv(csv, CSV_ROWS);
    report('CSV parse', await parseInChild.measure(csv, 'parse'));
    report('CSV parse + map + normalise', await parseInChild.measure(csv, 'normalise'));

    const xlsx = path.join(dir, 'sales-100k.xlsx');
    await writeSalesXlsx(xlsx, XLSX_ROWS);
    report('XLSX parse', await parseInChild.measure(xlsx, 'parse'));

    const small = await smallFile(dir);
    const line = (xs: number[]) =>
      `p50 ${fmt(percentile(xs, 50), 1)} ms, p95 ${fmt(percentile(xs, 95), 1)} ms`;
    console.log(`500-row CSV parse + map: ${line(small.map)}; + normalise every row: ${line(small.all)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await parseInChild.whenChild();
