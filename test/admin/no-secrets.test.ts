// No response body and no log line ever contains a secret value, on any route or error path.
import { afterEach, describe, expect, it } from 'vitest';
import { CONFIG_KEYS, KEY_NAMES } from '../../src/core/config/schema.ts';
import { ADMIN_TOKEN, type AdminHarness, createAdminHarness } from '../helpers/admin-harness.ts';
import { everyKeySet } from '../helpers/config-values.ts';
import { useTmpDirs } from '../helpers/tmp-dir.ts';

const tmp = useTmpDirs();
let harness: AdminHarness;
afterEach(async () => harness?.titan.close());

const SECRET_KEYS = KEY_NAMES.filter((k) => CONFIG_KEYS[k].secret);

describe('secrets stay secret', () => {
  it('never appear in any response or log line', async () => {
    harness = await createAdminHarness(tmp());
    const secrets = everyKeySet();
    expect((await harness.request('PATCH', '/config', { body: secrets })).status).toBe(200);
    const secretValues = [...SECRET_KEYS.map((k) => secrets[k]), ADMIN_TOKEN];
    // Fragments too: a PEM key must not leak line by line either.
    const pemLines = secrets.GOOGLE_SERVICE_ACCOUNT_JSON.match(/[A-Za-z0-9+/]{40,}/g) ?? [];
    expect(pemLines.length).toBeGreaterThan(3);

    const doc = (await (await harness.request('GET', '/openapi.json')).json()) as {
      paths: Record<string, object>;
    };
    const bodies: string[] = [];
    const calls: [string, string, { body?: unknown; raw?: string; token?: string | null }][] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      const concrete = path.replace(/\{\w+\}/g, 'does-not-exist');
      for (const method of Object.keys(methods).map((m) => m.toUpperCase())) {
        calls.push([method, concrete, {}], [method, concrete, { token: 'wrong-token-wrong-token' }]);
        if (method !== 'GET')
          calls.push([method, concrete, { raw: '{not json' }], [method, concrete, { body: { x: 1 } }]);
      }
    }
    // Error paths that involve secret values: pasted into the wrong key, or an invalid value for a secret key.
    calls.push(['PATCH', '/config', { body: { SLACK_BOT_TOKEN: secrets.GEMINI_API_KEY } }]);
    calls.push([
      'PATCH',
      '/config',
      { body: { GOOGLE_SERVICE_ACCOUNT_JSON: `${secrets.PP_APP_SECRET} broken` } },
    ]);
    calls.push(['PATCH', '/config', { body: { [secrets.PP_ACCESS_TOKEN]: 'x' } }]);
    calls.push(['GET', '/config', { token: secrets.SLACK_SIGNING_SECRET }]);
    for (const [method, path, options] of calls) {
      const res = await harness.request(method, path, options);
      bodies.push(`${method} ${path} ${res.status} ${await res.text()}`);
    }
    expect(bodies.length).toBeGreaterThan(10);

    const everything = [...bodies, ...harness.logLines];
    expect(harness.logLines.length).toBeGreaterThan(10);
    for (const value of [...secretValues, ...pemLines]) {
      const leaks = everything.filter((text) => text.includes(value));
      expect(leaks, `secret leaked: ${value.slice(0, 6)}…`).toEqual([]);
    }
  });

  it('masks a secret even when code logs it by mistake', async () => {
    harness = await createAdminHarness(tmp());
    await harness.request('PATCH', '/config', { body: { GEMINI_API_KEY: 'AIzaSy-very-secret-key' } });
    harness.titan.logger.error({ apiKey: 'AIzaSy-very-secret-key' }, 'oops AIzaSy-very-secret-key');
    const last = harness.logLines.at(-1) ?? '';
    expect(last).toContain('[secret]');
    expect(last).not.toContain('AIzaSy-very-secret-key');
  });
});
