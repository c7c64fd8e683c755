// The digest in Teams: conversation references captured at install or first message, then the morning brief posted
// proactively to each Teams id in DIGEST_CHANNELS (POST /v3/conversations/{id}/activities).
import { afterEach, describe, expect, it } from 'vitest';
import { createTeamsDigestPoster } from '../../../src/bot/teams/digest-poster.ts';
import { createLogger } from '../../../src/core/logger.ts';
import { createDigestSchedule } from '../../../src/core/schedule/digest.ts';
import { CORPUS } from '../../helpers/corpora.ts';
import { BOT_ID, cardsOf, cardTexts, type Harness, startHarness } from './harness.ts';
import { ADAPTIVE_CARD_SCHEMA, schemaValidator } from './json-schemas.ts';

const validate = schemaValidator(ADAPTIVE_CARD_SCHEMA);
const CHANNEL = '19:d441d38c655c47a085215b2726e76927@thread.tacv2';
const DM =
  'a:17NditBRO5pbPlIimLiU0g7vfMqIYTPwqILZJq-TOhzzKiAmv2i6Oerr-QPUpuznpKMZinowF80qU8SFPCsvZlg3EpJU8FYt3rO-iSCFfYzIIk2STWat73naOa8x5LdSv';

describe('Teams digest poster', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  function digest(harness: Harness) {
    const poster = createTeamsDigestPoster({
      connections: harness.door.connections,
      conversations: harness.door.conversations,
      getConfig: () => harness.config,
      renderChart: async () => Buffer.from('png'),
      logger: createLogger({ level: 'silent', secrets: () => [] }),
    });
    const schedule = createDigestSchedule({
      getConfig: () => harness.config,
      tz: 'Asia/Kolkata',
      analyst: harness.analyst,
      posters: () => [poster],
      logger: createLogger({ level: 'silent', secrets: () => [] }),
    });
    return { poster, schedule };
  }

  /** The bot added to a team channel: Teams sends conversationUpdate with the channel's own id. */
  function installInChannel(harness: Harness) {
    const mention = harness.recorded('channel/teams.json', 'mention');
    return harness.post({
      type: 'conversationUpdate',
      id: 'install-channel',
      channelId: 'msteams',
      serviceUrl: mention.serviceUrl,
      from: mention.from,
      recipient: mention.recipient,
      conversation: { ...(mention.conversation as object), id: CHANNEL },
      membersAdded: [{ id: BOT_ID }],
      channelData: mention.channelData,
    });
  }

  it('tells Teams conversation ids from Slack channel ids', async () => {
    h = await startHarness({ mode: 'app' });
    const { poster } = digest(h);
    const ids = [CHANNEL, DM, '19:abc@thread.v2', 'C0DIGEST1', 'D024BE91L', ''];
    expect(ids.map(poster.accepts)).toEqual([true, true, true, false, false, false]);
  });

  it(
    'posts the brief proactively to the channel Titan was installed in and to a 1:1 chat it was spoken to in',
    CORPUS,
    async () => {
      h = await startHarness({ mode: 'app' });
      await installInChannel(h);
      await h.post(h.recorded('dm/teams.json', 'dmMessage'));
      await h.settle();
      h.config.DIGEST_CHANNELS = `${CHANNEL},${DM},19:never-met@thread.tacv2`;
      const before = h.fake.calls.length;

      const { schedule } = digest(h);
      const outcomes = await schedule.post(await schedule.brief());
      expect(outcomes).toEqual([
        { channel: CHANNEL, platform: 'teams', ok: true },
        { channel: DM, platform: 'teams', ok: true },
        {
          channel: '19:never-met@thread.tacv2',
          platform: 'teams',
          ok: false,
          reason: expect.stringContaining('Titan has not been added to that Teams conversation yet'),
        },
      ]);

      const posts = h.fake.calls.slice(before);
      expect(posts.map((p) => [p.method, p.conversationId])).toEqual([
        ['POST', CHANNEL],
        ['POST', DM],
      ]);
      for (const post of posts) {
        expect(post.authorization).toBe(`Bearer ${h.fake.issuedToken}`);
        const card = cardsOf(post)[0]!;
        expect(validate(card)).toEqual([]);
        expect(cardTexts(card).slice(0, 2)).toEqual([
          '🌅 Morning brief',
          'Yesterday: ₹42,000 vs ₹45,000 target',
        ]);
      }
      // The channel sees the public view; the 1:1 chat may see staff-level findings.
      expect(cardTexts(cardsOf(posts[0]!)[0]!).join('\n')).not.toContain('Ravi');
      expect(cardTexts(cardsOf(posts[1]!)[0]!).join('\n')).toContain('Ravi');
    },
  );

  it('stores one reference per conversation: the channel, not each thread', CORPUS, async () => {
    h = await startHarness({ mode: 'app' });
    await h.post(h.recorded('channel/teams.json', 'mention'));
    await h.post(h.recorded('dm/teams.json', 'mention'));
    await h.settle();
    const rows = await h.warehouse.query<Record<string, unknown>>(
      'SELECT conversation_id, service_url, tenant_id, conversation_type, bot_id, verified FROM teams_conversations',
    );
    expect(rows).toEqual([
      {
        conversation_id: CHANNEL,
        service_url: h.fake.serviceUrl,
        tenant_id: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
        conversation_type: 'channel',
        bot_id: BOT_ID,
        verified: 1,
      },
    ]);
  });

  it('never posts to a stored serviceUrl nothing vouches for any more', CORPUS, async () => {
    h = await startHarness({ mode: 'emulator' });
    await h.post(h.recorded('dm/teams.json', 'dmMessage'));
    await h.settle();
    const before = h.fake.calls.length;
    // Captured unverified (emulator mode); now only another service is allowlisted.
    h.config.TEAMS_SERVICE_URL_ALLOWLIST = 'https://smba.trafficmanager.net/';
    h.config.DIGEST_CHANNELS = DM;
    const { schedule } = digest(h);
    const [outcome] = await schedule.post(await schedule.brief());
    expect(outcome).toMatchObject({ ok: false, reason: expect.stringContaining('not trusted') });
    expect(h.fake.calls.length).toBe(before);
  });
});
