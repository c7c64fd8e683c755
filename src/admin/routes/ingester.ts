// /api/v1/ingester/*: the service account to share folders with, a folder check, ingest jobs and their status.
import { Hono } from 'hono';
import { z } from 'zod';
import type { IngestService, JobStatus } from '../../core/ingest/ingest-service.ts';
import { ingestReportSchema } from '../../core/ingest/report-schema.ts';
import { DEFAULT_SCOPE } from '../../core/model/scope.ts';
import { CATEGORIES } from '../../core/warehouse/tables.ts';
import type { RouteDoc } from '../openapi.ts';
import { readJsonBody } from '../read-json-body.ts';

const BASE = '/api/v1/ingester';
const driveId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,200}$/, 'a Google Drive folder id (letters, digits, - and _)');
const scopeId = z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'an id of letters, digits, _ . and -');

export const testConnectionBody = z.object({ folder_id: driveId }).strict();
export const ingestBody = z
  .object({
    folder_id: driveId,
    master_category: z.enum(CATEGORIES),
    archive_folder_id: driveId.optional(),
    failed_folder_id: driveId.optional(),
    org_id: scopeId.optional(),
    location_id: scopeId.optional(),
  })
  .strict();

export const INGESTER_ROUTE_DOCS: RouteDoc[] = [
  {
    method: 'get',
    path: `${BASE}/service-account`,
    summary: 'The service account to share Drive folders with',
  },
  {
    method: 'post',
    path: `${BASE}/test-connection`,
    summary: 'Is a Drive folder shared, and what is in it',
    body: testConnectionBody,
  },
  {
    method: 'post',
    path: `${BASE}/ingest`,
    summary: 'Ingest every file of a Drive folder (202 with a job id)',
    body: ingestBody,
  },
  {
    method: 'get',
    path: `${BASE}/status/:job_id`,
    summary: 'An ingest job: counts and per-file outcomes, with how each loaded file was read (report)',
  },
];

/** The status route's body: each loaded file carries its report (mapping, unmapped columns, date order, skipped rows). */
export const ingestStatusResponse = z
  .object({
    job_id: z.string(),
    status: z.enum(['running', 'done', 'failed']),
    total: z.number().int(),
    success: z.number().int(),
    failed: z.number().int(),
    reason: z.string().optional(),
    files: z.array(
      z.object({
        name: z.string(),
        outcome: z.enum(['loaded', 'already_loaded', 'failed']),
        reason: z.string().optional(),
        rows: z.number().int().optional(),
        report: ingestReportSchema.optional(),
      }),
    ),
  })
  .strict();

const statusView = (s: JobStatus): z.infer<typeof ingestStatusResponse> => ({
  job_id: s.jobId,
  status: s.status,
  total: s.total,
  success: s.success,
  failed: s.failed,
  ...(s.reason === undefined ? {} : { reason: s.reason }),
  files: s.files.map((f) => ({
    name: f.name,
    outcome: f.outcome,
    ...(f.reason === undefined ? {} : { reason: f.reason }),
    ...(f.rows === undefined ? {} : { rows: f.rows }),
    ...(f.report === undefined ? {} : { report: f.report }),
  })),
});

export function ingesterRoutes(deps: { ingest: IngestService }): Hono {
  const { ingest } = deps;
  const app = new Hono();

  app.get(`${BASE}/service-account`, async (c) => c.json({ email: await ingest.serviceAccountEmail() }));

  app.post(`${BASE}/test-connection`, async (c) => {
    const body = await readJsonBody(c.req.raw, testConnectionBody);
    return c.json(await ingest.testConnection(body.folder_id));
  });

  app.post(`${BASE}/ingest`, async (c) => {
    const body = await readJsonBody(c.req.raw, ingestBody);
    const jobId = await ingest.startJob({
      source: 'drive',
      folder: body.folder_id,
      category: body.master_category,
      ...(body.archive_folder_id === undefined ? {} : { archive: body.archive_folder_id }),
      ...(body.failed_folder_id === undefined ? {} : { failed: body.failed_folder_id }),
      scope: {
        orgId: body.org_id ?? DEFAULT_SCOPE.orgId,
        locationId: body.location_id ?? DEFAULT_SCOPE.locationId,
      },
    });
    return c.json({ job_id: jobId }, 202);
  });

  app.get(`${BASE}/status/:job_id`, async (c) =>
    c.json(statusView(await ingest.status(c.req.param('job_id')))),
  );

  return app;
}
