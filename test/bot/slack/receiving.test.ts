// Receiving: Slack signatures checked first, URL verification, ack before work, retries never answered twice.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteWarehouse } from '../../../src/core/warehouse/sqlite.ts';
import { slackSignatureHeaders } from '../../fakes/slack.ts';
import { CORPUS } from '../../helpers/corpora.ts';
import { useTmpDirs } from '../../helpers/tmp-dir.ts';
import { type Harness, NOW, SIGNING_SECRET, startHarness } from './harness.ts';
import { appMention, urlVerification } from './payloads.ts';

const headlineUpdates = (h: Harness) =>
  h.fake.calls.filter((c) => JSON.stringify(c.body.blocks ?? '').includes('Profit leaks: ₹2,940/week'));

describe('POST /slack/events: receiving', () => {
  let h: Harness;
  const tmp = useTmpDirs();
  afterEach(async () => h?.close());

  it('answers Slack URL verification with the challenge', CORPUS, async () => {
    h = await startHarness();
    const body = urlVerification();
    const res = await h.door.handle(
      new Request('http://t/slack/events', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...slackSignatureHeaders(SIGNING_SECRET, JSON.stringify(body), NOW.getTime() / 1000),
        },
        body: JSON.stringify(body),
      }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: body.challenge });
  });

  it('refuses a bad signature with 401 before anything runs', CORPUS, async () => {
    h = await startHarness();
    const raw = JSON.stringify(appMention('revenue trend'));
    const res = await h.door.handle(
      new Request('http://t/slack/events', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...slackSignatureHeaders('wrong-secret', raw, NOW.getTime() / 1000),
        },
        body: raw,
      }),
    );
    expect(res.status).toBe(401);
    await h.settle();
    expect(h.fake.calls).toEqual([]);
    expect(h.analyst.requests).toEqual([]);
  });

  it('refuses a correctly signed request older than 5 minutes with 401', CORPUS, async () => {
    h = await startHarness();
    const raw = JSON.stringify(appMention('revenue trend'));
    const sixMinutesAgo = NOW.getTime() / 1000 - 6 * 60;
    const res = await h.door.handle(
      new Request('http://t/slack/events', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...slackSignatureHeaders(SIGNING_SECRET, raw, sixMinutesAgo),
        },
        body: raw,
      }),
    );
    expect(res.status).toBe(401);
  });

  it('refuses a body changed after signing, and a request with no signature', CORPUS, async () => {
    h = await startHarness();
    const raw = JSON.stringify(appMention('revenue trend'));
    const headers = slackSignatureHeaders(SIGNING_SECRET, raw, NOW.getTime() / 1000);
    const tampered = new Request('http://t/slack/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: raw.replace('revenue', 'payroll'),
    });
    expect((await h.door.handle(tampered)).status).toBe(401);
    const unsigned = new Request('http://t/slack/events', { method: 'POST', body: raw });
    expect((await h.door.handle(unsigned)).status).toBe(401);
  });

  it('acknowledges before the analyst has finished', CORPUS, async () => {
    h = await startHarness();
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const answer = h.analyst.answer;
    h.analyst.answer = async (req) => {
      await gate;
      return answer(req);
    };
    const res = await h.postEvent(appMention('scan for profit leaks'));
    expect(res.status).toBe(200);
    expect(headlineUpdates(h)).toHaveLength(0);
    release();
    await h.settle();
    expect(headlineUpdates(h)).toHaveLength(1);
  });

  it('answers a Slack retry of the same event only once', CORPUS, async () => {
    h = await startHarness();
    await h.postEvent(appMention('scan for profit leaks', { eventId: 'EvRetry1' }));
    const retry = await h.postEvent(appMention('scan for profit leaks', { eventId: 'EvRetry1' }), {
      'x-slack-retry-num': '1',
      'x-slack-retry-reason': 'http_timeout',
    });
    expect(retry.status).toBe(200);
    await h.settle();
    expect(h.analyst.requests).toHaveLength(1);
    expect(headlineUpdates(h)).toHaveLength(1);
  });

  it('still ignores the retry after a restart (the event id is in the warehouse)', CORPUS, async () => {
    const file = path.join(tmp(), 'titan.db');
    const first = createSqliteWarehouse({ path: file });
    h = await startHarness({ warehouse: first });
    await h.postEvent(appMention('scan for profit leaks', { eventId: 'EvRestart' }));
    await h.close();
    await first.close();

    const second = createSqliteWarehouse({ path: file });
    h = await startHarness({ warehouse: second });
    await h.postEvent(appMention('scan for profit leaks', { eventId: 'EvRestart' }), {
      'x-slack-retry-num': '2',
    });
    await h.settle();
    expect(h.analyst.requests).toHaveLength(0);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
    await h.close();
    await second.close();
  });

  it('says what to configure while the signing secret is missing', CORPUS, async () => {
    h = await startHarness({ config: { SLACK_SIGNING_SECRET: undefined } });
    delete h.config.SLACK_SIGNING_SECRET;
    const res = await h.postEvent(appMention('revenue'));
    expect(res.status).toBe(503);
    expect(JSON.stringify(await res.json())).toContain('SLACK_SIGNING_SECRET');
  });

  it('warms up by checking the token with auth.test, and names what Slack said when it is refused', async () => {
    h = await startHarness();
    expect(await h.door.warmUp()).toEqual({ teamId: 'T111', botUserId: 'UBOT', botId: 'BBOT' });
    h.config.SLACK_BOT_TOKEN = 'xoxb-revoked-token-0003';
    h.fake.failNext('auth.test', { error: 'invalid_auth' });
    await expect(h.door.warmUp()).rejects.toThrow('Slack auth.test failed: invalid_auth.');
    delete h.config.SLACK_BOT_TOKEN;
    expect(await h.door.warmUp()).toBeUndefined();
  });

  it('uses a new bot token as soon as the config changes, without a restart', CORPUS, async () => {
    h = await startHarness();
    await h.postEvent(appMention('revenue trend', { eventId: 'EvTok1' }));
    await h.settle();
    h.config.SLACK_BOT_TOKEN = 'xoxb-rotated-token-0002';
    await h.postEvent(appMention('revenue trend', { eventId: 'EvTok2' }));
    await h.settle();
    const tokens = h.fake.callsTo('chat.postMessage').map((c) => c.authorization);
    expect(tokens[0]).toBe('Bearer xoxb-test-token-0001');
    expect(tokens.at(-1)).toBe('Bearer xoxb-rotated-token-0002');
  });
});
