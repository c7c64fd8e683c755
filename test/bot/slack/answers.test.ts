// A question in a channel thread: live status in one placeholder, one final answer, chart, task cards, memory, failures.
import { afterEach, describe, expect, it } from 'vitest';
import { listFeedback } from '../../../src/core/chat/feedback-list.ts';
import { TitanError } from '../../../src/core/errors.ts';
import { HIDDEN_MESSAGE } from '../../../src/core/shown-message.ts';
import type { RecordedCall } from '../../fakes/slack.ts';
import { CORPUS } from '../../helpers/corpora.ts';
import { assertValidBlocks } from '../render/block-kit-rules.ts';
import { sampleAnswer } from '../render/sample-answer.ts';
import { type Harness, startHarness } from './harness.ts';
import { appMention, blockAction, CHANNEL, OWNER } from './payloads.ts';

const MENTION_TS = '1595926230.009600';
const HEADLINE = 'Profit leaks: ₹2,940/week across 2 findings';
const has = (c: RecordedCall, text: string) => JSON.stringify(c.body).includes(text);
const rows = <T>(h: Harness, sql: string) => h.warehouse.query<T>(sql);

describe('answering in a channel thread', CORPUS, () => {
  let h: Harness;
  afterEach(async () => h?.close());

  it('posts one placeholder in the thread, edits it with each status line, then replaces it with the answer', async () => {
    h = await startHarness();
    await h.postEvent(appMention('scan for profit leaks'));
    await h.settle();

    const posts = h.fake.callsTo('chat.postMessage');
    const placeholder = posts[0]!;
    expect(placeholder.body).toMatchObject({
      channel: CHANNEL,
      thread_ts: MENTION_TS,
      text: 'Working on it…',
    });
    const updates = h.fake.callsTo('chat.update');
    expect(updates.map((u) => u.body.text)).toEqual([
      'Scanning 45,210 sales lines…',
      'Cross-referencing purchases vs inventory…',
      HEADLINE,
    ]);
    for (const u of updates) expect(u.body.ts).toBe('1700000000.000001');
    const final = updates.at(-1)!;
    assertValidBlocks(final.body.blocks);
    // One final answer: the headline appears in exactly one message, and no other message carries it.
    expect(h.fake.calls.filter((c) => has(c, `*${HEADLINE}*`))).toHaveLength(1);
    expect(posts.filter((p) => has(p, HEADLINE))).toHaveLength(0);
  });

  it('uploads the chart as a PNG into the thread', async () => {
    h = await startHarness();
    await h.postEvent(appMention('scan for profit leaks'));
    await h.settle();
    const [getUrl] = h.fake.callsTo('files.getUploadURLExternal');
    expect(getUrl!.body).toMatchObject({ filename: 'chart.png' });
    const [upload] = h.fake.callsTo('upload');
    expect(upload!.bytes).toBeGreaterThan(1000);
    const [complete] = h.fake.callsTo('files.completeUploadExternal');
    expect(complete!.body).toMatchObject({ channel_id: CHANNEL, thread_ts: MENTION_TS });
    expect(JSON.stringify(complete!.body.files)).toContain('Wastage by item, last 7 days');
  });

  it('posts each task the answer created as a card in the thread, and only new ones', async () => {
    h = await startHarness();
    await h.postEvent(appMention('scan for profit leaks', { eventId: 'Ev1' }));
    await h.settle();
    const cards = h.fake.callsTo('chat.postMessage').filter((c) => has(c, 'titan_task:'));
    expect(cards).toHaveLength(1);
    expect(cards[0]!.body.thread_ts).toBe(MENTION_TS);
    assertValidBlocks(cards[0]!.body.blocks);
    const card = JSON.stringify(cards[0]!.body.blocks);
    for (const id of ['titan_task_ack', 'titan_task_assign', 'titan_task_done']) expect(card).toContain(id);
    const [task] = await h.tasks.list({});
    expect(task!.threadRef).toBe(`slack:${CHANNEL}:${MENTION_TS}`);

    await h.postEvent(
      appMention('scan again', { eventId: 'Ev2', threadTs: MENTION_TS, ts: '1595926299.000100' }),
    );
    await h.settle();
    expect(h.fake.callsTo('chat.postMessage').filter((c) => has(c, 'titan_task:'))).toHaveLength(1);
  });

  it('two questions at once in one thread each post the card of their own task, once, in the answer’s words', async () => {
    h = await startHarness();
    const base = sampleAnswer();
    // Each question's answer has its own finding and task, worded after the question.
    h.analyst.answer = ({ question }) => {
      const action = { ...base.actions[0]!, text: `Check ${question} with the cook` };
      return sampleAnswer({
        headline: `Answer to ${question}`,
        actions: [action],
        tasks: [{ ...base.tasks[0]!, title: action.text, findingKey: `check:${question}` }],
      });
    };
    await Promise.all([
      h.postEvent(
        appMention('maida wastage', { eventId: 'EvC1', threadTs: MENTION_TS, ts: '1595926231.000100' }),
      ),
      h.postEvent(
        appMention('rice wastage', { eventId: 'EvC2', threadTs: MENTION_TS, ts: '1595926232.000100' }),
      ),
    ]);
    await h.settle();
    const cards = h.fake.callsTo('chat.postMessage').filter((c) => has(c, 'titan_task:'));
    expect(cards).toHaveLength(2);
    for (const question of ['maida wastage', 'rice wastage']) {
      expect(cards.filter((c) => has(c, `Check ${question} with the cook`))).toHaveLength(1);
    }
  });

  it('keeps the thread in memory: follow-ups share the thread id and people are told apart', async () => {
    h = await startHarness();
    await h.postEvent(appMention('revenue trend', { eventId: 'EvM1' }));
    await h.postEvent(
      appMention('and last month?', {
        eventId: 'EvM2',
        user: 'W333',
        threadTs: MENTION_TS,
        ts: '1595926300.000100',
      }),
    );
    await h.settle();
    const [first, second] = h.analyst.requests;
    expect(second!.threadId).toBe(first!.threadId);
    expect([first!.userId, second!.userId]).toEqual([OWNER, 'W333']);
    const turns = await rows<{ role: string; user_id: string; text: string }>(
      h,
      'SELECT role, user_id, text FROM chat_memory ORDER BY rowid',
    );
    expect(turns.map((t) => [t.role, t.user_id, t.text])).toEqual([
      ['user', OWNER, 'revenue trend'],
      ['assistant', OWNER, HEADLINE],
      ['user', 'W333', 'and last month?'],
      ['assistant', 'W333', HEADLINE],
    ]);
  });

  it('gives a public channel the public view, and a PRIVATE_OK channel the full one', async () => {
    h = await startHarness();
    await h.postEvent(appMention('scan for profit leaks', { eventId: 'EvP1' }));
    await h.settle();
    expect(h.analyst.requests[0]!.audience).toBe('public');
    expect(JSON.stringify(h.fake.callsTo('chat.update').at(-1)!.body.blocks)).not.toContain('Ravi');

    h.config.PRIVATE_OK_CHANNELS = CHANNEL;
    await h.postEvent(appMention('scan for profit leaks', { eventId: 'EvP2', ts: '1595926400.000100' }));
    await h.settle();
    expect(h.analyst.requests[1]!.audience).toBe('private');
    expect(JSON.stringify(h.fake.callsTo('chat.update').at(-1)!.body.blocks)).toContain('Ravi');
  });

  it('notes under the answer that everyone counts as owner while TITAN_OWNERS is empty', async () => {
    h = await startHarness();
    await h.postEvent(appMention('revenue trend'));
    await h.settle();
    expect(JSON.stringify(h.fake.callsTo('chat.update').at(-1)!.body.blocks)).toContain(
      'TITAN_OWNERS is set',
    );
  });

  it("stores a press of Slack's feedback buttons with the answer, and still counts the old 👍/👎 buttons", async () => {
    h = await startHarness();
    await h.postEvent(appMention('revenue trend'));
    await h.settle();
    const [turn] = await rows<{ turn_id: string }>(
      h,
      "SELECT turn_id FROM chat_memory WHERE role = 'assistant'",
    );
    const feedback = (
      h.fake.callsTo('chat.update').at(-1)!.body.blocks as {
        block_id?: string;
        elements?: { negative_button: { value: string } }[];
      }[]
    ).find((b) => b.block_id === 'titan_feedback')!;
    const at = { messageTs: '1700000000.000001', threadTs: MENTION_TS };
    await h.postForm(
      blockAction(
        {
          action_id: 'titan_feedback',
          block_id: 'titan_feedback',
          value: feedback.elements![0]!.negative_button.value,
        },
        at,
      ),
    );
    const legacyRef = JSON.stringify({ turn: turn!.turn_id, thread: `slack:${CHANNEL}:${MENTION_TS}` });
    await h.postForm(
      blockAction({ action_id: 'titan_feedback_up', block_id: 'titan_feedback', value: legacyRef }, at),
    );
    await h.postForm(
      blockAction({ action_id: 'titan_feedback', block_id: 'titan_feedback', value: 'up {}' }, at),
    );
    await h.settle();
    const votes = await rows<{ turn_id: string; vote: string; user_id: string }>(
      h,
      'SELECT turn_id, vote, user_id FROM answer_feedback ORDER BY created_at, vote',
    );
    expect(votes).toEqual([
      { turn_id: turn!.turn_id, vote: 'down', user_id: OWNER },
      { turn_id: turn!.turn_id, vote: 'up', user_id: OWNER },
    ]);
  });

  it('asks a 👎 what was wrong, and stores the reason with the question and the figures', async () => {
    h = await startHarness();
    await h.postEvent(appMention('revenue trend'));
    await h.settle();
    const feedback = (
      h.fake.callsTo('chat.update').at(-1)!.body.blocks as {
        block_id?: string;
        elements?: { negative_button: { value: string } }[];
      }[]
    ).find((b) => b.block_id === 'titan_feedback')!;
    const at = { messageTs: '1700000000.000001', threadTs: MENTION_TS };
    const down = feedback.elements![0]!.negative_button.value;
    await h.postForm(
      blockAction({ action_id: 'titan_feedback', block_id: 'titan_feedback', value: down }, at),
    );
    await h.settle();
    const [asked] = h.fake.callsTo('chat.postEphemeral');
    expect(asked!.body).toMatchObject({ channel: CHANNEL, user: OWNER, thread_ts: MENTION_TS });
    assertValidBlocks(asked!.body.blocks);
    const buttons = (
      asked!.body.blocks as { elements?: { text: { text: string }; value: string; action_id: string }[] }[]
    )
      .flatMap((b) => b.elements ?? [])
      .filter((e) => e.action_id?.startsWith('titan_feedback_reason_'));
    expect(buttons.map((b) => b.text.text)).toEqual([
      'Wrong number',
      'Answered another question',
      'Too slow',
      'Something else',
    ]);
    await h.postForm(
      blockAction(
        { action_id: buttons[0]!.action_id, block_id: 'titan_feedback_reason', value: buttons[0]!.value },
        at,
      ),
    );
    await h.settle();
    const [latest] = await listFeedback(h.warehouse);
    expect(latest).toMatchObject({
      vote: 'down',
      reason: 'wrong_number',
      userId: OWNER,
      question: 'revenue trend',
    });
    expect(latest!.figures.length).toBeGreaterThan(0);
    expect(h.fake.callsTo('chat.postEphemeral').at(-1)!.body.text).toBe('Noted: wrong number. Thank you.');
  });
});

describe('failures are visible', CORPUS, () => {
  let h: Harness;
  afterEach(async () => h?.close());

  it('an analyst error replaces the placeholder with a short message and a log line', async () => {
    h = await startHarness();
    h.analyst.answer = () => {
      throw new TitanError('warehouse.unavailable', 'The warehouse is busy. Try again shortly.');
    };
    await h.postEvent(appMention('revenue trend'));
    await h.settle();
    const last = h.fake.callsTo('chat.update').at(-1)!;
    expect(last.body.text).toBe('I could not answer that: The warehouse is busy. Try again shortly.');
    expect(h.logs.join('')).toContain('slack answer failed');
  });

  it('a fault of ours says so without its internals, which go to the log', async () => {
    h = await startHarness();
    h.analyst.answer = () => {
      throw new Error('SQLITE_CORRUPT: database disk image is malformed (/srv/titan/data/titan.db)');
    };
    await h.postEvent(appMention('revenue trend'));
    await h.settle();
    const last = h.fake.callsTo('chat.update').at(-1)!;
    expect(last.body.text).toBe(`I could not answer that: ${HIDDEN_MESSAGE}`);
    expect(JSON.stringify(h.fake.calls)).not.toContain('titan.db');
    expect(h.logs.join('')).toContain('SQLITE_CORRUPT');
  });

  it('a timeout says so in the thread', async () => {
    h = await startHarness({ answerTimeoutMs: 50 });
    h.analyst.answer = () => new Promise(() => {});
    await h.postEvent(appMention('revenue trend'));
    await h.settle();
    expect(h.fake.callsTo('chat.update').at(-1)!.body.text).toMatch(
      /^No answer after 1 s, so I stopped\. Try a narrower/,
    );
  });

  it('a rate-limited post is retried after Retry-After and the answer still arrives once', async () => {
    h = await startHarness();
    h.fake.failNext('chat.update', { rateLimitedSeconds: 1 });
    h.analyst.statuses = [];
    await h.postEvent(appMention('revenue trend'));
    await h.settle();
    const updates = h.fake.callsTo('chat.update');
    expect(updates).toHaveLength(2);
    expect(updates.map((u) => u.body.text)).toEqual([HEADLINE, HEADLINE]);
    expect(h.logs.join('')).toContain('rate limiting');
  });

  it('when Titan is not in the channel, the failure is logged', async () => {
    h = await startHarness();
    h.fake.failNext('chat.postMessage', { error: 'not_in_channel' }, 2);
    await h.postEvent(appMention('revenue trend'));
    await h.settle();
    expect(h.analyst.requests).toHaveLength(0);
    const log = h.logs.join('');
    expect(log).toContain('not_in_channel');
    expect(log).not.toContain('xoxb-test-token');
  });
});
