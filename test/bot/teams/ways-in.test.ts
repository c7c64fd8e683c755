// Ways in: @Titan in a channel (answered in its thread), 1:1 and group chats, the welcome on install, quick prompts,
// live status and one final answer card, access, feedback. Activities are the recorded Teams payloads.
import { afterEach, describe, expect, it } from 'vitest';
import { encodeFeedbackRef } from '../../../src/bot/feedback-ref.ts';
import { FEEDBACK_VERB } from '../../../src/bot/render/adaptive-card.ts';
import { TitanError } from '../../../src/core/errors.ts';
import { HIDDEN_MESSAGE } from '../../../src/core/shown-message.ts';
import { CORPUS } from '../../helpers/corpora.ts';
import { BOT_ID, cardsOf, cardTexts, finalCall, type Harness, startHarness, USER_AAD } from './harness.ts';
import { ADAPTIVE_CARD_SCHEMA, schemaValidator } from './json-schemas.ts';

const validate = schemaValidator(ADAPTIVE_CARD_SCHEMA);
const HEADLINE = 'Profit leaks: ₹2,940/week across 2 findings';
const CHANNEL_THREAD = '19:d441d38c655c47a085215b2726e76927@thread.tacv2;messageid=1771290107407';
const USER_ID = '29:1xXxFakeUserBase64IdStringForTeamsPlatformAbcDeFgHiJkLmNoPqRsTuVwXyZ012345ABCDEF';

describe('Teams ways in', CORPUS, () => {
  let h: Harness;
  afterEach(async () => h?.close());

  it('answers @Titan in a channel in its thread: typing, a status card edited in place, then one answer card', async () => {
    h = await startHarness({ mode: 'app' });
    expect((await h.post(h.recorded('channel/teams.json', 'mention'))).status).toBe(200);
    await h.settle();

    expect(h.analyst.requests).toEqual([
      expect.objectContaining({ question: 'Hey', audience: 'public', threadId: `teams:${CHANNEL_THREAD}` }),
    ]);
    const calls = h.fake.calls;
    expect(calls.every((c) => c.conversationId === CHANNEL_THREAD)).toBe(true);
    expect(calls.every((c) => (c.body.from as { id: string }).id === BOT_ID)).toBe(true);
    expect(calls[0]!.body.type).toBe('typing');

    const status = calls[1]!;
    expect(status.method).toBe('POST');
    expect(cardTexts(cardsOf(status)[0]!)).toEqual(['⏳ Working on it…']);
    const edits = calls.filter((c) => c.method === 'PUT');
    expect(edits.every((c) => c.activityId === status.createdId)).toBe(true);
    expect(cardTexts(cardsOf(edits[0]!)[0]!)).toEqual(['⏳ Scanning 45,210 sales lines…']);

    // The last edit is the answer; no other message carries it.
    const answer = cardsOf(edits.at(-1)!)[0]!;
    expect(cardTexts(answer)[0]).toBe(HEADLINE);
    expect(validate(answer)).toEqual([]);
    expect(calls.filter((c) => cardsOf(c).some((card) => cardTexts(card)[0] === HEADLINE))).toHaveLength(1);
    expect(cardTexts(answer).join('\n')).not.toContain('Ravi');
    expect(answer.body.some((e) => e.type === 'Image' && e.url.startsWith('data:image/png;base64,'))).toBe(
      true,
    );
    expect(Buffer.byteLength(JSON.stringify(edits.at(-1)!.body))).toBeLessThan(28_000);
    // Teams' own feedback buttons, not hand-made ones on the card.
    expect(edits.at(-1)!.body.channelData).toMatchObject({ feedbackLoop: { type: 'default' } });
    expect(answer.actions).toBeUndefined();
  });

  it('answers a 1:1 chat in the chat, with the staff-level detail a private conversation may see', async () => {
    h = await startHarness({ mode: 'app' });
    const dm = h.recorded('dm/teams.json', 'dmMessage');
    await h.post(dm);
    await h.settle();
    const conversationId = (dm.conversation as { id: string }).id;
    expect(h.analyst.requests[0]).toMatchObject({ question: 'Hey', audience: 'private', userId: USER_AAD });
    expect(h.fake.calls.every((c) => c.conversationId === conversationId)).toBe(true);
    const answer = cardsOf(finalCall(h.fake.calls))[0]!;
    expect(cardTexts(answer)).toContain('2. Ravi comped 14 bills (₹2,100) (₹2,100/week)');
  });

  it('answers @Titan in a group chat, with other people’s mentions kept as names', async () => {
    h = await startHarness({ mode: 'app' });
    const group = h.recorded('dm/teams.json', 'dmMessage', {
      text: '<at>Chat SDK Demo</at> how did <at>Ravi</at> do on comps?',
      conversation: { conversationType: 'groupChat', isGroup: true, id: '19:group-chat-1@thread.v2' },
      entities: [
        { type: 'mention', text: '<at>Chat SDK Demo</at>', mentioned: { id: BOT_ID, name: 'Chat SDK Demo' } },
        { type: 'mention', text: '<at>Ravi</at>', mentioned: { id: '29:ravi', name: 'Ravi' } },
      ],
    });
    await h.post(group);
    await h.settle();
    expect(h.analyst.requests[0]).toMatchObject({
      question: 'how did Ravi do on comps?',
      audience: 'public',
    });
    expect(h.fake.calls.every((c) => c.conversationId === '19:group-chat-1@thread.v2')).toBe(true);
  });

  it('replies in the thread of an older channel payload without conversationType', async () => {
    h = await startHarness({ mode: 'app' });
    await h.post(h.recorded('teams.json', 'mention'));
    await h.settle();
    expect(h.fake.calls.map((c) => c.conversationId)).toContain(
      '19:d441d38c655c47a085215b2726e76927@thread.tacv2;messageid=1767224924615',
    );
    expect(h.analyst.requests[0]).toMatchObject({ question: 'Hey', audience: 'public' });
  });

  it('welcomes on install with the quick prompts as card buttons and, in a 1:1 chat, suggested actions', async () => {
    h = await startHarness({ mode: 'app' });
    const dm = h.recorded('dm/teams.json', 'dmMessage');
    const install = {
      type: 'conversationUpdate',
      id: 'install-1',
      channelId: 'msteams',
      serviceUrl: dm.serviceUrl,
      from: dm.from,
      recipient: dm.recipient,
      conversation: dm.conversation,
      membersAdded: [{ id: BOT_ID }],
      channelData: dm.channelData,
    };
    expect((await h.post(install)).status).toBe(200);
    await h.settle();
    const [welcome] = h.messages();
    const card = cardsOf(welcome!)[0]!;
    expect(validate(card)).toEqual([]);
    expect(card.actions?.map((a) => a.title)).toEqual([
      'Scan for profit leaks',
      'Daily brief',
      'Revenue trend',
      'Wastage this week',
    ]);
    expect(welcome!.body.suggestedActions).toEqual({
      to: [USER_ID],
      actions: [
        { type: 'imBack', title: 'Scan for profit leaks', value: 'Scan for profit leaks' },
        { type: 'imBack', title: 'Daily brief', value: 'Daily brief' },
        { type: 'imBack', title: 'Revenue trend', value: 'Revenue trend' },
        { type: 'imBack', title: 'Wastage this week', value: 'Wastage this week' },
      ],
    });
    expect(h.analyst.requests).toEqual([]);

    // Someone else joining is not an install.
    await h.post({ ...install, id: 'join-1', membersAdded: [{ id: '29:newcomer' }] });
    await h.settle();
    expect(h.messages()).toHaveLength(1);
  });

  it('answers a quick-prompt press (messageBack) with that question', async () => {
    h = await startHarness({ mode: 'app' });
    const dm = h.recorded('dm/teams.json', 'dmMessage', {
      id: 'press-1',
      text: 'Daily brief',
      value: { verb: 'titan.prompt', question: 'Daily brief' },
    });
    await h.post(dm);
    await h.settle();
    expect(h.analyst.requests.map((r) => r.question)).toEqual(['Daily brief']);
  });

  it('offers the prompts on an empty @Titan, and ignores a press on a card that is not Titan’s', async () => {
    h = await startHarness({ mode: 'app' });
    await h.post(
      h.recorded('channel/teams.json', 'mention', { id: 'empty-1', text: '<at>Chat SDK Demo</at>' }),
    );
    await h.post(h.recorded('channel/teams.json', 'channel_post_action'));
    await h.settle();
    expect(h.analyst.requests).toEqual([]);
    const messages = h.messages();
    expect(messages).toHaveLength(1);
    const card = cardsOf(messages[0]!)[0]!;
    expect(cardTexts(card)).toEqual(['Ask me about your numbers, or pick one:']);
    expect(validate(card)).toEqual([]);
  });

  it('refuses politely when the user is not an owner, naming who can grant access', async () => {
    h = await startHarness({ mode: 'app', config: { TITAN_OWNERS: 'asha@cafe.example' } });
    await h.post(h.recorded('channel/teams.json', 'mention'));
    await h.settle();
    expect(h.analyst.requests).toEqual([]);
    expect(h.messages().map((c) => c.body.text)).toEqual([
      "Titan's financial answers are for owners. Ask asha@cafe.example to add you to TITAN_OWNERS.",
    ]);
  });

  it('knows an owner by Entra object id, and says access is open while TITAN_OWNERS is empty', async () => {
    h = await startHarness({ mode: 'app', config: { TITAN_OWNERS: USER_AAD } });
    await h.post(h.recorded('channel/teams.json', 'mention'));
    await h.settle();
    const owned = cardsOf(finalCall(h.fake.calls))[0]!;
    expect(cardTexts(owned)[0]).toBe(HEADLINE);
    expect(cardTexts(owned).join('\n')).not.toContain('TITAN_OWNERS');

    delete h.config.TITAN_OWNERS;
    await h.post(h.recorded('dm/teams.json', 'dmMessage'));
    await h.settle();
    const open = cardsOf(finalCall(h.fake.calls))[0]!;
    expect(cardTexts(open)).toContain(
      'Every workspace member counts as an owner until TITAN_OWNERS is set (PATCH /config).',
    );
  });

  it('still counts a 👍 pressed on a card posted before Teams’ own feedback buttons', async () => {
    h = await startHarness({ mode: 'app' });
    await h.post(h.recorded('dm/teams.json', 'dmMessage'));
    await h.settle();
    const [stored] = await h.warehouse.query<{ turn_id: string; thread_id: string }>(
      "SELECT turn_id, thread_id FROM chat_memory WHERE role = 'assistant'",
    );
    const up = {
      verb: FEEDBACK_VERB,
      vote: 'up',
      ref: encodeFeedbackRef({ turn: stored!.turn_id, thread: stored!.thread_id }),
    };
    await h.post(h.recorded('dm/teams.json', 'dmMessage', { id: 'vote-1', text: undefined, value: up }));
    await h.settle();
    const votes = await h.warehouse.query<{ vote: string; user_id: string; turn_id: string }>(
      'SELECT vote, user_id, turn_id FROM answer_feedback',
    );
    const [turn] = await h.warehouse.query<{ turn_id: string }>(
      "SELECT turn_id FROM chat_memory WHERE role = 'assistant'",
    );
    expect(votes).toEqual([{ vote: 'up', user_id: USER_AAD, turn_id: turn!.turn_id }]);
  });

  it('ends the answer display with the reason when the analyst fails or takes too long; still one final message', async () => {
    h = await startHarness({ mode: 'app', answerTimeoutMs: 200 });
    h.analyst.answer = () => {
      throw new TitanError('warehouse.unavailable', 'The warehouse is not answering; check GET /health.');
    };
    await h.post(h.recorded('dm/teams.json', 'dmMessage'));
    await h.settle();
    const failed = cardsOf(finalCall(h.fake.calls))[0]!;
    expect(cardTexts(failed)).toEqual([
      'I could not answer that: The warehouse is not answering; check GET /health.',
    ]);
    expect(validate(failed)).toEqual([]);

    // A failed query's own words may quote SQL or a file path: the thread gets the line that points at the log.
    h.analyst.answer = () => {
      throw new TitanError(
        'warehouse.query_failed',
        'SQLite query failed: no such column: secret_col in /srv/titan.db',
      );
    };
    await h.post(h.recorded('dm/teams.json', 'dmMessage', { id: 'hidden-1' }));
    await h.settle();
    const hidden = JSON.stringify(cardsOf(finalCall(h.fake.calls)));
    expect(hidden).toContain(`I could not answer that: ${HIDDEN_MESSAGE}`);
    expect(hidden).not.toMatch(/secret_col|titan\.db/);

    h.analyst.answer = () => new Promise(() => {});
    await h.post(h.recorded('dm/teams.json', 'dmMessage', { id: 'slow-1' }));
    await h.settle();
    const slow = cardsOf(finalCall(h.fake.calls))[0]!;
    expect(cardTexts(slow)[0]).toMatch(
      /^I could not answer that: No answer after 1 s, so I stopped\. Try a narrower/,
    );
    expect(h.messages().filter((c) => c.method === 'POST')).toHaveLength(3);
  });
});
