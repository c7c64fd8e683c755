// Reading inbound activities: where a conversation is, where replies go, and the question without Titan's @mention.
import { describe, expect, it } from 'vitest';
import {
  conversationKind,
  type InboundActivity,
  inboundActivity,
  questionText,
  replyConversationId,
  venueOf,
} from '../../../src/bot/teams/activity.ts';
import { CORPUS } from '../../helpers/corpora.ts';
import { readRecorded } from './json-schemas.ts';

const parse = (value: unknown): InboundActivity => inboundActivity.parse(value);
const recorded = (file: string, key: string, overrides: Record<string, unknown> = {}) =>
  parse({ ...readRecorded(file)[key], ...overrides });

describe('Teams activities', CORPUS, () => {
  it('reads every recorded Teams message payload', () => {
    for (const [file, keys] of [
      ['teams.json', ['mention', 'followUp']],
      ['dm/teams.json', ['mention', 'dmRequest', 'dmMessage']],
      ['channel/teams.json', ['mention', 'channel_post_action']],
      ['actions-reactions/teams.json', ['mention', 'action', 'reaction']],
    ] as const) {
      for (const key of keys) expect(inboundActivity.safeParse(readRecorded(file)[key]).success).toBe(true);
    }
  });

  it('refuses an activity whose serviceUrl is not an http(s) URL', () => {
    const bad = { ...readRecorded('dm/teams.json').dmMessage, serviceUrl: 'file:///etc/passwd' };
    expect(inboundActivity.safeParse(bad).success).toBe(false);
  });

  it('tells channels, group chats and 1:1 chats apart, with or without conversationType', () => {
    expect(conversationKind(recorded('channel/teams.json', 'mention'))).toBe('channel');
    expect(conversationKind(recorded('teams.json', 'mention'))).toBe('channel');
    expect(conversationKind(recorded('dm/teams.json', 'dmMessage'))).toBe('personal');
    const emulator = recorded('dm/teams.json', 'dmMessage', { conversation: { id: '5f1c2d|livechat' } });
    expect(conversationKind(emulator)).toBe('personal');
    const group = recorded('dm/teams.json', 'dmMessage', {
      conversation: { id: '19:g@thread.v2', isGroup: true },
    });
    expect(conversationKind(group)).toBe('groupChat');
    expect(venueOf(group)).toEqual({ kind: 'channel', id: '19:g@thread.v2' });
    expect(venueOf(recorded('channel/teams.json', 'mention'))).toEqual({
      kind: 'channel',
      id: '19:d441d38c655c47a085215b2726e76927@thread.tacv2',
    });
  });

  it('replies in the thread: a channel id without ;messageid= gets the root message id', () => {
    const bare = recorded('channel/teams.json', 'mention', {
      conversation: { id: '19:c@thread.tacv2', conversationType: 'channel' },
      replyToId: '1700000000001',
    });
    expect(replyConversationId(bare)).toBe('19:c@thread.tacv2;messageid=1700000000001');
    const { replyToId: _none, ...top } = bare;
    expect(replyConversationId({ ...top, id: '1700000000002' })).toBe(
      '19:c@thread.tacv2;messageid=1700000000002',
    );
    expect(replyConversationId(recorded('dm/teams.json', 'dmMessage'))).toMatch(/^a:/);
  });

  it('strips only Titan’s own <at> mention, with or without the entity text', () => {
    expect(questionText(recorded('teams.json', 'mention'))).toBe('Hey');
    expect(questionText(recorded('channel/teams.json', 'mention'))).toBe('Hey');
    const other = recorded('channel/teams.json', 'mention', {
      text: '<at>Chat SDK Demo</at>  Wastage  by <at>Ravi</at>?',
      entities: [
        {
          type: 'mention',
          mentioned: { id: '28:11111111-2222-3333-4444-555555555555', name: 'Chat SDK Demo' },
        },
        { type: 'mention', text: '<at>Ravi</at>', mentioned: { id: '29:ravi', name: 'Ravi' } },
        { type: 'clientInfo', locale: 'en-US' },
      ],
    });
    expect(questionText(other)).toBe('Wastage by Ravi?');
  });
});
