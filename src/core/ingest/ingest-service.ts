// Ingest jobs: a folder of a source (Drive or local) in the background with per-file status, and local paths for the CLI.
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { type Clock, systemClock } from '../clock.ts';
import { TitanError, toTitanError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Scope } from '../model/scope.ts';
import type { Warehouse } from '../warehouse/port.ts';
import type { Category } from '../warehouse/tables.ts';
import { type FilePipeline, ingestFile } from './ingest-file.ts';
import { createIngestRecords, type JobRecord } from './load/ingest-records.ts';
import type { FileOutcome } from './outcome.ts';
import type { PrepareFile } from './prepare.ts';
import type { IngestSources, SourceKind } from './source/ingest-sources.ts';
import { describeLocalFile, fileAway } from './source/local-folder.ts';
import type { FileSource, SourceFile } from './source/port.ts';

export interface StartJobRequest {
  source: SourceKind;
  /** A Drive folder id or a local directory. */
  folder: string;
  category: Category;
  /** Where loaded files go; left in place when absent. */
  archive?: string;
  /** Where failed files go, with their reason; left in place when absent. */
  failed?: string;
  scope: Scope;
  /**
   * Files changed less than this long ago are left for the next pass: a file still being copied into a
   * watched folder would otherwise load half its rows. The watcher sets it for local folders.
   */
  settleMs?: number;
  /** Stops the job between files (the watcher's lease was lost); files not reached stay where they are. */
  signal?: AbortSignal;
}

export interface JobStatus {
  jobId: string;
  status: JobRecord['status'];
  total: number;
  success: number;
  failed: number;
  /** Why the whole job failed (e.g. its folder could not be listed). */
  reason?: string;
  files: FileOutcome[];
}

export interface IngestProgress {
  file: string;
  filesDone: number;
  filesTotal: number;
  /** Rows read so far across all files. */
  rows: number;
}

export interface IngestPathsOptions {
  category: Category;
  scope: Scope;
  onProgress?: (progress: IngestProgress) => void;
}

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

const tally = (files: FileOutcome[]) => ({
  total: files.length,
  success: files.filter((f) => f.outcome !== 'failed').length,
  failed: files.filter((f) => f.outcome === 'failed').length,
});

export function createIngestService(options: IngestServiceOptions): IngestService {
  const { warehouse, sources, logger } = options;
  const clock = options.clock ?? systemClock;
  const newId = options.newId ?? randomUUID;
  const records = createIngestRecords(warehouse.dialect);
  const pipeline: FilePipeline = { warehouse, records, prepare: options.prepare, clock, logger };
  const running = new Set<Promise<unknown>>();

  const sourceOf = (kind: SourceKind): Promise<FileSource> =>
    kind === 'drive' ? sources.drive() : Promise.resolve(sources.local);

  async function newJob(source: string, category: Category, scope: Scope): Promise<JobRecord> {
    const job: JobRecord = {
      jobId: newId(),
      scope,
      category,
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

  /** Downloads, ingests and files away one file of a folder job. */
  async function processSourceFile(
    source: FileSource,
    file: SourceFile,
    req: StartJobRequest,
    jobId: string,
  ): Promise<FileOutcome> {
    let outcome: FileOutcome;
    try {
      const local = await source.download(file);
      try {
        outcome = await ingestFile(pipeline, {
          file: local,
          category: req.category,
          scope: req.scope,
          jobId,
        });
      } finally {
        await local.release();
      }
    } catch (err) {
      const e = toTitanError(err, 'source.unavailable');
      outcome = { name: file.name, outcome: 'failed', reason: e.message, code: e.code, transient: true };
      await records.recordFile(warehouse, {
        contentHash: '',
        jobId,
        scope: req.scope,
        category: req.category,
        fileName: file.name,
        outcome: 'failed',
        reason: e.message,
        ingestedAt: clock.now().toISOString(),
      });
    }
    const target = outcome.outcome === 'failed' ? (outcome.transient ? undefined : req.failed) : req.archive;
    if (target !== undefined) {
      // A failed move leaves the file where it was: the next pass finds it "already loaded" and moves it then.
      await source
        .move(file, target, outcome.outcome === 'failed' ? { reason: outcome.reason ?? 'failed' } : {})
        .catch((err: unknown) =>
          logger.warn({ file: file.name, to: target, err: toTitanError(err).message }, 'could not move file'),
        );
    }
    return outcome;
  }

  async function execute(job: JobRecord, req: StartJobRequest): Promise<JobStatus> {
    const outcomes: FileOutcome[] = [];
    const finish = async (status: JobRecord['status'], reason: string | null) => {
      Object.assign(job, tally(outcomes), { status, reason, finishedAt: clock.now().toISOString() });
      await records.updateJob(warehouse, job);
    };
    try {
      const source = await sourceOf(req.source);
      const listed = await source.list(req.folder);
      const settledBefore = clock.now().getTime() - (req.settleMs ?? 0);
      const files = listed.filter((f) => !f.modifiedAt || f.modifiedAt.getTime() <= settledBefore);
      job.total = files.length;
      await records.updateJob(warehouse, job);
      for (const file of files) {
        req.signal?.throwIfAborted();
        outcomes.push(await processSourceFile(source, file, req, job.jobId));
        Object.assign(job, tally(outcomes), { total: files.length });
        await records.updateJob(warehouse, job);
      }
      await finish('done', null);
    } catch (err) {
      const e = toTitanError(err);
      logger.error({ jobId: job.jobId, code: e.code, err: e.message }, 'ingest job failed');
      await finish('failed', e.message).catch(() => undefined);
    }
    const reason = job.reason === null ? {} : { reason: job.reason };
    return {
      jobId: job.jobId,
      status: job.status,
      ...tally(outcomes),
      total: job.total,
      ...reason,
      files: outcomes,
    };
  }

  async function expand(paths: string[]): Promise<SourceFile[]> {
    const lists = await Promise.all(
      paths.map(async (p) => {
        const info = await stat(p).catch(() => undefined);
        if (!info) throw new TitanError('not_found', `No such file or folder: ${p}`);
        return info.isDirectory() ? sources.local.list(p) : [await describeLocalFile(p)];
      }),
    );
    return lists.flat();
  }

  return {
    async startJob(req) {
      // Fail before recording a job when the source is not usable at all (no service account: 409).
      await sourceOf(req.source);
      const job = await newJob(req.source, req.category, req.scope);
      const run = execute(job, req).finally(() => running.delete(run));
      running.add(run);
      return job.jobId;
    },

    async runJob(req) {
      return execute(await newJob(req.source, req.category, req.scope), req);
    },

    async status(jobId) {
      const job = await records.job(warehouse, jobId);
      if (!job)
        throw new TitanError(
          'not_found',
          `No ingest job ${jobId}; start one with POST /api/v1/ingester/ingest.`,
        );
      const files = await records.files(warehouse, jobId);
      const reason = job.reason === null ? {} : { reason: job.reason };
      return {
        jobId,
        status: job.status,
        total: job.total,
        success: job.success,
        failed: job.failed,
        ...reason,
        files,
      };
    },

    async ingestPaths(paths, opts) {
      const files = await expand(paths);
      const job = await newJob('cli', opts.category, opts.scope);
      const outcomes: FileOutcome[] = [];
      let rowsBefore = 0;
      for (const file of files) {
        const progress = (rows: number) =>
          opts.onProgress?.({
            file: file.name,
            filesDone: outcomes.length,
            filesTotal: files.length,
            rows: rowsBefore + rows,
          });
        const local = await sources.local.download(file);
        const outcome = await ingestFile(pipeline, {
          file: local,
          category: opts.category,
          scope: opts.scope,
          jobId: job.jobId,
          onProgress: progress,
        });
        if (outcome.outcome === 'failed' && !outcome.transient) {
          // A copy, with its reason beside it: `titan ingest` never moves or changes the user's files.
          const dir = path.join(options.dataDir, 'failed', opts.category);
          await fileAway(file.id, dir, { keep: true, reason: outcome.reason ?? 'failed' });
        }
        rowsBefore += outcome.outcome === 'loaded' ? (outcome.rows ?? 0) : 0;
        outcomes.push(outcome);
        opts.onProgress?.({
          file: file.name,
          filesDone: outcomes.length,
          filesTotal: files.length,
          rows: rowsBefore,
        });
      }
      Object.assign(job, tally(outcomes), { status: 'done', finishedAt: clock.now().toISOString() });
      await records.updateJob(warehouse, job);
      return outcomes;
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
