// Receiving at POST /api/messages: Bot Framework JWTs checked when TEAMS_APP_ID is set, loopback-only emulator mode
// without it, and replies only to a trusted serviceUrl.
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeBotConnector, startFakeBotConnector } from '../../fakes/bot-connector.ts';
import { CORPUS } from '../../helpers/corpora.ts';
import { APP_ID, APP_PASSWORD, type Harness, startHarness, TENANT_ID } from './harness.ts';

const MENTION = ['channel/teams.json', 'mention'] as const;

let h: Harness;
/** A second Bot Connector that must never be called. */
let rogue: FakeBotConnector | undefined;
afterEach(async () => {
  await h?.close();
  await rogue?.close();
  rogue = undefined;
});

describe('Teams receiving with TEAMS_APP_ID set', () => {
  it(
    'answers an activity whose token the Bot Framework keys verify, replying with its own bearer token',
    CORPUS,
    async () => {
      h = await startHarness({ mode: 'app' });
      const res = await h.post(h.recorded(...MENTION));
      expect(res.status).toBe(200);
      await h.settle();
      expect(h.analyst.requests).toHaveLength(1);
      expect(h.fake.calls.length).toBeGreaterThan(2);
      expect(h.fake.calls.every((c) => c.authorization === `Bearer ${h.fake.issuedToken}`)).toBe(true);
      // One client-credentials request for all replies, for this tenant, never the secret in a log line.
      expect(h.fake.tokenRequests).toEqual([
        {
          tenant: TENANT_ID,
          form: {
            grant_type: 'client_credentials',
            client_id: APP_ID,
            client_secret: APP_PASSWORD,
            scope: 'https://api.botframework.com/.default',
          },
        },
      ]);
      expect(h.logs.join('')).not.toContain(APP_PASSWORD);
    },
  );

  it.each([
    ['a missing token', null],
    ['a token signed with a key the Bot Framework does not publish', 'forged'],
    ['a token for another app', 'other-app'],
    ['an expired token', 'expired'],
    ['a token from another issuer', 'issuer'],
    ['not a JWT at all', 'Bearer not-a-jwt'],
  ])('rejects %s with 401 and runs nothing', CORPUS, async (_name, kind) => {
    h = await startHarness({ mode: 'app' });
    const activity = h.recorded(...MENTION);
    const now = Math.floor(Date.now() / 1000);
    const authorization =
      kind === null || kind.startsWith('Bearer')
        ? kind
        : `Bearer ${
            kind === 'forged'
              ? h.fake.forgeToken(APP_ID)
              : kind === 'other-app'
                ? h.fake.signToken('99999999-0000-0000-0000-000000000000')
                : kind === 'expired'
                  ? h.fake.signToken(APP_ID, { exp: now - 3600, nbf: now - 7200 })
                  : h.fake.signToken(APP_ID, { iss: 'https://sts.example.com' })
          }`;
    const res = await h.post(activity, { authorization });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'Unauthorized.' });
    await h.settle();
    expect(h.analyst.requests).toEqual([]);
    expect(h.fake.calls).toEqual([]);
  });

  it(
    'rejects an activity whose serviceUrl is not the one its token names, and never calls that URL',
    CORPUS,
    async () => {
      h = await startHarness({ mode: 'app' });
      rogue = await startFakeBotConnector();
      const activity = h.recorded(...MENTION, { serviceUrl: rogue.serviceUrl });
      const token = h.fake.signToken(APP_ID, { serviceurl: h.fake.serviceUrl });
      const res = await h.post(activity, { authorization: `Bearer ${token}` });
      expect(res.status).toBe(401);
      await h.settle();
      expect(rogue.calls).toEqual([]);
      expect(h.fake.calls).toEqual([]);
    },
  );

  it(
    'ignores an activity from another tenant when TEAMS_TENANT_ID is set, and answers its own',
    CORPUS,
    async () => {
      h = await startHarness({ mode: 'app' });
      const elsewhere = h.recorded(...MENTION, { id: 'm-other' });
      elsewhere.conversation = {
        ...(elsewhere.conversation as object),
        tenantId: 'ffffffff-0000-0000-0000-000000000000',
      };
      elsewhere.channelData = {
        ...(elsewhere.channelData as object),
        tenant: { id: 'ffffffff-0000-0000-0000-000000000000' },
      };
      expect((await h.post(elsewhere)).status).toBe(200);
      await h.settle();
      expect(h.analyst.requests).toEqual([]);
      expect(h.fake.calls).toEqual([]);
      expect(h.logs.join('')).toContain('teams activity from another tenant ignored');
      expect((await h.post(h.recorded(...MENTION, { id: 'm-own' }))).status).toBe(200);
      await h.settle();
      expect(h.analyst.requests).toHaveLength(1);
    },
  );

  it('answers 400 to a body that is not a Bot Framework activity', async () => {
    h = await startHarness({ mode: 'app' });
    const res = await h.post({ hello: 'world', serviceUrl: h.fake.serviceUrl });
    expect(res.status).toBe(400);
    const notJson = await h.door.handle(
      new Request('http://titan.test/api/messages', {
        method: 'POST',
        headers: { authorization: `Bearer ${h.fake.signToken(APP_ID)}` },
        body: '{nope',
      }),
    );
    expect(notJson.status).toBe(400);
  });

  /** A POST whose body stream counts what was read from it. */
  const streamedPost = (bytes: number, authorization?: string) => {
    let pulled = 0;
    const chunk = new TextEncoder().encode(`{"pad":"${'x'.repeat(64 * 1024)}`);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
        if (pulled >= bytes) controller.close();
      },
    });
    const request = new Request('http://titan.test/api/messages', {
      method: 'POST',
      headers: authorization ? { authorization } : {},
      body,
      duplex: 'half',
    } as RequestInit);
    return { request, pulled: () => pulled };
  };

  it.each([
    ['no token', undefined],
    ['a forged token', 'forged'],
  ])('refuses a request with %s with 401 before reading its body', async (_name, kind) => {
    h = await startHarness({ mode: 'app' });
    const post = streamedPost(4 * 1024 * 1024, kind && `Bearer ${h.fake.forgeToken(APP_ID)}`);
    const res = await h.door.handle(post.request, { remoteAddress: '127.0.0.1' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'Unauthorized.' });
    expect(post.request.bodyUsed).toBe(false);
    expect(post.pulled()).toBeLessThanOrEqual(2 * 64 * 1024);
    expect(h.fake.calls).toEqual([]);
  });

  it('answers 413 to a signed activity over 512 KB, reading no more than the limit', async () => {
    h = await startHarness({ mode: 'app' });
    const post = streamedPost(4 * 1024 * 1024, `Bearer ${h.fake.signToken(APP_ID)}`);
    const res = await h.door.handle(post.request, { remoteAddress: '127.0.0.1' });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'The activity is too large.' });
    expect(post.pulled()).toBeLessThan(1024 * 1024);
    expect(h.fake.calls).toEqual([]);
  });

  it('answers a redelivered activity (same id) once', CORPUS, async () => {
    h = await startHarness({ mode: 'app' });
    const activity = h.recorded(...MENTION);
    expect((await h.post(activity)).status).toBe(200);
    expect((await h.post(activity)).status).toBe(200);
    await h.settle();
    expect(h.analyst.requests).toHaveLength(1);
  });

  it('answers once each when the sweep of old activity ids fails, and logs it', CORPUS, async () => {
    h = await startHarness({ mode: 'app' });
    expect((await h.post(h.recorded(...MENTION, { id: 'm-old' }))).status).toBe(200);
    await h.settle();
    h.advance(8 * 24 * 60 * 60 * 1000);
    // SQLite refusing the sweep's delete, as a read-only database would.
    await h.warehouse.execute(
      `CREATE TRIGGER chat_events_keep BEFORE DELETE ON chat_events
       BEGIN SELECT RAISE(ABORT, 'attempt to write a readonly database'); END`,
    );
    const activity = h.recorded(...MENTION, { id: 'm-new' });
    expect((await h.post(activity)).status).toBe(200);
    expect((await h.post(activity)).status).toBe(200);
    await h.settle();
    expect(h.analyst.requests).toHaveLength(2);
    expect(h.logs.join('')).toContain('old chat event ids not swept');
  });

  it('still answers when the activity id cannot be recorded, and logs why', CORPUS, async () => {
    h = await startHarness({ mode: 'app' });
    await h.warehouse.execute(
      `CREATE TRIGGER chat_events_full BEFORE INSERT ON chat_events
       BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`,
    );
    expect((await h.post(h.recorded(...MENTION))).status).toBe(200);
    await h.settle();
    expect(h.analyst.requests).toHaveLength(1);
    expect(h.logs.join('')).toContain('teams activity dedupe unavailable; handling the activity anyway');
  });

  it('starts verifying at once when TEAMS_APP_ID is PATCHed in, without a restart', CORPUS, async () => {
    h = await startHarness({ mode: 'emulator' });
    expect((await h.post(h.recorded(...MENTION, { id: 'm-1' }))).status).toBe(200);
    Object.assign(h.config, { TEAMS_APP_ID: APP_ID, TEAMS_APP_PASSWORD: APP_PASSWORD });
    expect((await h.post(h.recorded(...MENTION, { id: 'm-2' }), { authorization: null })).status).toBe(401);
    expect((await h.post(h.recorded(...MENTION, { id: 'm-3' }))).status).toBe(200);
    await h.settle();
    expect(h.analyst.requests).toHaveLength(2);
  });
});

describe('Teams receiving in local emulator mode (no TEAMS_APP_ID)', CORPUS, () => {
  it('says clearly in the log that requests are unauthenticated and loopback-only', async () => {
    h = await startHarness({ mode: 'emulator' });
    await h.post(h.recorded(...MENTION));
    await h.settle();
    expect(h.logs.join('')).toContain('local emulator mode');
    expect(h.fake.calls.length).toBeGreaterThan(0);
    // No app id, no token: replies go without an Authorization header.
    expect(h.fake.calls.every((c) => c.authorization === undefined)).toBe(true);
  });

  it.each([
    ['another machine', '203.0.113.9'],
    ['an IPv4-mapped remote address', '::ffff:198.51.100.4'],
    ['an unknown caller address', ''],
  ])('refuses %s with 403 and runs nothing', async (_name, remoteAddress) => {
    h = await startHarness({ mode: 'emulator' });
    const res = await h.post(
      h.recorded(...MENTION),
      remoteAddress ? { remoteAddress } : { remoteAddress: '' },
    );
    expect(res.status).toBe(403);
    await h.settle();
    expect(h.analyst.requests).toEqual([]);
    expect(h.fake.calls).toEqual([]);
  });

  it('accepts IPv6 and IPv4-mapped loopback callers', async () => {
    h = await startHarness({ mode: 'emulator' });
    expect((await h.post(h.recorded(...MENTION, { id: 'a' }), { remoteAddress: '::1' })).status).toBe(200);
    expect(
      (await h.post(h.recorded(...MENTION, { id: 'b' }), { remoteAddress: '::ffff:127.0.0.1' })).status,
    ).toBe(200);
    await h.settle();
    expect(h.analyst.requests).toHaveLength(2);
  });

  it('never calls a serviceUrl outside TEAMS_SERVICE_URL_ALLOWLIST', async () => {
    h = await startHarness({ mode: 'emulator' });
    rogue = await startFakeBotConnector();
    h.config.TEAMS_SERVICE_URL_ALLOWLIST = h.fake.serviceUrl;
    const res = await h.post(h.recorded(...MENTION, { serviceUrl: rogue.serviceUrl }));
    expect(res.status).toBe(403);
    await h.settle();
    expect(rogue.calls).toEqual([]);
    expect(h.analyst.requests).toEqual([]);

    // The allowlisted one is answered.
    expect((await h.post(h.recorded(...MENTION))).status).toBe(200);
    await h.settle();
    expect(h.fake.calls.length).toBeGreaterThan(0);
    expect(rogue.calls).toEqual([]);
  });

  it('never calls a non-loopback serviceUrl when no allowlist is set', async () => {
    h = await startHarness({ mode: 'emulator' });
    const res = await h.post(
      h.recorded(...MENTION, { serviceUrl: 'https://smba.trafficmanager.net/amer/x/' }),
    );
    expect(res.status).toBe(403);
    await h.settle();
    expect(h.analyst.requests).toEqual([]);
  });
});
