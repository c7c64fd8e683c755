// The Teams door mounted in the real admin app and served on a real port: POST /api/messages needs a Bot Framework
// token, never the admin token.
import { afterEach, describe, expect, it } from 'vitest';
import { createAdminApp } from '../../../src/admin/app.ts';
import { type RunningServer, startNodeServer } from '../../../src/admin/node-server.ts';
import { createConfigVault } from '../../../src/core/config/vault.ts';
import { checkHealth } from '../../../src/core/health.ts';
import { createLogger } from '../../../src/core/logger.ts';
import { CORPUS } from '../../helpers/corpora.ts';
import { useTmpDirs } from '../../helpers/tmp-dir.ts';
import { APP_ID, type Harness, startHarness } from './harness.ts';

describe('Teams door in the admin app', CORPUS, () => {
  const tmp = useTmpDirs();
  let h: Harness;
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
    await h?.close();
  });

  async function mounted() {
    h = await startHarness({ mode: 'app' });
    return createAdminApp({
      vault: createConfigVault({ dataDir: tmp(), env: {} }),
      health: () => checkHealth(h.warehouse, h.config),
      adminToken: 'test-admin-token-0123456789abcdef',
      logger: createLogger({ level: 'silent', secrets: () => [] }),
      webhooks: [h.door],
    });
  }

  it('answers a signed activity over HTTP without the admin token, and refuses an unsigned one', async () => {
    const app = await mounted();
    server = await startNodeServer(app, 0, '127.0.0.1');
    const url = `http://127.0.0.1:${server.port}/api/messages`;
    const activity = h.recorded('channel/teams.json', 'mention');
    const body = JSON.stringify(activity);
    const headers = { 'content-type': 'application/json' };

    const unsigned = await fetch(url, { method: 'POST', headers, body });
    expect(unsigned.status).toBe(401);

    const token = h.fake.signToken(APP_ID, { serviceurl: activity.serviceUrl });
    const signed = await fetch(url, {
      method: 'POST',
      headers: { ...headers, authorization: `Bearer ${token}` },
      body,
    });
    expect(signed.status).toBe(200);
    await h.settle();
    expect(h.analyst.requests.map((r) => r.question)).toEqual(['Hey']);
    expect(h.fake.calls.some((c) => c.method === 'PUT')).toBe(true);
  });
});
