// `titan ingest`'s job: local files (or every file of local folders) ingested in place; failed ones quarantined.
import { stat } from 'node:fs/promises';
import { TitanError } from '../../errors.ts';
import type { Scope } from '../../model/scope.ts';
import type { Category } from '../../warehouse/tables.ts';
import { ingestFile } from '../ingest-file.ts';
import type { JobRecord } from '../load/ingest-records.ts';
import type { FileOutcome } from '../outcome.ts';
import { isQuarantined, type Quarantine } from '../quarantine.ts';
import { describeLocalFile } from '../source/local-folder.ts';
import type { FileSource, SourceFile } from '../source/port.ts';
import { type JobContext, saveJob, tally } from './job-context.ts';

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

/** The files named, folders expanded one level (as the watcher reads them); a missing path is an error. */
export async function expandPaths(local: FileSource, paths: readonly string[]): Promise<SourceFile[]> {
  const lists = await Promise.all(
    paths.map(async (p) => {
      const info = await stat(p).catch(() => undefined);
      if (!info) throw new TitanError('not_found', `No such file or folder: ${p}`);
      return info.isDirectory() ? local.list(p) : [await describeLocalFile(p)];
    }),
  );
  return lists.flat();
}

export async function ingestLocalPaths(
  ctx: JobContext & { local: FileSource; quarantine: Quarantine },
  job: JobRecord,
  files: readonly SourceFile[],
  opts: IngestPathsOptions,
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  let rowsBefore = 0;
  const report = (file: string, rows: number) =>
    opts.onProgress?.({ file, filesDone: outcomes.length, filesTotal: files.length, rows });
  for (const file of files) {
    const local = await ctx.local.download(file);
    const outcome = await ingestFile(ctx.pipeline, {
      file: local,
      category: opts.category,
      scope: opts.scope,
      jobId: job.jobId,
      onProgress: (rows) => report(file.name, rowsBefore + rows),
    });
    if (isQuarantined(outcome)) await ctx.quarantine(file, outcome);
    if (outcome.outcome === 'loaded') rowsBefore += outcome.rows ?? 0;
    outcomes.push(outcome);
    report(file.name, rowsBefore);
  }
  await saveJob(ctx, job, tally(outcomes), { status: 'done', reason: null });
  return outcomes;
}
