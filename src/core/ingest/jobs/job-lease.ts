// Who runs an ingest job: each job holds a lease naming its process, so another process can tell a job whose
// process died (killed, crashed, restarted) from one still running, even when two servers share one warehouse.
import os from 'node:os';
import { z } from 'zod';
import type { Clock } from '../../clock.ts';
import { TitanError } from '../../errors.ts';
import { createLocks } from '../../locks/locks.ts';
import type { Logger } from '../../logger.ts';
import type { Warehouse } from '../../warehouse/port.ts';

/** A holder that stops heartbeating (a machine gone) frees its jobs within this; heartbeats come every third. */
export const JOB_LEASE_TTL_MS = 120_000;

/** What the status of a job whose process is gone says, in place of the error it never got to record. */
export const INTERRUPTED_REASON =
  'interrupted: the server stopped while this job ran; start it again (files already loaded are skipped)';

/** One running process: a pid is reused after its process dies, so the process start time comes with it. */
export interface ProcessId {
  host: string;
  pid: number;
  /** performance.timeOrigin of the process, whole milliseconds. */
  startedAt: number;
}

export const thisProcess = (): ProcessId => ({
  host: os.hostname(),
  pid: process.pid,
  startedAt: Math.round(performance.timeOrigin),
});

const processIdSchema = z.object({ host: z.string(), pid: z.number().int(), startedAt: z.number() });

/** The holder a lease names; undefined for an owner this module did not write. */
function parseProcessId(owner: string): ProcessId | undefined {
  try {
    const parsed = processIdSchema.safeParse(JSON.parse(owner));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const leaseName = (jobId: string) => `ingest_job_${jobId}`;

/** True only when the process is known dead; another machine's processes can be judged by their lease alone. */
function isGone(holder: ProcessId, self: ProcessId): boolean {
  if (holder.host !== self.host) return false;
  // Same pid, other start: an earlier run of this very process slot (a container restarted as pid 1).
  if (holder.pid === self.pid) return holder.startedAt !== self.startedAt;
  try {
    process.kill(holder.pid, 0);
    // Alive, or a new process that got the pid: the lease lapses in the second case, so wait for that.
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export interface JobLeases {
  /**
   * Takes the job's lease, then calls `create` (which writes the job row) and `run`, heartbeating until
   * `run` ends; resolves once the row exists, with `done` settling when the run has. `signal` aborts if
   * the lease is lost (another process judged this one gone), so the run stops between files.
   */
  start<T>(
    jobId: string,
    create: () => Promise<void>,
    run: (signal: AbortSignal) => Promise<T>,
  ): Promise<{ done: Promise<T> }>;
  /** Whether the process running `jobId` is gone: no lease, a lapsed lease, or a holder known dead. */
  holderGone(jobId: string): Promise<boolean>;
}

export interface JobLeasesOptions {
  warehouse: Warehouse;
  clock: Clock;
  logger: Logger;
  /** Who this process is; tests pose as another machine or an earlier run. */
  self?: ProcessId;
}

export function createJobLeases(options: JobLeasesOptions): JobLeases {
  const { warehouse, clock } = options;
  const self = options.self ?? thisProcess();
  const locks = createLocks({ warehouse, clock, logger: options.logger, owner: JSON.stringify(self) });

  return {
    async start(jobId, create, run) {
      let created!: () => void;
      const written = new Promise<void>((resolve) => {
        created = resolve;
      });
      // The lease comes before the row, so no other process ever sees this job running without a holder.
      const done = locks
        .withLock(leaseName(jobId), JOB_LEASE_TTL_MS, async (signal) => {
          await create();
          created();
          return run(signal);
        })
        .then((outcome) => {
          if (!outcome.acquired)
            throw new TitanError('internal', `The lease of new ingest job ${jobId} is taken.`);
          return outcome.value;
        });
      // Either the row is written, or the start failed and `done` says why.
      await Promise.race([written, done]);
      return { done };
    },

    async holderGone(jobId) {
      const [lease] = await warehouse.query<{ owner: string; expires_at: string }>(
        `SELECT owner, expires_at FROM ${warehouse.dialect.table('system_locks')} WHERE lock_name = @name`,
        { name: leaseName(jobId) },
      );
      // No lease: a job recorded before jobs held leases, whose process is long gone.
      if (!lease || Date.parse(lease.expires_at) < clock.now().getTime()) return true;
      const holder = parseProcessId(lease.owner);
      return holder !== undefined && isGone(holder, self);
    },
  };
}
