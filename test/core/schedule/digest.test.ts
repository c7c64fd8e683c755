// The morning digest fires at DIGEST_CRON in TITAN_TZ (fake clock, injected timer) and posts to each channel's platform.
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfigValues } from '../../../src/core/config/schema.ts';
import { createLocks } from '../../../src/core/locks/locks.ts';
import { createLogger } from '../../../src/core/logger.ts';
import type { Answer } from '../../../src/core/model/answer.ts';
import { createDigestSchedule, type DigestPoster, type SetTimer } from '../../../src/core/schedule/digest.ts';
import { createSqliteWarehouse } from '../../../src/core/warehouse/sqlite.ts';
import { sampleAnswer } from '../../bot/render/sample-answer.ts';

const logger = createLogger({ level: 'silent', secrets: () => [] });

/** A clock the test moves, and a timer that only records what was set until the test fires it. */
function fakeTime(startIso: string) {
  let now = new Date(startIso).getTime();
  const timers: { fn: () => void; at: number; cancelled: boolean }[] = [];
  const setTimer: SetTimer = (fn, delayMs) => {
    const t = { fn, at: now + delayMs, cancelled: false };
    timers.push(t);
    return { cancel: () => (t.cancelled = true) };
  };
  return {
    clock: { now: () => new Date(now) },
    setTimer,
    pending: () => timers.filter((t) => !t.cancelled),
    /** Moves the clock to the earliest pending timer and fires it. */
    fireNext() {
      const next = timers.filter((t) => !t.cancelled).sort((a, b) => a.at - b.at)[0]!;
      next.cancelled = true;
      now = next.at;
      next.fn();
      return new Date(next.at);
    },
  };
}

function recordingPoster(platform: string, accepts: RegExp, fail?: string) {
  const posts: { channel: string; answer: Answer }[] = [];
  const poster: DigestPoster = {
    platform,
    accepts: (channel) => accepts.test(channel),
    async post(channel, answer) {
      if (fail) throw new Error(fail);
      posts.push({ channel, answer });
    },
  };
  return { poster, posts };
}

const brief = sampleAnswer({ intent: 'daily-brief', headline: 'Yesterday: ₹42,000 vs ₹45,000 target' });
const analyst = { dailyBrief: async () => brief };

describe('morning digest', () => {
  const stops: (() => void)[] = [];
  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
  });

  it('fires at 08:00 in TITAN_TZ and posts the brief to every configured channel', async () => {
    // 07:59 in Kolkata (UTC+5:30).
    const time = fakeTime('2026-01-15T02:29:00.000Z');
    const slack = recordingPoster('slack', /^C/);
    const config: ConfigValues = { DIGEST_CRON: '0 8 * * *', DIGEST_CHANNELS: 'C0123ABCD, C0456EFGH' };
    const digest = createDigestSchedule({
      getConfig: () => config,
      tz: 'Asia/Kolkata',
      analyst,
      posters: () => [slack.poster],
      logger,
      clock: time.clock,
      setTimer: time.setTimer,
    });
    expect(digest.nextRun()?.toISOString()).toBe('2026-01-15T02:30:00.000Z');
    digest.start();
    stops.push(digest.stop);
    expect(slack.posts).toHaveLength(0);

    expect(time.fireNext().toISOString()).toBe('2026-01-15T02:30:00.000Z');
    await digest.idle();
    expect(slack.posts.map((p) => p.channel)).toEqual(['C0123ABCD', 'C0456EFGH']);
    expect(slack.posts[0]!.answer.headline).toBe('Yesterday: ₹42,000 vs ₹45,000 target');
    // The next run is armed for tomorrow 08:00 IST.
    expect(new Date(time.pending()[0]!.at).toISOString()).toBe('2026-01-16T02:30:00.000Z');
  });

  it('reports channels no platform can take, and one failing platform does not stop the others', async () => {
    const slack = recordingPoster('slack', /^C/);
    const teams = recordingPoster('teams', /^19:/, 'Teams is down');
    const digest = createDigestSchedule({
      getConfig: () => ({ DIGEST_CHANNELS: '19:abc@thread.tacv2,XYZ,C0123ABCD' }),
      tz: 'Asia/Kolkata',
      analyst,
      posters: () => [slack.poster, teams.poster],
      logger,
    });
    const outcomes = await digest.post(await digest.brief());
    expect(outcomes).toEqual([
      { channel: '19:abc@thread.tacv2', platform: 'teams', ok: false, reason: 'Teams is down' },
      {
        channel: 'XYZ',
        platform: null,
        ok: false,
        reason: 'no connected chat platform uses this channel id',
      },
      { channel: 'C0123ABCD', platform: 'slack', ok: true },
    ]);
  });

  it('picks up a changed DIGEST_CRON on reschedule', () => {
    const time = fakeTime('2026-01-15T02:29:00.000Z');
    const config: ConfigValues = { DIGEST_CRON: '0 8 * * *' };
    const digest = createDigestSchedule({
      getConfig: () => config,
      tz: 'Asia/Kolkata',
      analyst,
      posters: () => [],
      logger,
      clock: time.clock,
      setTimer: time.setTimer,
    });
    digest.start();
    stops.push(digest.stop);
    config.DIGEST_CRON = '30 9 * * 1-5';
    digest.reschedule();
    expect(time.pending().map((t) => new Date(t.at).toISOString())).toEqual(['2026-01-15T04:00:00.000Z']);
  });

  it('posts a scheduled slot once even when two server processes share the warehouse', async () => {
    const warehouse = createSqliteWarehouse({ path: ':memory:' });
    await warehouse.migrate();
    const slack = recordingPoster('slack', /^C/);
    const processes = [1, 2].map((n) => {
      const time = fakeTime('2026-01-15T02:29:00.000Z');
      const digest = createDigestSchedule({
        getConfig: () => ({ DIGEST_CRON: '0 8 * * *', DIGEST_CHANNELS: 'C0123ABCD' }),
        tz: 'Asia/Kolkata',
        analyst,
        posters: () => [slack.poster],
        logger,
        clock: time.clock,
        setTimer: time.setTimer,
        locks: createLocks({ warehouse, clock: time.clock, owner: `process-${n}` }),
      });
      digest.start();
      stops.push(digest.stop);
      return { time, digest };
    });
    for (const p of processes) {
      p.time.fireNext();
      await p.digest.idle();
    }
    expect(slack.posts).toHaveLength(1);
    await warehouse.close();
  });
});
