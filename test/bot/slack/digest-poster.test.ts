// The digest on Slack: at its cron time (fake clock) the brief lands in each configured channel, chart in its thread.
import { afterEach, describe, expect, it } from 'vitest';
import { renderChartPng } from '../../../src/bot/render/chart-png.ts';
import { createSlackDigestPoster } from '../../../src/bot/slack/digest-poster.ts';
import { createLogger } from '../../../src/core/logger.ts';
import { createDigestSchedule, type SetTimer } from '../../../src/core/schedule/digest.ts';
import { assertValidBlocks } from '../render/block-kit-rules.ts';
import { type Harness, startHarness } from './harness.ts';

describe('Slack digest poster', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  function digestFor(harness: Harness, now: () => Date, setTimer?: SetTimer) {
    const poster = createSlackDigestPoster({
      client: () => harness.door.client(),
      getConfig: () => harness.config,
      renderChart: (chart) => renderChartPng(chart, { scale: 1 }),
    });
    return createDigestSchedule({
      getConfig: () => harness.config,
      tz: 'Asia/Kolkata',
      analyst: harness.analyst,
      posters: () => [poster],
      logger: createLogger({ level: 'silent', secrets: () => [] }),
      clock: { now },
      ...(setTimer ? { setTimer } : {}),
    });
  }

  it('posts the brief at DIGEST_CRON to every channel, staff detail left out, chart in the thread', async () => {
    let now = new Date('2026-01-15T02:29:30.000Z');
    h = await startHarness({ config: { DIGEST_CRON: '0 8 * * *', DIGEST_CHANNELS: 'C0DIGEST1,C0DIGEST2' } });
    let fire: () => void = () => {};
    const digest = digestFor(
      h,
      () => now,
      (fn) => {
        fire = fn;
        return { cancel: () => {} };
      },
    );
    digest.start();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);

    now = new Date('2026-01-15T02:30:00.000Z');
    fire();
    await digest.idle();
    digest.stop();

    const posts = h.fake.callsTo('chat.postMessage');
    expect(posts.map((p) => p.body.channel)).toEqual(['C0DIGEST1', 'C0DIGEST2']);
    for (const p of posts) {
      expect(p.body.thread_ts).toBeUndefined();
      assertValidBlocks(p.body.blocks);
      const text = JSON.stringify(p.body.blocks);
      expect(text).toContain('Morning brief');
      expect(text).toContain('Yesterday: ₹42,000 vs ₹45,000 target');
      expect(text).not.toContain('Ravi');
    }
    const completes = h.fake.callsTo('files.completeUploadExternal');
    expect(completes.map((c) => c.body.thread_ts)).toEqual(posts.map((p) => p.response!.ts));
  });

  it('reports a channel Titan is not in, with how to fix it', async () => {
    h = await startHarness({ config: { DIGEST_CHANNELS: 'C0DIGEST1' } });
    h.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    const digest = digestFor(h, () => new Date());
    const outcomes = await digest.post(await digest.brief());
    expect(outcomes).toEqual([
      {
        channel: 'C0DIGEST1',
        platform: 'slack',
        ok: false,
        reason: 'C0DIGEST1: I am not in that channel. Invite me with `/invite @titan` and ask again.',
      },
    ]);
  });

  it('says Slack is not connected while no bot token is set', async () => {
    h = await startHarness({ config: { DIGEST_CHANNELS: 'C0DIGEST1' } });
    delete h.config.SLACK_BOT_TOKEN;
    const digest = digestFor(h, () => new Date());
    const [outcome] = await digest.post(await digest.brief());
    expect(outcome).toMatchObject({
      ok: false,
      reason: 'Slack is not connected: set SLACK_BOT_TOKEN with PATCH /config.',
    });
  });
});
