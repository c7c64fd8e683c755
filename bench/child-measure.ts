// Runs one measured job in a fresh Node process, so its peak RSS is the job's own, not the bench runner's.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fmt } from './stats.ts';

/** What a child job cost: wall time, CPU time (all threads) and the process's peak RSS. */
export interface ChildCost {
  ms: number;
  cpuMs: number;
  peakRssMb: number;
}

/**
 * A bench file's child mode. `script` is the bench file itself (fileURLToPath(import.meta.url)); when
 * it is started with `flag`, `whenChild` runs the job and prints its result and cost as one JSON line.
 */
export interface ChildJob<A extends string[], T extends object> {
  /** In the parent: start the child with `args`, wait, and return what it printed. */
  measure(...args: A): Promise<T & ChildCost>;
  /** Call at the bottom of the bench file: runs the job if this process is the child, else does nothing. */
  whenChild(): Promise<void>;
}

export function childJob<A extends string[], T extends object>(
  script: string,
  flag: string,
  job: (...args: A) => Promise<T>,
): ChildJob<A, T> {
  return {
    async measure(...args) {
      // Earlier benches (and this one's input file) leave hundreds of MB of dirty pages; writing them back
      // mid-measurement cost one CSV run 20%. Flush them first, so the job pays only for its own I/O.
      await promisify(execFile)('sync').catch(() => undefined);
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', script, flag, ...args],
        { maxBuffer: 1 << 20 },
      );
      return JSON.parse(stdout.trim().split('\n').pop()!) as T & ChildCost;
    },
    async whenChild() {
      if (process.argv[2] !== flag) return;
      const started = performance.now();
      const cpu = process.cpuUsage();
      const result = await job(...(process.argv.slice(3) as A));
      const used = process.cpuUsage(cpu);
      const cost: ChildCost = {
        ms: performance.now() - started,
        cpuMs: (used.user + used.system) / 1000,
        // The kernel's high-water mark: exact, where sampling rss() on a timer can miss a spike.
        peakRssMb: process.resourceUsage().maxRSS / 1024,
      };
      console.log(JSON.stringify({ ...result, ...cost }));
    },
  };
}

/** "N rows in X s → Y rows/s (Z rows per CPU-second), peak RSS M MB": the per-CPU rate is steadier on a busy machine. */
export function costLine(rows: number, cost: ChildCost): string {
  return (
    `${fmt(rows, 0)} rows in ${fmt(cost.ms / 1000, 2)} s → ${fmt((rows * 1000) / cost.ms, 0)} rows/s ` +
    `(${fmt((rows * 1000) / cost.cpuMs, 0)} rows per CPU-second), peak RSS ${fmt(cost.peakRssMb, 0)} MB`
  );
}
