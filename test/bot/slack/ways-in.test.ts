// The ways in: DMs, /titan, assistant threads, an empty mention, prompt buttons, and who may ask.
import { afterEach, describe, expect, it } from 'vitest';
import { CORPUS } from '../../helpers/corpora.ts';
import { assertValidBlocks } from '../render/block-kit-rules.ts';
import { type Harness, startHarness } from './harness.ts';
import {
  appContextChanged,
  appHomeOpened,
  appMention,
  assistantThreadStarted,
  blockAction,
  CHANNEL,
  directMessage,
  OWNER,
  slashCommand,
} from './payloads.ts';

const HEADLINE = 'Profit leaks: ₹2,940/week across 2 findings';
const DM = 'D0ACX51K95H';
const CHIPS = ['Scan for profit leaks', 'Daily brief', 'Revenue trend', 'Wastage this week'];

describe('ways in', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  it(
    'answers a DM beneath the message (its own thread, as in agent view), with everything',
    CORPUS,
    async () => {
      h = await startHarness();
      const dm = directMessage('scan for profit leaks');
      const { ts } = dm.event as { ts: string };
      await h.postEvent(dm);
      await h.settle();
      expect(h.analyst.requests[0]).toMatchObject({
        audience: 'private',
        threadId: `slack:${DM}:${ts}`,
        userId: OWNER,
      });
      const [placeholder] = h.fake.callsTo('chat.postMessage');
      expect(placeholder!.body.channel).toBe(DM);
      expect(placeholder!.body.thread_ts).toBe(ts);
      expect(JSON.stringify(h.fake.callsTo('chat.update').at(-1)!.body.blocks)).toContain('Ravi');
    },
  );

  it('/titan acks at once, then posts the question and its answer in the channel', CORPUS, async () => {
    h = await startHarness();
    const res = await h.postForm(slashCommand('revenue trend'));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    await h.settle();
    const [placeholder] = h.fake.callsTo('chat.postMessage');
    expect(placeholder!.body).toMatchObject({ channel: CHANNEL, text: 'Working on it…' });
    expect(JSON.stringify(placeholder!.body.blocks)).toContain(`<@${OWNER}> asked: _revenue trend_`);
    const final = h.fake.callsTo('chat.update').at(-1)!;
    expect(final.body.text).toBe(HEADLINE);
    expect(JSON.stringify(final.body.blocks)).toContain('asked: _revenue trend_');
    assertValidBlocks(final.body.blocks);
    const [complete] = h.fake.callsTo('files.completeUploadExternal');
    expect(complete!.body.thread_ts).toBe(final.body.ts);
  });

  it('/titan with no question answers with the prompt buttons', CORPUS, async () => {
    h = await startHarness();
    const res = await h.postForm(slashCommand(''));
    const body = (await res.json()) as { response_type: string; blocks: unknown[] };
    expect(body.response_type).toBe('ephemeral');
    assertValidBlocks(body.blocks);
    for (const chip of CHIPS) expect(JSON.stringify(body.blocks)).toContain(chip);
    expect(h.analyst.requests).toHaveLength(0);
  });

  it(
    '/titan in a channel Titan is not in says how to fix it through the response_url, and logs it',
    CORPUS,
    async () => {
      h = await startHarness();
      h.fake.failNext('chat.postMessage', { error: 'not_in_channel' }, 2);
      await h.postForm(slashCommand('revenue trend', { responseUrl: h.fake.responseUrl }));
      await h.settle();
      const [reply] = h.fake.callsTo('response_url');
      expect(reply!.body).toEqual({
        response_type: 'ephemeral',
        text: 'I am not in that channel. Invite me with `/invite @titan` and ask again.',
      });
      expect(h.logs.join('')).toContain('not_in_channel');
    },
  );

  it(
    'an empty mention gets the suggested prompts as buttons, and a press asks that question in the thread',
    CORPUS,
    async () => {
      h = await startHarness();
      await h.postEvent(appMention(''));
      await h.settle();
      const [buttons] = h.fake.callsTo('chat.postMessage');
      assertValidBlocks(buttons!.body.blocks);
      for (const chip of CHIPS) expect(JSON.stringify(buttons!.body.blocks)).toContain(chip);
      expect(h.analyst.requests).toHaveLength(0);

      await h.postForm(
        blockAction(
          { action_id: 'titan_prompt_2', block_id: 'titan_prompts', value: 'Revenue trend' },
          { messageTs: '1700000000.000001', threadTs: '1595926230.009600' },
        ),
      );
      await h.settle();
      expect(h.analyst.requests[0]).toMatchObject({
        question: 'Revenue trend',
        threadId: `slack:${CHANNEL}:1595926230.009600`,
      });
    },
  );

  it('opening the DM in agent view offers the four chips; the Home tab and a context change post nothing', async () => {
    h = await startHarness();
    expect((await h.postEvent(appHomeOpened('home'))).status).toBe(200);
    expect((await h.postEvent(appContextChanged())).status).toBe(200);
    await h.settle();
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
    await h.postEvent(appHomeOpened('messages', { eventId: 'EvAH2' }));
    await h.settle();
    const [call] = h.fake.callsTo('assistant.threads.setSuggestedPrompts');
    expect(call!.body).toMatchObject({ channel_id: DM });
    expect(call!.body.thread_ts).toBeUndefined();
    expect((call!.body.prompts as { title: string }[]).map((p) => p.title)).toEqual(CHIPS);
  });

  it('an assistant thread starts with the four chips as suggested prompts', async () => {
    h = await startHarness();
    await h.postEvent(assistantThreadStarted());
    await h.settle();
    const [call] = h.fake.callsTo('assistant.threads.setSuggestedPrompts');
    expect(call!.body).toMatchObject({ channel_id: DM, thread_ts: '1768451400.000100' });
    expect((call!.body.prompts as { title: string }[]).map((p) => p.title)).toEqual(CHIPS);
  });

  it(
    'an assistant thread message shows the analyst status natively, then one answer in the thread',
    CORPUS,
    async () => {
      h = await startHarness();
      await h.postEvent(
        directMessage('scan for profit leaks', { threadTs: '1768451400.000100', eventId: 'EvAT1' }),
      );
      await h.settle();
      const statuses = h.fake.callsTo('assistant.threads.setStatus').map((c) => c.body.status);
      expect(statuses).toEqual(['Scanning 45,210 sales lines…', 'Cross-referencing purchases vs inventory…']);
      const posts = h.fake.callsTo('chat.postMessage');
      expect(posts[0]!.body).toMatchObject({ channel: DM, thread_ts: '1768451400.000100', text: HEADLINE });
      expect(h.fake.callsTo('chat.update')).toHaveLength(0);
    },
  );

  it(
    'refuses someone who is not an owner, naming who can grant access, without asking the analyst',
    CORPUS,
    async () => {
      h = await startHarness({ config: { TITAN_OWNERS: 'UOWNER1,UOWNER2', TITAN_MANAGERS: 'UMGR' } });
      await h.postEvent(appMention('scan for profit leaks', { user: 'UMGR' }));
      await h.settle();
      expect(h.analyst.requests).toHaveLength(0);
      const [reply] = h.fake.callsTo('chat.postMessage');
      expect(reply!.body).toMatchObject({
        thread_ts: '1595926230.009600',
        text: "Titan's financial answers are for owners. Ask <@UOWNER1>, <@UOWNER2> to add you to TITAN_OWNERS.",
      });
    },
  );

  it('answers a listed owner without the open-access note', CORPUS, async () => {
    h = await startHarness({ config: { TITAN_OWNERS: OWNER } });
    await h.postEvent(appMention('revenue trend'));
    await h.settle();
    expect(JSON.stringify(h.fake.callsTo('chat.update').at(-1)!.body.blocks)).not.toContain('TITAN_OWNERS');
  });
});
