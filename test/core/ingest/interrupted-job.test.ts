// An ingest job whose process is gone (SIGKILLed, a machine lost, a container restarted) reads as failed,
// interrupted, to the next Titan; a job another live process is running is left alone.
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createIngestService, type IngestService } from '../../../src/core/ingest/ingest-service.ts';
import {
  INTERRUPTED_REASON,
  JOB_LEASE_TTL_MS,
  type ProcessId,
  thisProcess,
} from '../../../src/core/ingest/jobs/job-lease.ts';
import { createLocalFolderSource } from '../../../src/core/ingest/source/local-folder.ts';
import type { SourceFile } from '../../../src/core/ingest/source/port.ts';
import { DEFAULT_SCOPE } from '../../../src/core/model/scope.ts';
import type { Warehouse } from '../../../src/core/warehouse/port.ts';
import { createSqliteWarehouse } from '../../../src/core/warehouse/sqlite.ts';
import { openFakeBigQueryWarehouse } from '../../fakes/bigquery-warehouse.ts';
import { createAdminHarness } from '../../helpers/admin-harness.ts';
import { finished, spawnTsx } from '../../helpers/spawn-tsx.ts';
import { useTmpDirs } from '../../helpers/tmp-dir.ts';

const tmp = useTmpDirs();

/** A child ingest server on `dataDir` that has started a job and is still running it. */
async function serverWithJob(dataDir: string): Promise<{ jobId: string; kill(): Promise<void> }> {
  const child = spawnTsx('test/core/ingest/hold-ingest-job.ts', [dataDir]);
  const exit = finished(child);
  const [line] = await Promise.race([
    createInterface({ input: child.stdout! })
      [Symbol.asyncIterator]()
      .next()
      .then((r) => [r.value as string]),
    exit.then((r) => {
      throw new Error(`the job holder exited: ${r.stderr}`);
    }),
  ]);
  return {
    jobId: line!.replace(/^job /, ''),
    async kill() {
      child.kill('SIGKILL');
      expect((await exit).signal).toBe('SIGKILL');
    },
  };
}

const jobRow = async (warehouse: Warehouse, jobId: string) =>
  (await warehouse.query('SELECT status, reason FROM ingest_jobs WHERE job_id = @jobId', { jobId }))[0];

describe('an ingest job whose process is gone', () => {
  it('reads as failed (interrupted) once a new Titan starts, while a live server’s job stays running', async () => {
    const dataDir = tmp();
    const killed = await serverWithJob(dataDir);
    const live = await serverWithJob(dataDir);
    await killed.kill();
    const h = await createAdminHarness(dataDir);
    try {
      // Marked at start-up, before anyone asks for it.
      await h.titan.ingest.idle();
      expect(await jobRow(h.titan.warehouse, killed.jobId)).toEqual({
        status: 'failed',
        reason: INTERRUPTED_REASON,
      });

      const res = await h.request('GET', `/api/v1/ingester/status/${killed.jobId}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        job_id: killed.jobId,
        status: 'failed',
        total: 0,
        success: 0,
        failed: 0,
        reason:
          'interrupted: the server stopped while this job ran; start it again (files already loaded are skipped)',
        files: [],
      });
      const running = await h.request('GET', `/api/v1/ingester/status/${live.jobId}`);
      expect(await running.json()).toEqual({
        job_id: live.jobId,
        status: 'running',
        total: 0,
        success: 0,
        failed: 0,
        files: [],
      });
      expect(await jobRow(h.titan.warehouse, live.jobId)).toEqual({ status: 'running', reason: null });
    } finally {
      await h.titan.close();
      await live.kill();
    }
  });

  /** The shared warehouse, on each engine two servers may share. */
  const engines: [string, () => Promise<{ warehouse: Warehouse; close(): Promise<void> }>][] = [
    [
      'SQLite',
      async () => {
        const warehouse = createSqliteWarehouse({ path: path.join(tmp(), 'titan.db') });
        return { warehouse, close: () => warehouse.close() };
      },
    ],
    ['BigQuery', openFakeBigQueryWarehouse],
  ];

  describe.each(engines)('on %s, judged by its lease where its process cannot be checked', (_, open) => {
    /** A service posing as `self`, whose folder listing waits until `finish` is called. */
    function serviceAs(warehouse: Warehouse, self: ProcessId, clock: { now(): Date }) {
      let finish!: () => void;
      const listed = new Promise<SourceFile[]>((resolve) => {
        finish = () => resolve([]);
      });
      const ingest = createIngestService({
        warehouse,
        sources: {
          local: { ...createLocalFolderSource(), list: () => listed },
          drive: () => Promise.reject(new Error('no Drive here')),
          serviceAccountEmail: () => Promise.reject(new Error('no Drive here')),
        },
        prepare: () => Promise.reject(new Error('no file is ever read here')),
        dataDir: tmp(),
        logger: pino({ level: 'silent' }),
        clock,
        self,
      });
      return { ingest, finish };
    }

    const start = (ingest: IngestService) =>
      ingest.startJob({ source: 'local', folder: tmp(), category: 'expenses', scope: DEFAULT_SCOPE });

    it('leaves another machine’s job running while its lease is fresh, and interrupts it once it lapses', async () => {
      const db = await open();
      await db.warehouse.migrate();
      try {
        // The far machine's clock stands still, so its heartbeats never move the lease on: as if it died.
        const t0 = Date.parse('2026-11-01T10:00:00Z');
        let now = t0;
        const far = serviceAs(
          db.warehouse,
          { host: 'far-away', pid: 4242, startedAt: 1 },
          { now: () => new Date(t0) },
        );
        const here = serviceAs(db.warehouse, thisProcess(), { now: () => new Date(now) });
        const jobId = await start(far.ingest);

        now = t0 + JOB_LEASE_TTL_MS - 1_000;
        expect(await here.ingest.recoverInterrupted()).toBe(0);
        expect(await here.ingest.status(jobId)).toMatchObject({ status: 'running' });

        now = t0 + JOB_LEASE_TTL_MS + 1_000;
        expect(await here.ingest.status(jobId)).toMatchObject({
          status: 'failed',
          reason: INTERRUPTED_REASON,
        });

        // Had the far machine only been slow, its late finish does not turn the job back into "done".
        far.finish();
        await far.ingest.idle();
        expect(await here.ingest.status(jobId)).toMatchObject({
          status: 'failed',
          reason: INTERRUPTED_REASON,
        });
      } finally {
        await db.close();
      }
    });

    it('interrupts at once a job of an earlier process with this same pid (a restarted container)', async () => {
      const db = await open();
      await db.warehouse.migrate();
      try {
        const clock = { now: () => new Date() };
        const self = thisProcess();
        const earlier = serviceAs(db.warehouse, { ...self, startedAt: self.startedAt - 60_000 }, clock);
        const here = serviceAs(db.warehouse, self, clock);
        const jobId = await start(earlier.ingest);

        expect(await here.ingest.recoverInterrupted()).toBe(1);
        expect(await here.ingest.status(jobId)).toMatchObject({
          status: 'failed',
          reason: INTERRUPTED_REASON,
        });
        earlier.finish();
        await earlier.ingest.idle();
      } finally {
        await db.close();
      }
    });
  });
});
