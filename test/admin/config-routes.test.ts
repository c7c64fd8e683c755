// The admin API at the HTTP level: auth, merge PATCH, validation, body limit, health, concurrency.
import { afterEach, describe, expect, it } from 'vitest';
import { KEY_NAMES } from '../../src/core/config/schema.ts';
import { ADMIN_TOKEN, type AdminHarness, createAdminHarness } from '../helpers/admin-harness.ts';
import { everyKeySet, validValue } from '../helpers/config-values.ts';
import { useTmpDirs } from '../helpers/tmp-dir.ts';

const tmp = useTmpDirs();
let harness: AdminHarness;
afterEach(async () => harness?.titan.close());

describe('admin API', () => {
  it('answers /health without a token, naming each part', async () => {
    harness = await createAdminHarness(tmp());
    const res = await harness.request('GET', '/health', { token: null });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ok',
      warehouse: 'embedded',
      llm: 'not configured',
      slack: 'not configured',
      teams: 'not configured',
      drive: 'embedded',
      pos: 'not configured',
    });
  });

  it('answers 503 when the warehouse is down', async () => {
    harness = await createAdminHarness(tmp());
    await harness.titan.warehouse.close();
    const res = await harness.request('GET', '/health', { token: null });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ warehouse: 'unavailable' });
  });

  it.each([
    ['no token', null],
    ['a wrong token', 'wrong-token-wrong-token-wrong'],
    ['an empty token', ''],
  ])('refuses %s with a bare 401', async (_name, token) => {
    harness = await createAdminHarness(tmp());
    for (const [method, path] of [
      ['GET', '/config'],
      ['PATCH', '/config'],
      ['GET', '/openapi.json'],
    ] as const) {
      const res = await harness.request(method, path, { token, body: { PP_APP_KEY: 'x' } });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: { code: 'auth.unauthorized', message: 'Unauthorized' } });
    }
    expect(harness.titan.vault.get().PP_APP_KEY).toBeUndefined();
  });

  it.each([`bearer ${ADMIN_TOKEN}`, `BEARER   ${ADMIN_TOKEN}`, `BeArEr\t${ADMIN_TOKEN}`])(
    'accepts the scheme in any case with any spacing (RFC 7235): %s',
    async (authorization) => {
      harness = await createAdminHarness(tmp());
      const res = await harness.request('GET', '/config', { token: null, headers: { authorization } });
      expect(res.status).toBe(200);
    },
  );

  it('merges PATCH /config and returns set/missing for every key', async () => {
    harness = await createAdminHarness(tmp());
    expect((await harness.request('PATCH', '/config', { body: everyKeySet() })).status).toBe(200);
    const res = await harness.request('PATCH', '/config', { body: { PP_MAPPING_CODE: 'rest123' } });
    const body = (await res.json()) as Record<string, string>;
    expect(Object.keys(body).sort()).toEqual([...KEY_NAMES].sort());
    expect(Object.values(body).every((v) => v === 'set')).toBe(true);
    const removed = await harness.request('PATCH', '/config', { body: { GEMINI_API_KEY: null } });
    expect(((await removed.json()) as Record<string, string>).GEMINI_API_KEY).toBe('missing');
    expect(await (await harness.request('GET', '/config')).json()).toMatchObject({
      PP_APP_KEY: 'set',
      GEMINI_API_KEY: 'missing',
    });
  });

  it('answers 400 naming an unknown key or a bad value, and writes nothing', async () => {
    harness = await createAdminHarness(tmp());
    const unknown = await harness.request('PATCH', '/config', { body: { PP_APP_KEY: 'k', BOGUS_KEY: 'v' } });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain('BOGUS_KEY');
    const bad = await harness.request('PATCH', '/config', { body: { DIGEST_CRON: 'at dawn' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('config.invalid');
    for (const raw of ['not json', '[1,2]', '"text"']) {
      expect((await harness.request('PATCH', '/config', { raw })).status).toBe(400);
    }
    expect(harness.titan.vault.get().PP_APP_KEY).toBeUndefined();
  });

  it('answers 413 over the body limit', async () => {
    harness = await createAdminHarness(tmp());
    const res = await harness.request('PATCH', '/config', {
      raw: JSON.stringify({ PP_APP_KEY: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(harness.titan.vault.get().PP_APP_KEY).toBeUndefined();
  });

  it('keeps one acknowledged value per key after 200 concurrent PATCHes cycling through every key', async () => {
    harness = await createAdminHarness(tmp());
    const sent = Array.from({ length: 200 }, (_, i) => {
      const key = KEY_NAMES[i % KEY_NAMES.length]!;
      return { key, value: validValue(key, i + 1) };
    });
    const responses = await Promise.all(
      sent.map(({ key, value }) => harness.request('PATCH', '/config', { body: { [key]: value } })),
    );
    expect(responses.map((r) => r.status)).toEqual(sent.map(() => 200));
    const values = harness.titan.vault.get();
    for (const key of KEY_NAMES) {
      const acknowledged = sent.filter((s) => s.key === key).map((s) => s.value.trim());
      expect(acknowledged).toContain(values[key]);
    }
  });

  it('serves an OpenAPI document generated from the schemas', async () => {
    harness = await createAdminHarness(tmp());
    const doc = (await (await harness.request('GET', '/openapi.json')).json()) as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: { properties: object } }> } }>
      >;
    };
    const patchSchema = doc.paths['/config']?.patch?.requestBody?.content['application/json']?.schema;
    expect(Object.keys(patchSchema?.properties ?? {}).sort()).toEqual([...KEY_NAMES].sort());
  });

  it('answers unknown admin paths only to an authenticated caller', async () => {
    harness = await createAdminHarness(tmp());
    expect((await harness.request('GET', '/nope', { token: null })).status).toBe(401);
    expect((await harness.request('GET', '/nope')).status).toBe(404);
  });

  it('allows CORS only for the configured origins', async () => {
    harness = await createAdminHarness(tmp(), { CORS_ORIGINS: 'https://ops.example.com' });
    const preflight = (origin: string) =>
      harness.request('OPTIONS', '/config', {
        token: null,
        headers: { origin, 'access-control-request-method': 'PATCH' },
      });
    const allowed = await preflight('https://ops.example.com');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://ops.example.com');
    const other = await preflight('https://evil.example.com');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
