// Start-up, whole process: `titan --help`, `titan ask` on the 90-day demo café and the row worker's first rows,
// each run as the compiled JavaScript `npm install` builds (dist/) beside the same from TypeScript sources through
// tsx (what ran before) and bare `node` (the floor no build can beat), medians of paired runs.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { oneRowCsvSource } from '../test/core/ingest/worker/one-row-csv-source.ts';
import { fmt, percentile } from './stats.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin', 'titan.js');
const RUNS = 7;
const TARGETS = { help: 120, ask: 450, worker: 50 };
const QUESTION = 'revenue yesterday';

const exec = promisify(execFile);

async function wallMs(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  await exec(process.execPath, args, { env, cwd: ROOT, maxBuffer: 1 << 22 });
  return performance.now() - started;
}

/** Medians of `RUNS` rounds; each round runs every variant once, so a busy moment hits them alike. */
async function paired(variants: Record<string, () => Promise<number>>): Promise<Record<string, number>> {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (let i = 0; i < RUNS; i += 1) {
    for (const [name, measure] of Object.entries(variants)) samples[name]!.push(await measure());
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, percentile(v, 50)]));
}

/** A module, run as a child process, that starts a row worker, reads a one-row CSV through it and prints the ms taken. */
function workerProbe(threadModule: string, csvPath: string): string {
  const source = oneRowCsvSource(csvPath);
  return `
    const { startRowWorker } = await import(${JSON.stringify(threadModule)});
    const started = performance.now();
    const worker = startRowWorker();
    for await (const batch of worker.read(${JSON.stringify(source)})) void batch;
    console.log(performance.now() - started);
  `;
}

async function workerMs(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { stdout } = await exec(process.execPath, args, { env, cwd: ROOT });
  return Number(stdout.trim().split('\n').pop());
}

const line = (label: string, ms: number, target?: number, note = '') =>
  console.log(
    `   ${label.padEnd(34)} ${fmt(ms, 0).padStart(6)} ms${target === undefined ? '' : `  (target ≤ ${target} ms${ms <= target ? ', met' : ', MISSED'})`}${note}`,
  );

export async function run(): Promise<void> {
  if (!existsSync(path.join(ROOT, 'dist', 'cli.js'))) {
    console.log('   building dist/ first (npm run build)…');
    await exec('npm', ['run', 'build'], { cwd: ROOT });
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'titan-bench-startup-'));
  const base = { ...process.env, TITAN_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  const compiled = { ...base, TITAN_FROM_SOURCES: '0' };
  const sources = { ...base, TITAN_FROM_SOURCES: '1' };
  try {
    await exec(process.execPath, [BIN, 'demo'], { env: compiled, cwd: ROOT });
    const csv = path.join(dataDir, 'one-row.csv');
    writeFileSync(csv, 'Date,Item,Amount\n01/11/2026,Tea,40\n');

    const help = await paired({
      node: () => wallMs(['-e', ''], base),
      compiled: () => wallMs([BIN, '--help'], compiled),
      sources: () => wallMs([BIN, '--help'], sources),
    });
    console.log('   titan --help, whole process (median of 7)');
    line('bare node -e "" (the floor)', help.node!);
    line('compiled (dist/)', help.compiled!, TARGETS.help);
    line(
      'from sources (tsx)',
      help.sources!,
      undefined,
      `  → compiled ${fmt(help.sources! / help.compiled!, 1)}× faster`,
    );

    const ask = await paired({
      compiled: () => wallMs([BIN, 'ask', QUESTION], compiled),
      sources: () => wallMs([BIN, 'ask', QUESTION], sources),
    });
    console.log(`   titan ask "${QUESTION}" on the 90-day demo café, whole process (median of 7)`);
    line('compiled (dist/)', ask.compiled!, TARGETS.ask);
    line(
      'from sources (tsx)',
      ask.sources!,
      undefined,
      `  → compiled ${fmt(ask.sources! / ask.compiled!, 1)}× faster`,
    );

    // Written as files: Node refuses --input-type beside tsx's --import.
    const probe = (name: string, threadModule: string): string => {
      const file = path.join(dataDir, name);
      writeFileSync(file, workerProbe(threadModule, csv));
      return file;
    };
    const distThread = path.join(ROOT, 'dist', 'core', 'ingest', 'worker', 'row-worker-thread.js');
    const srcThread = path.join(ROOT, 'src', 'core', 'ingest', 'worker', 'row-worker-thread.ts');
    const worker = await paired({
      compiled: () => workerMs([probe('compiled.mjs', distThread)], base),
      sources: () => workerMs(['--import', 'tsx', probe('sources.mts', srcThread)], base),
    });
    console.log('   row worker: start → a one-row CSV read through it (in-process, median of 7)');
    line('compiled (dist/)', worker.compiled!, TARGETS.worker);
    line(
      'from sources (tsx boot)',
      worker.sources!,
      undefined,
      `  → compiled ${fmt(worker.sources! / worker.compiled!, 1)}× faster`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
