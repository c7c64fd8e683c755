// The ingest service: folder jobs (Drive or local) in the background with per-file status, and local paths for the CLI.
import { randomUUID } from 'node:crypto';
import { type Clock, systemClock } from '../clock.ts';
import { TitanError, toTitanError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Warehouse } from '../warehouse/port.ts';
import { type JobStatus, runFolderJob, type StartJobRequest } from './jobs/folder-job.ts';
import type { JobContext } from './jobs/job-context.ts';
import {
  expandPaths,
  failedCopiesDir,
  type IngestPathsOptions,
  ingestLocalPaths,
} from './jobs/local-paths.ts';
import { createIngestRecords, type JobRecord } from './load/ingest-records.ts';
import type { FileOutcome } from './outcome.ts';
import type { PrepareFile } from './prepare.ts';
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
  status(jobId: string): Promise<JobStatus>;
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
  const running = new Set<Promise<unknown>>();

  const sourceOf = (kind: SourceKind): Promise<FileSource> =>
    kind === 'drive' ? sources.drive() : Promise.resolve(sources.local);

  async function newJob(
    source: string,
    req: Pick<StartJobRequest, 'category' | 'scope'>,
  ): Promise<JobRecord> {
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
    await records.createJob(warehouse, job);
    return job;
  }

  return {
    async startJob(req) {
      // Fail before recording a job when the source is not usable at all (no service account: 409).
      await sourceOf(req.source);
      const job = await newJob(req.source, req);
      const run = runFolderJob(ctx, () => sourceOf(req.source), job, req).finally(() => running.delete(run));
      running.add(run);
      return job.jobId;
    },

    async runJob(req) {
      return runFolderJob(ctx, () => sourceOf(req.source), await newJob(req.source, req), req);
    },

    async status(jobId) {
      const job = await records.job(warehouse, jobId);
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
      const job = await newJob('cli', opts);
      const local = { ...ctx, local: sources.local, failedDir: failedCopiesDir(options.dataDir) };
      return ingestLocalPaths(local, job, files, opts);
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
