// Answers are Teams AI messages: the AI-generated label, citations of exactly the sources the answer read, and
// Teams' own 👍/👎 (message/submitAction invokes) stored through the same feedback path as Slack's.
import { afterEach, describe, expect, it } from 'vitest';
import { listFeedback } from '../../../src/core/chat/feedback-list.ts';
import { CORPUS } from '../../helpers/corpora.ts';
import { sampleAnswer } from '../render/sample-answer.ts';
import { type Activity, type Harness, startHarness, USER_AAD } from './harness.ts';

const AI_LABEL = {
  type: 'https://schema.org/Message',
  '@type': 'Message',
  '@context': 'https://schema.org',
  additionalType: ['AIGeneratedContent'],
};

describe('Teams AI answers', CORPUS, () => {
  let h: Harness;
  afterEach(async () => h?.close());

  /** The outbound activity that carried the answer: the one labelled AI-generated (task cards follow it). */
  const answerCall = () => h.messages().find((c) => Array.isArray(c.body.entities))!;

  /** Asks in a 1:1 chat and returns the answer's outbound activity. */
  async function ask(): Promise<Record<string, unknown>> {
    await h.post(h.recorded('dm/teams.json', 'dmMessage'));
    await h.settle();
    return answerCall().body;
  }

  /** Teams' feedback invoke on one message, as the client sends it after a 👍/👎 (and the form, for 👎). */
  const vote = (messageId: string, reaction: 'like' | 'dislike', feedback: string, id: string): Activity =>
    h.recorded('dm/teams.json', 'dmMessage', {
      type: 'invoke',
      name: 'message/submitAction',
      id,
      text: undefined,
      replyToId: messageId,
      value: { actionName: 'feedback', actionValue: { reaction, feedback } },
    });

  const messageIdOf = (): string => {
    const answer = answerCall();
    // A stream's final message takes the stream's id; an edited status card keeps its own.
    return (answer.body.id as string | undefined) ?? answer.activityId ?? answer.createdId!;
  };

  it('labels the answer AI-generated and cites each table it read, with period and last load, no URL', async () => {
    h = await startHarness({ mode: 'app' });
    const body = await ask();
    const entity = (body.entities as Record<string, unknown>[]).find((e) => e['@type'] === 'Message');
    expect(entity).toMatchObject(AI_LABEL);
    // The sample answer read sales (loaded 14 Jan) and inventory (never loaded) over the last 7 days.
    expect(body.text).toBe('Sources: sales [1], inventory [2]');
    expect(entity!.citation).toEqual([
      {
        '@type': 'Claim',
        position: 1,
        appearance: {
          '@type': 'DigitalDocument',
          name: 'sales data, last 7 days',
          abstract: '45,210 sales rows read, 2026-01-08 → 2026-01-14 (last 7 days); last loaded 2026-01-14',
          keywords: ['sales'],
        },
      },
      {
        '@type': 'Claim',
        position: 2,
        appearance: {
          '@type': 'DigitalDocument',
          name: 'inventory data, last 7 days',
          abstract: '812 inventory rows read, 2026-01-08 → 2026-01-14 (last 7 days); never loaded',
          keywords: ['inventory'],
        },
      },
    ]);
    expect(JSON.stringify(entity)).not.toMatch(/https?:\/\/(?!schema\.org)/);
    expect(body.channelData).toMatchObject({ feedbackLoop: { type: 'default' } });
  });

  it('labels an answer that read no rows without citing anything', async () => {
    h = await startHarness({ mode: 'app' });
    h.analyst.answer = () =>
      sampleAnswer({ sources: { ...sampleAnswer().sources, rows: {}, freshness: {} } });
    const body = await ask();
    // No sources line (a stream's final message, built by the SDK, carries it as empty text).
    expect(body.text ?? '').toBe('');
    const entities = body.entities as Record<string, unknown>[];
    expect(entities).toContainEqual(expect.objectContaining(AI_LABEL));
    expect(entities.find((e) => e['@type'] === 'Message')).not.toHaveProperty('citation');
  });

  it('stores a 👍 on the answer it was pressed on, answering the invoke with 200 at once', async () => {
    h = await startHarness({ mode: 'app' });
    await ask();
    const res = await h.post(vote(messageIdOf(), 'like', '{"feedbackText":""}', 'fb-1'));
    expect(res.status).toBe(200);
    await h.settle();
    const [turn] = await h.warehouse.query<{ turn_id: string }>(
      "SELECT turn_id FROM chat_memory WHERE role = 'assistant'",
    );
    const votes = await h.warehouse.query<{ vote: string; user_id: string; turn_id: string; reason: null }>(
      'SELECT vote, user_id, turn_id, reason FROM answer_feedback',
    );
    expect(votes).toEqual([{ vote: 'up', user_id: USER_AAD, turn_id: turn!.turn_id, reason: null }]);
  });

  it.each([
    ['The number for Sunday is wrong', 'wrong_number'],
    ['That answered another question', 'other_question'],
    ['way too slow', 'too_slow'],
    ['Please add a chart by vendor', 'other'],
  ] as const)(
    'reads a 👎 saying "%s" as %s, listed by titan feedback with its question',
    async (said, reason) => {
      h = await startHarness({ mode: 'app' });
      await ask();
      await h.post(vote(messageIdOf(), 'dislike', JSON.stringify({ feedbackText: said }), 'fb-2'));
      await h.settle();
      const [entry] = await listFeedback(h.warehouse);
      expect(entry).toMatchObject({ vote: 'down', reason, question: 'Hey', userId: USER_AAD });
      expect(entry!.figures).toContain('Maida wastage: ₹840');
    },
  );

  it('ignores a vote on a message that is not an answer, and a submitAction that is not feedback', async () => {
    h = await startHarness({ mode: 'app' });
    await ask();
    expect((await h.post(vote('someone-elses-message', 'like', '{}', 'fb-3'))).status).toBe(200);
    const other = vote(messageIdOf(), 'like', '{}', 'fb-4');
    other.value = { actionName: 'somethingElse', actionValue: {} };
    expect((await h.post(other)).status).toBe(200);
    await h.settle();
    expect(await h.warehouse.query('SELECT * FROM answer_feedback')).toEqual([]);
    expect(h.logs.join('')).toContain('teams feedback on a message that is not a stored answer');
  });
});
