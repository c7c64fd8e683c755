// The ingest service: folder jobs (Drive or local) in the background with per-file status, and local paths for the CLI.
import { randomUUID } from 'node:crypto';
import { type Clock, systemClock } from '../clock.ts';
import { TitanError, toTitanError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Warehouse } from '../warehouse/port.ts';
import { type JobStatus, runFolderJob, type StartJobRequest } from './jobs/folder-job.ts';
import { type JobContext, saveJob } from './jobs/job-context.ts';
import { createJobLeases, INTERRUPTED_REASON, type ProcessId } from './jobs/job-lease.ts';
import { expandPaths, type IngestPathsOptions, ingestLocalPaths } from './jobs/local-paths.ts';
import { createIngestRecords, type JobRecord } from './load/ingest-records.ts';
import type { FileOutcome } from './outcome.ts';
import type { PrepareFile } from './prepare.ts';
import { quarantineCopies } from './quarantine.ts';
import type { IngestSources, SourceKind } from './source/ingest-sources.ts';
import type { FileSource } from './source/port.ts';

export type { JobStatus, StartJobRequest } from './jobs/folder-job.ts';
export type { IngestPathsOptions, IngestProgress } from './jobs/local-paths.ts';

export interface ConnectionCheck {
  accessible: boolean;
  files: { name: string; mimeType: string; size?: number }[];
  reason?: string;
}

export interface IngestService {
  /** Records a job and runs it in the background; returns its id at once. */
  startJob(request: StartJobRequest): Promise<string>;
  /** Runs a folder job to the end (the watcher's pass). */
  runJob(request: StartJobRequest): Promise<JobStatus>;
  /** A job whose process is gone (killed, crashed, restarted) reads as failed with an "interrupted" reason. */
  status(jobId: string): Promise<JobStatus>;
  /**
   * Marks failed (interrupted) every job left running by a process that is gone; run at start-up. Never
   * rejects (a warehouse that cannot be read is logged); idle() waits for it. Resolves to how many it marked.
   */
  recoverInterrupted(): Promise<number>;
  /** Ingests local files (or every file of local folders) in place, for `titan ingest`; never moves them. */
  ingestPaths(paths: string[], options: IngestPathsOptions): Promise<FileOutcome[]>;
  /** Lists a Drive folder to show the admin it is shared and what is in it. */
  testConnection(folder: string): Promise<ConnectionCheck>;
  /** The service account to share Drive folders with; 'conflict' when none is configured. */
  serviceAccountEmail(): Promise<string>;
  /** Resolves when every background job has finished (shutdown, tests). */
  idle(): Promise<void>;
}

export interface IngestServiceOptions {
  warehouse: Warehouse;
  sources: IngestSources;
  /** Parse + map + normalise (see prepare.ts). */
  prepare: PrepareFile;
  /** `$TITAN_DATA_DIR`: the CLI copies failed files to `failed/<category>/` under it. */
  dataDir: string;
  logger: Logger;
  clock?: Clock;
  newId?: () => string;
  /** Who this process is, recorded with each job it runs; tests pose as another machine or an earlier run. */
  self?: ProcessId;
}

export function createIngestService(options: IngestServiceOptions): IngestService {
  const { warehouse, sources, logger } = options;
  const clock = options.clock ?? systemClock;
  const newId = options.newId ?? randomUUID;
  const records = createIngestRecords(warehouse.dialect);
  const ctx: JobContext = {
    warehouse,
    records,
    pipeline: { warehouse, records, prepare: options.prepare, clock, logger },
    clock,
    logger,
  };
  const leases = createJobLeases({
    warehouse,
    clock,
    logger,
    ...(options.self === undefined ? {} : { self: options.self }),
  });
  const running = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    const tracked = work.finally(() => running.delete(tracked));
    running.add(tracked);
    return tracked;
  };

  const sourceOf = (kind: SourceKind): Promise<FileSource> =>
    kind === 'drive' ? sources.drive() : Promise.resolve(sources.local);

  /** Records a job and starts `run` on it under its lease; resolves once the row exists. */
  function launch<T>(
    source: string,
    req: Pick<StartJobRequest, 'category' | 'scope'>,
    run: (job: JobRecord, signal: AbortSignal) => Promise<T>,
  ): Promise<{ jobId: string; done: Promise<T> }> {
    const job: JobRecord = {
      jobId: newId(),
      scope: req.scope,
      category: req.category,
      source,
      status: 'running',
      total: 0,
      success: 0,
      failed: 0,
      createdAt: clock.now().toISOString(),
      finishedAt: null,
      reason: null,
    };
    return leases
      .start(
        job.jobId,
        () => records.createJob(warehouse, job),
        (signal) => run(job, signal),
      )
      .then(({ done }) => ({ jobId: job.jobId, done }));
  }

  const runFolder = (req: StartJobRequest) =>
    launch(req.source, req, (job, lost) =>
      runFolderJob(ctx, () => sourceOf(req.source), job, {
        ...req,
        signal: req.signal ? AbortSignal.any([req.signal, lost]) : lost,
      }),
    );

  /** Ends a running job as failed (interrupted) if its process is gone; true if it was. */
  async function interruptIfGone(job: JobRecord): Promise<boolean> {
    if (job.status !== 'running' || !(await leases.holderGone(job.jobId))) return false;
    await saveJob(ctx, job, job, { status: 'failed', reason: INTERRUPTED_REASON });
    logger.warn({ jobId: job.jobId }, 'ingest job interrupted: its process is gone; marked failed');
    return true;
  }

  return {
    async startJob(req) {
      // Fail before recording a job when the source is not usable at all (no service account: 409).
      await sourceOf(req.source);
      const { jobId, done } = await runFolder(req);
      track(done);
      return jobId;
    },

    async runJob(req) {
      return (await runFolder(req)).done;
    },

    async status(jobId) {
      let job = await records.job(warehouse, jobId);
      if (job && (await interruptIfGone(job))) job = await records.job(warehouse, jobId);
      if (!job) {
        throw new TitanError(
          'not_found',
          `No ingest job ${jobId}; start one with POST /api/v1/ingester/ingest.`,
        );
      }
      return {
        jobId,
        status: job.status,
        total: job.total,
        success: job.success,
        failed: job.failed,
        ...(job.reason === null ? {} : { reason: job.reason }),
        files: await records.files(warehouse, jobId),
      };
    },

    async ingestPaths(paths, opts) {
      const files = await expandPaths(sources.local, paths);
      const local = {
        ...ctx,
        local: sources.local,
        quarantine: quarantineCopies(options.dataDir, opts.category),
      };
      return (await launch('cli', opts, (job) => ingestLocalPaths(local, job, files, opts))).done;
    },

    recoverInterrupted() {
      const sweep = async () => {
        let marked = 0;
        for (const job of await records.runningJobs(warehouse)) if (await interruptIfGone(job)) marked += 1;
        return marked;
      };
      return track(
        sweep().catch((err: unknown) => {
          logger.warn({ err: toTitanError(err).message }, 'could not check for interrupted ingest jobs');
          return 0;
        }),
      );
    },

    async testConnection(folder) {
      const drive = await sources.drive();
      try {
        const files = await drive.list(folder);
        return {
          accessible: true,
          files: files.map((f) => ({
            name: f.name,
            mimeType: f.mimeType,
            ...(f.size === undefined ? {} : { size: f.size }),
          })),
        };
      } catch (err) {
        return { accessible: false, files: [], reason: toTitanError(err).message };
      }
    },

    serviceAccountEmail: () => sources.serviceAccountEmail(),

    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
