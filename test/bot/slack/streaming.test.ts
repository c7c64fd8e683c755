// Where Slack streams: the steps as task_update chunks, the thread status in the channel, the answer's markdown,
// then stopStream with its closing blocks — one answer per question, whether the stream holds, breaks or is refused.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { STATUS_REFRESH_MS } from '../../../src/bot/slack/answer-stream.ts';
import { TitanError } from '../../../src/core/errors.ts';
import type { RecordedCall } from '../../fakes/slack.ts';
import { CORPUS } from '../../helpers/corpora.ts';
import { assertValidBlocks } from '../render/block-kit-rules.ts';
import { type Harness, startHarness } from './harness.ts';
import { appMention, CHANNEL, OWNER, TEAM } from './payloads.ts';

const MENTION_TS = '1595926230.009600';
const HEADLINE = 'Profit leaks: ₹2,940/week across 2 findings';
const STEPS = ['Scanning 45,210 sales lines…', 'Cross-referencing purchases vs inventory…'];

type Chunk = { type: string; id?: string; title?: string; status?: string; text?: string };
const chunksOf = (calls: RecordedCall[]): Chunk[] => calls.flatMap((c) => (c.body.chunks as Chunk[]) ?? []);
const markdownOf = (calls: RecordedCall[]): string =>
  calls
    .flatMap((c) => [
      ...chunksOf([c]).flatMap((k) => (k.type === 'markdown_text' ? [k.text!] : [])),
      ...(typeof c.body.markdown_text === 'string' ? [c.body.markdown_text] : []),
    ])
    .join('');
const streamCalls = (h: Harness) =>
  h.fake.calls.filter((c) => ['chat.startStream', 'chat.appendStream', 'chat.stopStream'].includes(c.method));

describe('streamed answers', CORPUS, () => {
  let h: Harness;
  afterEach(async () => h?.close());

  it('streams the steps Titan runs, then the answer, and closes with the table and feedback', async () => {
    h = await startHarness({ fake: { streaming: true } });
    await h.postEvent(appMention('scan for profit leaks'));
    await h.settle();

    const [start] = h.fake.callsTo('chat.startStream');
    expect(start!.body).toMatchObject({
      channel: CHANNEL,
      thread_ts: MENTION_TS,
      recipient_user_id: OWNER,
      recipient_team_id: TEAM,
      task_display_mode: 'timeline',
    });
    const steps = chunksOf(streamCalls(h)).filter((k) => k.type === 'task_update');
    const titles = [...new Set(steps.map((k) => k.title))];
    expect(titles).toEqual(['Reading your question', ...STEPS]);
    // Every step ends complete, the last one when the stream stops.
    for (const title of titles)
      expect(steps.filter((k) => k.title === title).at(-1)!.status).toBe('complete');

    const markdown = markdownOf(streamCalls(h));
    expect(markdown).toContain(`**${HEADLINE}**`);
    expect(markdown).toContain('Root cause:');
    const [stop] = h.fake.callsTo('chat.stopStream');
    assertValidBlocks(stop!.body.blocks);
    const closing = JSON.stringify(stop!.body.blocks);
    expect(closing).toContain('"type":"table"');
    expect(closing).toContain('feedback_buttons');
    expect(closing).toContain('How this was found');

    // The thread's status line shows each step in the channel, and is cleared once the answer lands.
    const statuses = h.fake.callsTo('assistant.threads.setStatus');
    expect(statuses.map((c) => c.body.status)).toEqual([...STEPS, '']);
    for (const c of statuses) expect(c.body).toMatchObject({ channel_id: CHANNEL, thread_ts: MENTION_TS });

    // One answer: no placeholder, no edited message, nothing else carrying the headline.
    expect(h.fake.callsTo('chat.update')).toHaveLength(0);
    const posted = h.fake
      .callsTo('chat.postMessage')
      .filter((c) => JSON.stringify(c.body).includes(HEADLINE));
    expect(posted).toHaveLength(0);
  });

  it('a long scan keeps its status line: re-sent every 90 s (Slack drops it after two minutes), then cleared', async () => {
    // Only the refresh interval is faked: HTTP to the fake and the harness's waits keep real time.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      h = await startHarness({ fake: { streaming: true } });
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const answer = h.analyst.answer;
      h.analyst.answer = async (request) => {
        await held;
        return answer(request);
      };
      const statuses = () => h.fake.callsTo('assistant.threads.setStatus').map((c) => c.body.status);
      const until = async (done: () => boolean) => {
        for (let i = 0; i < 200 && !done(); i += 1) await new Promise((r) => setTimeout(r, 10));
      };
      await h.postEvent(appMention('scan for profit leaks'));
      await until(() => statuses().length === STEPS.length);
      expect(statuses()).toEqual(STEPS);

      for (const refreshes of [1, 2]) {
        await vi.advanceTimersByTimeAsync(STATUS_REFRESH_MS);
        await until(() => statuses().length === STEPS.length + refreshes);
      }
      expect(statuses()).toEqual([...STEPS, STEPS[1], STEPS[1]]);

      release();
      await h.settle();
      expect(statuses()).toEqual([...STEPS, STEPS[1], STEPS[1], '']);
      // Once the answer is in, the refresh has stopped.
      await vi.advanceTimersByTimeAsync(STATUS_REFRESH_MS * 2);
      await new Promise((r) => setTimeout(r, 50));
      expect(statuses()).toHaveLength(STEPS.length + 3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a stream that breaks at the end is replaced by the whole answer, once', async () => {
    h = await startHarness({ fake: { streaming: true } });
    h.fake.failNext('chat.stopStream', { error: 'internal_error' });
    await h.postEvent(appMention('scan for profit leaks'));
    await h.settle();
    const [start] = h.fake.callsTo('chat.startStream');
    const updates = h.fake.callsTo('chat.update');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.body).toMatchObject({ channel: CHANNEL, ts: start!.response!.ts, text: HEADLINE });
    assertValidBlocks(updates[0]!.body.blocks);
    expect(
      h.fake.callsTo('chat.postMessage').filter((c) => JSON.stringify(c.body).includes(HEADLINE)),
    ).toEqual([]);
  });

  it('a workspace that refuses streaming gets the placeholder, edited into the one answer', async () => {
    h = await startHarness();
    await h.postEvent(appMention('scan for profit leaks'));
    await h.settle();
    expect(h.fake.callsTo('chat.startStream')).toHaveLength(1);
    expect(h.fake.callsTo('chat.appendStream')).toHaveLength(0);
    expect(h.fake.callsTo('chat.postMessage')[0]!.body).toMatchObject({ text: 'Working on it…' });
    expect(h.fake.callsTo('chat.update').at(-1)!.body.text).toBe(HEADLINE);
  });

  it('an analyst failure ends the stream with what went wrong, not a second message', async () => {
    h = await startHarness({ fake: { streaming: true } });
    h.analyst.answer = () => {
      throw new TitanError('warehouse.unavailable', 'The warehouse is not reachable.');
    };
    await h.postEvent(appMention('scan for profit leaks'));
    await h.settle();
    const [stop] = h.fake.callsTo('chat.stopStream');
    expect(markdownOf(streamCalls(h))).toMatch(/warehouse/i);
    expect(stop!.body.blocks ?? []).toEqual([]);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(h.fake.callsTo('chat.update')).toHaveLength(0);
  });
});
