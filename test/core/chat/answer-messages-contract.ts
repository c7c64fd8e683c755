// The answer message store contract: the same cases on every warehouse engine — each message finds the answer it showed, others find none.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AnswerMessageStore, createAnswerMessageStore } from '../../../src/core/chat/answer-messages.ts';
import type { Clock } from '../../../src/core/clock.ts';
import type { WarehouseUnderTest } from '../warehouse/contract.ts';

const CHANNEL = '19:d441d38c655c47a085215b2726e76927@thread.tacv2';
const CHAT = 'a:1on1-chat';

export function answerMessageStoreContract(name: string, create: () => Promise<WarehouseUnderTest>): void {
  describe(`Answer message store contract: ${name}`, () => {
    let store: WarehouseUnderTest;
    const clock: Clock = { now: () => new Date('2026-11-01T08:00:00.000Z') };
    /** A store holds no state but the warehouse's, so a new one is a new process. */
    const process = (): AnswerMessageStore => createAnswerMessageStore({ warehouse: store.warehouse, clock });

    beforeEach(async () => {
      store = await create();
      await store.warehouse.migrate();
    });
    afterEach(() => store.dispose());

    it('finds the answer a message showed, from another process too', async () => {
      await process().remember(CHANNEL, '1700000000001', { turn: 'turn-1', thread: 'teams:thread-1' });
      expect(await process().find(CHANNEL, '1700000000001')).toEqual({
        turn: 'turn-1',
        thread: 'teams:thread-1',
      });
    });

    it('keeps each message to its own answer, and the same message id in another conversation apart', async () => {
      const answers = process();
      await answers.remember(CHANNEL, '1700000000001', { turn: 'turn-1', thread: 'teams:thread-1' });
      await answers.remember(CHANNEL, '1700000000002', { turn: 'turn-2', thread: 'teams:thread-2' });
      await answers.remember(CHAT, '1700000000001', { turn: 'turn-3', thread: 'teams:a:1on1-chat' });
      expect(await answers.find(CHANNEL, '1700000000002')).toEqual({
        turn: 'turn-2',
        thread: 'teams:thread-2',
      });
      expect(await answers.find(CHAT, '1700000000001')).toEqual({
        turn: 'turn-3',
        thread: 'teams:a:1on1-chat',
      });
    });

    it('finds nothing for a message that showed no answer, or a conversation it was never told', async () => {
      const answers = process();
      await answers.remember(CHANNEL, '1700000000001', { turn: 'turn-1', thread: 'teams:thread-1' });
      expect(await answers.find(CHANNEL, '1700000000009')).toBeUndefined();
      expect(await answers.find('19:other@thread.tacv2', '1700000000001')).toBeUndefined();
    });
  });
}
