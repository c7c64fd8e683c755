// Streaming in Teams 1:1 chats (the SDK's HttpStream on the wire): informative updates with the live steps, then the
// answer as the stream's final message; one stream per chat; status card in group chats, channels, and when Teams
// refuses; a stream the user stops or Teams times out still ends with the answer, once.
import { afterEach, describe, expect, it } from 'vitest';
import { ACTIVITY_BYTES_LIMIT } from '../../../src/bot/render/adaptive-answer.ts';
import { INFORMATIVE_LIMIT } from '../../../src/bot/teams/answer-stream.ts';
import type { ConnectorCall, Refusal } from '../../fakes/bot-connector.ts';
import { CORPUS } from '../../helpers/corpora.ts';
import { citedYearAnswer } from '../render/largest-answer.ts';
import { sampleAnswer } from '../render/sample-answer.ts';
import { cardsOf, cardTexts, type Harness, startHarness } from './harness.ts';
import { ADAPTIVE_CARD_SCHEMA, schemaValidator } from './json-schemas.ts';

const validate = schemaValidator(ADAPTIVE_CARD_SCHEMA);
const HEADLINE = 'Profit leaks: ₹2,940/week across 2 findings';

interface StreamFields {
  streamType?: string;
  streamSequence?: number;
  streamId?: string;
}
const streamOf = (c: ConnectorCall): StreamFields => (c.body.channelData ?? {}) as StreamFields;
const streamed = (calls: ConnectorCall[]) => calls.filter((c) => streamOf(c).streamType !== undefined);
const informative = (calls: ConnectorCall[]) =>
  calls.filter((c) => c.body.type === 'typing' && streamOf(c).streamType === 'informative');
const answersIn = (calls: ConnectorCall[]) =>
  calls.filter((c) => c.body.type === 'message' && cardsOf(c).some((k) => cardTexts(k)[0] === HEADLINE));
/** Teams' documented refusals of a streaming request (403 ContentStreamNotAllowed). */
const teamsSays = (message: string): Refusal => ({ status: 403, code: 'ContentStreamNotAllowed', message });
/** Refuses every streaming request after the first, which opened the stream. */
const afterOpening =
  (refusal: Refusal) =>
  (call: ConnectorCall): Refusal | undefined =>
    streamOf(call).streamType && call.body.id ? refusal : undefined;

describe('Teams streaming', CORPUS, () => {
  let h: Harness;
  afterEach(async () => h?.close());

  it('streams the live steps in a 1:1 chat, then the answer replaces them as the final message', async () => {
    h = await startHarness({ mode: 'app' });
    await h.post(h.recorded('dm/teams.json', 'dmMessage'));
    await h.settle();

    const updates = informative(h.fake.calls);
    const [first, ...later] = updates;
    // The first update opens the stream: no id yet, sequence 1; Teams' reply names the stream.
    expect(first!.body).not.toHaveProperty('id');
    expect(streamOf(first!)).toEqual({ streamType: 'informative', streamSequence: 1 });
    expect(first!.body.text).toBe('⏳ Working on it…');
    const streamId = first!.createdId!;
    // Later updates carry the stream's id, numbered on; lines arriving during one in flight share the next.
    expect(later.length).toBeGreaterThan(0);
    expect(later.map((c) => [c.body.id, streamOf(c).streamId, streamOf(c).streamSequence])).toEqual(
      later.map((_, i) => [streamId, streamId, i + 2]),
    );
    expect(later[0]!.body.text).toMatch(/^✓ Working on it…\n(✓ Scanning 45,210 sales lines…\n)?⏳ /);
    expect([
      '✓ Working on it…\n⏳ Scanning 45,210 sales lines…',
      '✓ Working on it…\n✓ Scanning 45,210 sales lines…\n⏳ Cross-referencing purchases vs inventory…',
    ]).toEqual(expect.arrayContaining(later.map((c) => c.body.text)));
    for (const u of updates) expect(u.body.entities).toEqual([{ type: 'streaminfo', ...streamOf(u) }]);

    // The answer's text (its sources line) streams, then the answer is the stream's final message: same id, marked
    // final (HttpStream numbers it 1), with the card, AI label and Teams' feedback.
    const text = streamed(h.fake.calls).filter((c) => streamOf(c).streamType === 'streaming');
    expect(text.map((c) => [c.body.type, c.body.id, c.body.text])).toEqual([
      ['typing', streamId, 'Sources: sales [1], inventory [2]'],
    ]);
    const final = h.messages().find((c) => streamOf(c).streamType === 'final')!;
    expect(final.body.id).toBe(streamId);
    expect(final.body.text).toBe('Sources: sales [1], inventory [2]');
    expect(final.body.channelData).toEqual({
      streamType: 'final',
      streamId,
      streamSequence: 1,
      feedbackLoop: { type: 'default' },
    });
    expect(final.body.entities).toContainEqual({
      type: 'streaminfo',
      streamId,
      streamType: 'final',
      streamSequence: 1,
    });
    expect(final.body.entities).toContainEqual(
      expect.objectContaining({ type: 'https://schema.org/Message', additionalType: ['AIGeneratedContent'] }),
    );
    const card = cardsOf(final)[0]!;
    expect(cardTexts(card)[0]).toBe(HEADLINE);
    expect(validate(card)).toEqual([]);
    // No status card, no edits: the stream is the only display, and the answer is posted once.
    expect(h.fake.calls.filter((c) => c.method === 'PUT')).toEqual([]);
    expect(answersIn(h.fake.calls)).toHaveLength(1);
  });

  it('keeps every update within 1,000 characters and every message on the wire within the activity limit on the largest, most-cited answer', async () => {
    h = await startHarness({ mode: 'app' });
    const step = (i: number) =>
      `Scanning ${i} of 40: ${'Sri Lakshmi Venkateshwara Wholesale Provisions '.repeat(3)}`;
    h.analyst.statuses = Array.from({ length: 40 }, (_, i) => step(i + 1));
    h.analyst.answer = () => citedYearAnswer();
    await h.post(h.recorded('dm/teams.json', 'dmMessage'));
    await h.settle();
    const updates = informative(h.fake.calls);
    expect(updates.length).toBeGreaterThan(1);
    for (const u of updates) expect(String(u.body.text).length).toBeLessThanOrEqual(INFORMATIVE_LIMIT);
    // The newest step is shown in progress; the oldest gave way.
    const last = String(updates.at(-1)!.body.text).split('\n');
    expect(last.at(-1)).toMatch(/^⏳ Scanning \d+ of 40: /);
    expect(last[0]).not.toBe('✓ Working on it…');
    for (const m of h.messages())
      expect(Buffer.byteLength(JSON.stringify(m.body))).toBeLessThanOrEqual(ACTIVITY_BYTES_LIMIT);
    expect(h.messages().filter((c) => streamOf(c).streamType === 'final')).toHaveLength(1);
  });

  it('keeps the final message on the wire within the activity limit with the largest chart the card takes', async () => {
    // A chart renderer whose PNG is `size` bytes at full scale; a short answer citing every table, so the chart
    // has most of the card to itself.
    let size = 0;
    h = await startHarness({
      mode: 'app',
      renderChart: async (_chart, scale) => Buffer.alloc(Math.round(size * scale)),
    });
    h.analyst.answer = () => ({ ...sampleAnswer(), sources: citedYearAnswer().sources });
    const fullScale = (bytes: number) => 'data:image/png;base64,'.length + Math.ceil(bytes / 3) * 4;
    // Halving toward the largest chart drawn at full scale, every final message measured as sent.
    let [drawn, refused] = [0, 32 * 1024];
    const finals: ConnectorCall[] = [];
    while (refused - drawn > 48) {
      size = Math.floor((drawn + refused) / 2);
      await h.post(h.recorded('dm/teams.json', 'dmMessage', { id: `q-${size}` }));
      await h.settle();
      const final = h
        .messages()
        .filter((c) => streamOf(c).streamType === 'final')
        .at(-1)!;
      finals.push(final);
      const image = cardsOf(final)[0]!.body.find((e) => e.type === 'Image');
      if (image?.url.length === fullScale(size)) drawn = size;
      else refused = size;
    }
    expect(drawn).toBeGreaterThan(8 * 1024);
    expect(new Set(finals.map((f) => f.body.id)).size).toBe(finals.length);
    for (const f of finals)
      expect(Buffer.byteLength(JSON.stringify(f.body))).toBeLessThanOrEqual(ACTIVITY_BYTES_LIMIT);
  });

  it('paces updates to the gap Teams allows: steps arriving within it share the next update', async () => {
    h = await startHarness({ mode: 'app', streamGapMs: 250 });
    h.analyst.statuses = ['Step one…', 'Step two…', 'Step three…'];
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const normal = h.analyst.answer;
    h.analyst.answer = async (request) => {
      await held;
      return normal(request);
    };
    const asked = performance.now();
    await h.post(h.recorded('dm/teams.json', 'dmMessage'));
    await h.fake.waitFor((calls) => informative(calls).length === 2);
    expect(performance.now() - asked).toBeGreaterThanOrEqual(240);
    expect(informative(h.fake.calls)[1]!.body.text).toBe(
      '✓ Working on it…\n✓ Step one…\n✓ Step two…\n⏳ Step three…',
    );
    release();
    await h.settle();
    expect(h.messages().filter((c) => streamOf(c).streamType === 'final')).toHaveLength(1);
  });

  it('never holds a ready answer back for an update still waiting for its gap', async () => {
    h = await startHarness({ mode: 'app', streamGapMs: 5_000 });
    const asked = performance.now();
    await h.post(h.recorded('dm/teams.json', 'dmMessage'));
    await h.settle();
    expect(performance.now() - asked).toBeLessThan(2_000);
    expect(informative(h.fake.calls)).toHaveLength(1);
    expect(h.messages().filter((c) => streamOf(c).streamType === 'final')).toHaveLength(1);
  });

  it('answers on a status card when Teams refuses the stream, once', async () => {
    h = await startHarness({ mode: 'app' });
    h.fake.refuse = (call) =>
      streamOf(call).streamType ? teamsSays('Content stream is not allowed') : undefined;
    const asked = performance.now();
    await h.post(h.recorded('dm/teams.json', 'dmMessage'));
    await h.settle();
    // Not retried, and no waiting for a stream that never opened.
    expect(h.fake.calls.filter((c) => c.refusedWith === 403)).toHaveLength(1);
    expect(performance.now() - asked).toBeLessThan(2_000);
    const status = h.messages().find((c) => c.method === 'POST')!;
    expect(cardTexts(cardsOf(status)[0]!)).toEqual(['⏳ Working on it…']);
    const answer = h.fake.calls.filter((c) => c.method === 'PUT').at(-1)!;
    expect(answer.activityId).toBe(status.createdId);
    expect(cardTexts(cardsOf(answer)[0]!)[0]).toBe(HEADLINE);
    expect(answersIn(h.fake.calls)).toHaveLength(1);
  });

  it('posts the answer on its own, once, when the user stops the stream', async () => {
    h = await startHarness({ mode: 'app' });
    h.fake.refuse = afterOpening(teamsSays('Content stream was cancelled by user.'));
    await h.post(h.recorded('dm/teams.json', 'dmMessage'));
    await h.settle();
    // Stopped streams take nothing more: one refused update, no final message, the answer a message of its own.
    expect(h.fake.calls.filter((c) => c.refusedWith)).toHaveLength(1);
    const [answer, ...again] = answersIn(h.fake.calls);
    expect(again).toEqual([]);
    expect(answer!.method).toBe('POST');
    expect(answer!.body).not.toHaveProperty('id');
    expect(answer!.body.channelData).toEqual({ feedbackLoop: { type: 'default' } });
  });

  it("shows the answer once when Teams took the stream's final message but its reply was lost", async () => {
    h = await startHarness({ mode: 'app' });
    h.fake.hangUp = (call) => streamOf(call).streamType === 'final';
    await h.post(h.recorded('dm/teams.json', 'dmMessage'));
    await h.settle();
    const streamId = informative(h.fake.calls)[0]!.createdId!;
    // HttpStream retried the final message; Teams refused the retry as one to a completed stream.
    const retries = h.fake.calls.filter((c) => c.refusedWith === 403);
    expect(retries.map((c) => [streamOf(c).streamType, c.body.id])).toEqual([['final', streamId]]);
    // The final message Teams took is the answer; nothing posts it a second time.
    const [answer, ...again] = answersIn(h.fake.calls.filter((c) => !c.refusedWith));
    expect(again).toEqual([]);
    expect([answer!.body.id, streamOf(answer!).streamType]).toEqual([streamId, 'final']);
    expect(h.messages().filter((c) => String(c.body.text).startsWith('I could not answer'))).toEqual([]);
  });

  it('posts the answer on its own, once, when Teams turns the final message down', async () => {
    h = await startHarness({ mode: 'app' });
    h.fake.refuse = (call) =>
      streamOf(call).streamType === 'final' ? teamsSays('Content stream is not allowed') : undefined;
    await h.post(h.recorded('dm/teams.json', 'dmMessage'));
    await h.settle();
    expect(h.fake.calls.filter((c) => c.refusedWith)).toHaveLength(1);
    const [answer, ...again] = answersIn(h.fake.calls.filter((c) => !c.refusedWith));
    expect(again).toEqual([]);
    expect([answer!.method, streamOf(answer!).streamType]).toEqual(['POST', undefined]);
  });

  it("edits the answer into the stream's message, once, when Teams times the stream out", async () => {
    h = await startHarness({ mode: 'app' });
    h.fake.refuse = afterOpening(teamsSays('Content stream finished due to exceeded streaming time.'));
    await h.post(h.recorded('dm/teams.json', 'dmMessage'));
    await h.settle();
    const streamId = informative(h.fake.calls)[0]!.createdId!;
    // HttpStream stops streaming at the first refusal and replaces the stream's message with the answer.
    expect(h.fake.calls.filter((c) => c.refusedWith)).toHaveLength(1);
    const [answer, ...again] = answersIn(h.fake.calls);
    expect(again).toEqual([]);
    expect([answer!.method, answer!.activityId]).toEqual(['PUT', streamId]);
    expect(answer!.body.entities).toEqual([
      expect.objectContaining({ type: 'https://schema.org/Message', additionalType: ['AIGeneratedContent'] }),
    ]);
  });

  it('streams one answer per chat at a time: a question asked meanwhile is answered on a status card', async () => {
    h = await startHarness({ mode: 'app' });
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const normal = h.analyst.answer;
    h.analyst.answer = async (request) => {
      await held;
      return normal(request);
    };
    await h.post(h.recorded('dm/teams.json', 'dmMessage', { id: 'q-1' }));
    await h.post(h.recorded('dm/teams.json', 'dmMessage', { id: 'q-2' }));
    await h.fake.waitFor(
      (calls) => informative(calls).length > 0 && calls.some((c) => cardsOf(c).length > 0),
    );
    release();
    await h.settle();
    expect(new Set(streamed(h.fake.calls).map((c) => streamOf(c).streamId ?? c.createdId)).size).toBe(1);
    const answers = answersIn(h.fake.calls);
    expect(answers.map((c) => (streamOf(c).streamType === 'final' ? 'stream' : c.method))).toEqual(
      expect.arrayContaining(['stream', 'PUT']),
    );
    expect(answers).toHaveLength(2);
  });

  it('does not stream in a group chat: typing, then the status card', async () => {
    h = await startHarness({ mode: 'app' });
    const group = h.recorded('dm/teams.json', 'dmMessage', {
      conversation: { conversationType: 'groupChat', isGroup: true, id: '19:group-chat-1@thread.v2' },
    });
    await h.post(group);
    await h.settle();
    expect(streamed(h.fake.calls)).toEqual([]);
    expect(h.fake.calls[0]!.body).toMatchObject({ type: 'typing' });
    expect(cardTexts(cardsOf(h.fake.calls.filter((c) => c.method === 'PUT').at(-1)!)[0]!)[0]).toBe(HEADLINE);
  });
});
