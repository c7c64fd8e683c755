// The ingester's bookkeeping tables: ingest_files (content hash → outcome, for idempotency) and ingest_jobs.
import type { Scope } from '../../model/scope.ts';
import type { Dialect, WarehouseTx } from '../../warehouse/port.ts';
import type { Category } from '../../warehouse/tables.ts';
import type { FileOutcome, FileOutcomeKind, IngestReport } from '../outcome.ts';
import { parseStoredReport } from '../report-schema.ts';

export type JobStatus = 'running' | 'done' | 'failed';

export interface IngestFileRecord {
  contentHash: string;
  jobId: string | null;
  scope: Scope;
  category: Category;
  fileName: string;
  outcome: FileOutcomeKind;
  reason?: string;
  rows?: number;
  ingestedAt: string;
  /** How a loaded file was read (stored as report_json). */
  report?: IngestReport;
}

export interface JobRecord {
  jobId: string;
  scope: Scope;
  category: Category;
  source: string;
  status: JobStatus;
  total: number;
  success: number;
  failed: number;
  createdAt: string;
  finishedAt: string | null;
  reason: string | null;
}

interface JobRow {
  job_id: string;
  org_id: string;
  location_id: string;
  category: Category;
  source: string;
  status: JobStatus;
  total: number | null;
  success: number | null;
  failed: number | null;
  created_at: string;
  finished_at: string | null;
  reason: string | null;
}

interface FileRow {
  file_name: string;
  outcome: FileOutcomeKind;
  reason: string | null;
  rows: number | null;
  report_json: string | null;
}

export interface IngestRecords {
  /** Rows stored by an earlier load of the same content into the same category and scope, if any. */
  loadedRows(
    db: WarehouseTx,
    key: { contentHash: string; category: Category; scope: Scope },
  ): Promise<number | undefined>;
  recordFile(db: WarehouseTx, record: IngestFileRecord): Promise<void>;
  createJob(db: WarehouseTx, job: JobRecord): Promise<void>;
  /** Stores a running job's counts and status; a job that has ended is final and is not changed. */
  updateJob(db: WarehouseTx, job: JobRecord): Promise<void>;
  job(db: WarehouseTx, jobId: string): Promise<JobRecord | undefined>;
  /** Every job still marked running, oldest first (its process may be gone: see jobs/job-lease.ts). */
  runningJobs(db: WarehouseTx): Promise<JobRecord[]>;
  /** Per-file outcomes of a job, in the order they finished. */
  files(db: WarehouseTx, jobId: string): Promise<FileOutcome[]>;
}

/** SQL goes through `dialect.table` (BigQuery qualifies names); insertRows takes the bare table name. */
export function createIngestRecords(dialect: Dialect): IngestRecords {
  const files = dialect.table('ingest_files');
  const jobs = dialect.table('ingest_jobs');

  const jobParams = (job: JobRecord) => ({
    job_id: job.jobId,
    org_id: job.scope.orgId,
    location_id: job.scope.locationId,
    category: job.category,
    source: job.source,
    status: job.status,
    total: job.total,
    success: job.success,
    failed: job.failed,
    created_at: job.createdAt,
    finished_at: job.finishedAt,
    reason: job.reason,
  });

  const toJob = (row: JobRow): JobRecord => ({
    jobId: row.job_id,
    scope: { orgId: row.org_id, locationId: row.location_id },
    category: row.category,
    source: row.source,
    status: row.status,
    total: row.total ?? 0,
    success: row.success ?? 0,
    failed: row.failed ?? 0,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    reason: row.reason,
  });

  return {
    async loadedRows(db, key) {
      const found = await db.query<{ rows: number | null }>(
        `SELECT rows FROM ${files} WHERE content_hash = @hash AND category = @category AND org_id = @org
           AND location_id = @location AND outcome = 'loaded' LIMIT 1`,
        {
          hash: key.contentHash,
          category: key.category,
          org: key.scope.orgId,
          location: key.scope.locationId,
        },
      );
      return found[0] ? (found[0].rows ?? 0) : undefined;
    },

    async recordFile(db, r) {
      await db.insertRows('ingest_files', [
        {
          content_hash: r.contentHash,
          job_id: r.jobId,
          org_id: r.scope.orgId,
          location_id: r.scope.locationId,
          category: r.category,
          file_name: r.fileName,
          outcome: r.outcome,
          reason: r.reason ?? null,
          rows: r.rows ?? null,
          ingested_at: r.ingestedAt,
          report_json: r.report === undefined ? null : JSON.stringify(r.report),
        },
      ]);
    },

    async createJob(db, job) {
      await db.insertRows('ingest_jobs', [jobParams(job)]);
    },

    async updateJob(db, job) {
      // Only a running row changes: once another process has marked this job interrupted, the owner
      // (which was only slow, not dead) cannot flip it back to running or done.
      await db.execute(
        `UPDATE ${jobs} SET status = @status, total = @total, success = @success, failed = @failed,
           finished_at = @finished_at, reason = @reason WHERE job_id = @job_id AND status = 'running'`,
        jobParams(job),
      );
    },

    async job(db, jobId) {
      const [row] = await db.query<JobRow>(`SELECT * FROM ${jobs} WHERE job_id = @jobId`, { jobId });
      return row ? toJob(row) : undefined;
    },

    async runningJobs(db) {
      const rows = await db.query<JobRow>(
        `SELECT * FROM ${jobs} WHERE status = 'running' ORDER BY created_at, job_id`,
      );
      return rows.map(toJob);
    },

    async files(db, jobId) {
      const rows = await db.query<FileRow>(
        `SELECT file_name, outcome, reason, rows, report_json FROM ${files} WHERE job_id = @jobId
           ORDER BY ingested_at, file_name`,
        { jobId },
      );
      return rows.map((r) => {
        const report = parseStoredReport(r.report_json);
        return {
          name: r.file_name,
          outcome: r.outcome,
          ...(r.reason === null ? {} : { reason: r.reason }),
          ...(r.rows === null ? {} : { rows: r.rows }),
          ...(report === undefined ? {} : { report }),
        };
      });
    },
  };
}
