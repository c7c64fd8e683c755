// Who may ask and act, and how much a channel sees: the platform-neutral rules Slack and Teams share.
import { describe, expect, it } from 'vitest';
import { createAccessPolicy, idList, OPEN_ACCESS_NOTE } from '../../src/bot/access.ts';
import { sampleAnswer } from './render/sample-answer.ts';

const mention = (id: string) => `<@${id}>`;

describe('access policy', () => {
  it('while TITAN_OWNERS is empty, everyone is an owner and the note says so', () => {
    const policy = createAccessPolicy({}, { mention });
    expect(policy.roleOf('U1')).toBe('owner');
    expect(policy.canAsk('U1')).toBe(true);
    expect(policy.canActOnTasks('U1')).toBe(true);
    expect(policy.openAccessNote).toBe(OPEN_ACCESS_NOTE);
  });

  it('owners ask and act, managers only act, anyone else neither', () => {
    const policy = createAccessPolicy({ TITAN_OWNERS: 'UO1, UO2', TITAN_MANAGERS: 'UM' }, { mention });
    expect([policy.roleOf('UO2'), policy.roleOf('UM'), policy.roleOf('UX')]).toEqual([
      'owner',
      'manager',
      'none',
    ]);
    expect([policy.canAsk('UO1'), policy.canAsk('UM'), policy.canAsk('UX')]).toEqual([true, false, false]);
    expect([policy.canActOnTasks('UM'), policy.canActOnTasks('UX')]).toEqual([true, false]);
    expect(policy.openAccessNote).toBeUndefined();
    expect(policy.refusal('ask')).toBe(
      "Titan's financial answers are for owners. Ask <@UO1>, <@UO2> to add you to TITAN_OWNERS.",
    );
  });

  it('DMs and PRIVATE_OK_CHANNELS see staff detail; other channels get the public view', () => {
    const policy = createAccessPolicy({ PRIVATE_OK_CHANNELS: 'CMGMT' }, { mention });
    expect(policy.audienceFor({ kind: 'dm' })).toBe('private');
    expect(policy.audienceFor({ kind: 'channel', id: 'CMGMT' })).toBe('private');
    expect(policy.audienceFor({ kind: 'channel', id: 'CGENERAL' })).toBe('public');
  });

  it('puts the open-access note under an answer once, and not at all once owners are set', () => {
    const open = createAccessPolicy({}, { mention });
    expect(open.notesFor(sampleAnswer())).toEqual([OPEN_ACCESS_NOTE]);
    expect(open.notesFor(sampleAnswer({ notes: [OPEN_ACCESS_NOTE] }))).toEqual([]);
    expect(createAccessPolicy({ TITAN_OWNERS: 'UO1' }, { mention }).notesFor(sampleAnswer())).toEqual([]);
  });

  it('reads id lists loosely: spaces and empty entries are ignored', () => {
    expect(idList(' U1 ,, U2 ')).toEqual(['U1', 'U2']);
    expect(idList(undefined)).toEqual([]);
  });
});
