// What every ingest job needs: the per-file pipeline, the bookkeeping tables, a clock and a logger.
import type { Clock } from '../../clock.ts';
import type { Logger } from '../../logger.ts';
import type { Warehouse } from '../../warehouse/port.ts';
import type { FilePipeline } from '../ingest-file.ts';
import type { IngestRecords, JobRecord } from '../load/ingest-records.ts';
import type { FileOutcome } from '../outcome.ts';

export interface JobContext {
  warehouse: Warehouse;
  records: IngestRecords;
  pipeline: FilePipeline;
  clock: Clock;
  logger: Logger;
}

/** Files that loaded or were already loaded count as success. */
export function tally(files: readonly FileOutcome[]): Pick<JobRecord, 'total' | 'success' | 'failed'> {
  const failed = files.filter((f) => f.outcome === 'failed').length;
  return { total: files.length, success: files.length - failed, failed };
}

/** Stores a job's counts (and, once it ends, its status, reason and finish time). */
export async function saveJob(
  ctx: JobContext,
  job: JobRecord,
  counts: Pick<JobRecord, 'total' | 'success' | 'failed'>,
  end?: { status: JobRecord['status']; reason: string | null },
): Promise<void> {
  Object.assign(job, counts);
  if (end) Object.assign(job, end, { finishedAt: ctx.clock.now().toISOString() });
  await ctx.records.updateJob(ctx.warehouse, job);
}
