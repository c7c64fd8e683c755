// The ingester routes inside the real admin app: service account, folder check, jobs and their status.
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createAdminApp } from '../../src/admin/app.ts';
import { INGESTER_ROUTE_DOCS, ingesterRoutes } from '../../src/admin/routes/ingester.ts';
import { createConfigVault } from '../../src/core/config/vault.ts';
import { checkHealth } from '../../src/core/health.ts';
import type { IngestService } from '../../src/core/ingest/ingest-service.ts';
import { createIngestStack } from '../../src/core/ingest/ingest-stack.ts';
import { createIngestHarness, type IngestHarness } from '../core/ingest/ingest-harness.ts';
import { SERVICE_ACCOUNT_JSON } from '../helpers/config-values.ts';

const TOKEN = 'test-admin-token-0123456789abcdef';

function appFor(ingest: IngestService, dataDir: string) {
  const logger = pino({ level: 'silent' });
  const vault = createConfigVault({ dataDir, env: {} });
  const app = createAdminApp({
    vault,
    health: () => checkHealth(null, {}),
    adminToken: TOKEN,
    logger,
    routes: [ingesterRoutes({ ingest })],
    docs: INGESTER_ROUTE_DOCS,
  });
  return (method: string, path: string, body?: unknown, token: string | null = TOKEN) =>
    app.request(path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
}

describe('ingester routes', () => {
  let h: IngestHarness;
  afterEach(async () => {
    await h.close();
  });

  /** The stack as the root builds it, with sources from config (no Drive calls are made here). */
  const stackWithConfig = (config: Record<string, string>) =>
    createIngestStack({
      warehouse: h.warehouse,
      locks: h.locks,
      config: () => config,
      dataDir: h.dataDir,
      logger: pino({ level: 'silent' }),
      clock: { now: () => new Date() },
    });

  it('answers 409 with how to configure a service account when there is none', async () => {
    h = await createIngestHarness();
    const request = appFor(stackWithConfig({}).ingest, h.dataDir);
    const res = await request('GET', '/api/v1/ingester/service-account');
    expect(res.status).toBe(409);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('conflict');
    expect(body.error.message).toContain('GOOGLE_SERVICE_ACCOUNT_JSON');
  });

  it('shows the configured service account e-mail, and never its key', async () => {
    h = await createIngestHarness();
    const request = appFor(
      stackWithConfig({ GOOGLE_SERVICE_ACCOUNT_JSON: SERVICE_ACCOUNT_JSON }).ingest,
      h.dataDir,
    );
    const res = await request('GET', '/api/v1/ingester/service-account');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ email: 'titan-test@demo-project.iam.gserviceaccount.com' });
    expect(text).not.toContain('PRIVATE KEY');
  });

  it('lists a shared folder and says when one is not accessible', async () => {
    h = await createIngestHarness({ drive: true });
    h.drive!.addFolder('watch');
    h.drive!.addFile({
      id: 'f1',
      name: 'a.csv',
      mimeType: 'text/csv',
      parent: 'watch',
      content: Buffer.from('abc'),
    });
    const request = appFor(h.ingest, h.dataDir);
    const ok = await request('POST', '/api/v1/ingester/test-connection', { folder_id: 'watch' });
    expect(await ok.json()).toEqual({
      accessible: true,
      files: [{ name: 'a.csv', mimeType: 'text/csv', size: 3 }],
    });
    const missing = await request('POST', '/api/v1/ingester/test-connection', { folder_id: 'other' });
    expect(await missing.json()).toMatchObject({
      accessible: false,
      files: [],
      reason: expect.stringContaining('404'),
    });
  });

  it('starts a job with 202 and reports per-file outcomes on its status', async () => {
    h = await createIngestHarness({ drive: true });
    for (const id of ['watch', 'done', 'bad']) h.drive!.addFolder(id);
    const csv = 'Date,Particulars,Amount\n01/11/2026,Milk,120\n';
    h.drive!.addFile({
      id: 'f1',
      name: 'milk.csv',
      mimeType: 'text/csv',
      parent: 'watch',
      content: Buffer.from(csv),
    });
    h.drive!.addFile({
      id: 'f2',
      name: 'junk.csv',
      mimeType: 'text/csv',
      parent: 'watch',
      content: Buffer.from(''),
    });
    const request = appFor(h.ingest, h.dataDir);
    const started = await request('POST', '/api/v1/ingester/ingest', {
      folder_id: 'watch',
      master_category: 'expenses',
      archive_folder_id: 'done',
      failed_folder_id: 'bad',
    });
    expect(started.status).toBe(202);
    const { job_id } = (await started.json()) as { job_id: string };
    await h.ingest.idle();
    const status = await request('GET', `/api/v1/ingester/status/${job_id}`);
    expect(await status.json()).toEqual({
      job_id,
      status: 'done',
      total: 2,
      success: 1,
      failed: 1,
      files: [
        { name: 'junk.csv', outcome: 'failed', reason: expect.stringContaining('empty') },
        {
          name: 'milk.csv',
          outcome: 'loaded',
          rows: 1,
          report: {
            mapping: [
              { source: 'Date', column: 'date' },
              { source: 'Particulars', column: 'description' },
              { source: 'Amount', column: 'amount' },
            ],
            unmapped: [],
            dateOrder: { order: 'day-first', evidence: expect.stringContaining('day first was assumed') },
            skipped: [],
          },
        },
      ],
    });
    expect(h.drive!.namesIn('done')).toEqual(['milk.csv']);
    expect(h.drive!.namesIn('bad')).toEqual(['junk.csv']);
  });

  it('rejects a bad body with 400 naming the field, and an unknown job with 404', async () => {
    h = await createIngestHarness({ drive: true });
    const request = appFor(h.ingest, h.dataDir);
    const bad = await request('POST', '/api/v1/ingester/ingest', {
      folder_id: 'x',
      master_category: 'wages',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/^master_category/);
    const notJson = await request('POST', '/api/v1/ingester/test-connection', '{');
    expect(notJson.status).toBe(400);
    const injected = await request('POST', '/api/v1/ingester/test-connection', { folder_id: "x' or 1=1" });
    expect(injected.status).toBe(400);
    expect((await request('GET', '/api/v1/ingester/status/nope')).status).toBe(404);
  });

  it('is behind admin auth', async () => {
    h = await createIngestHarness({ drive: true });
    const request = appFor(h.ingest, h.dataDir);
    expect((await request('GET', '/api/v1/ingester/status/x', undefined, null)).status).toBe(401);
  });
});
