// A folder job: list a source folder, ingest each settled file, move it to the archive or quarantine it, keep the job row current.
import { toTitanError } from '../../errors.ts';
import type { Scope } from '../../model/scope.ts';
import type { Category } from '../../warehouse/tables.ts';
import { ingestFile } from '../ingest-file.ts';
import type { JobRecord } from '../load/ingest-records.ts';
import type { FileOutcome } from '../outcome.ts';
import { isQuarantined, quarantineInSource } from '../quarantine.ts';
import type { SourceKind } from '../source/ingest-sources.ts';
import type { FileSource, SourceFile } from '../source/port.ts';
import { type JobContext, saveJob, tally } from './job-context.ts';

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

/** Downloads, ingests and files away one file; a download failure is transient and leaves the file in place. */
async function processFile(
  ctx: JobContext,
  source: FileSource,
  file: SourceFile,
  req: StartJobRequest,
  jobId: string,
): Promise<FileOutcome> {
  let outcome: FileOutcome;
  try {
    const local = await source.download(file);
    try {
      outcome = await ingestFile(ctx.pipeline, {
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
    await ctx.records.recordFile(ctx.warehouse, {
      contentHash: '',
      jobId,
      scope: req.scope,
      category: req.category,
      fileName: file.name,
      outcome: 'failed',
      reason: e.message,
      ingestedAt: ctx.clock.now().toISOString(),
    });
  }
  const target = outcome.outcome !== 'failed' ? req.archive : isQuarantined(outcome) ? req.failed : undefined;
  if (target !== undefined) {
    const move =
      outcome.outcome === 'failed'
        ? quarantineInSource(source, target)(file, outcome)
        : source.move(file, target, {});
    // A failed move leaves the file where it was: the next pass finds it "already loaded" and moves it then.
    await move.catch((err: unknown) =>
      ctx.logger.warn({ file: file.name, to: target, err: toTitanError(err).message }, 'could not move file'),
    );
  }
  return outcome;
}

/** Runs a folder job to its end; never throws (a job that cannot run ends 'failed' with its reason). */
export async function runFolderJob(
  ctx: JobContext,
  source: () => Promise<FileSource>,
  job: JobRecord,
  req: StartJobRequest,
): Promise<JobStatus> {
  const outcomes: FileOutcome[] = [];
  try {
    const from = await source();
    const settledBefore = ctx.clock.now().getTime() - (req.settleMs ?? 0);
    const files = (await from.list(req.folder)).filter(
      (f) => !f.modifiedAt || f.modifiedAt.getTime() <= settledBefore,
    );
    await saveJob(ctx, job, { ...tally(outcomes), total: files.length });
    for (const file of files) {
      req.signal?.throwIfAborted();
      outcomes.push(await processFile(ctx, from, file, req, job.jobId));
      await saveJob(ctx, job, { ...tally(outcomes), total: files.length });
    }
    await saveJob(ctx, job, { ...tally(outcomes), total: files.length }, { status: 'done', reason: null });
  } catch (err) {
    const e = toTitanError(err);
    ctx.logger.error({ jobId: job.jobId, code: e.code, err: e.message }, 'ingest job failed');
    await saveJob(
      ctx,
      job,
      { ...tally(outcomes), total: job.total },
      { status: 'failed', reason: e.message },
    ).catch(() => undefined);
  }
  return {
    jobId: job.jobId,
    status: job.status,
    total: job.total,
    success: job.success,
    failed: job.failed,
    ...(job.reason === null ? {} : { reason: job.reason }),
    files: outcomes,
  };
}
