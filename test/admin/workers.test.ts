// The Workers entry: the same admin API with overrides in a KV namespace, one vault per request.
import { describe, expect, it } from 'vitest';
import worker from '../../src/admin/workers.ts';
import { createFakeWorkersKv } from '../fakes/workers-kv.ts';

const TOKEN = 'workers-admin-token-123456';

describe('Workers entry', () => {
  it('merges PATCHes across requests through KV and reports configuration-only health', async () => {
    const kv = createFakeWorkersKv();
    const env = { TITAN_CONFIG: kv, TITAN_ADMIN_TOKEN: TOKEN, GEMINI_MODEL: 'gemini-from-vars' };
    const call = (method: string, path: string, body?: unknown) =>
      worker.fetch(
        new Request(`https://titan.example${path}`, {
          method,
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
        env,
      );
    const health = await call('GET', '/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', warehouse: 'not configured' });

    expect(
      (await call('PATCH', '/config', { GEMINI_API_KEY: 'AIza-kv-secret', PP_APP_KEY: 'pp' })).status,
    ).toBe(200);
    expect((await call('PATCH', '/config', { PP_MAPPING_CODE: 'rest123' })).status).toBe(200);
    const status = (await (await call('GET', '/config')).json()) as Record<string, string>;
    expect(status).toMatchObject({
      GEMINI_API_KEY: 'set',
      PP_APP_KEY: 'set',
      PP_MAPPING_CODE: 'set',
      GEMINI_MODEL: 'set',
    });
    expect(JSON.parse((await kv.get('config_override.json'))!)).toEqual({
      GEMINI_API_KEY: 'AIza-kv-secret',
      PP_APP_KEY: 'pp',
      PP_MAPPING_CODE: 'rest123',
    });
    expect((await call('PATCH', '/config', { NOPE: 'x' })).status).toBe(400);
  });

  it('refuses every admin request when no admin token is configured', async () => {
    const env = { TITAN_CONFIG: createFakeWorkersKv() };
    const res = await worker.fetch(
      new Request('https://titan.example/config', { headers: { authorization: 'Bearer ' } }),
      env,
    );
    expect(res.status).toBe(401);
  });
});
