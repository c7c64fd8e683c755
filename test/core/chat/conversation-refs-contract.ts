// The conversation store contract: the same cases on every warehouse engine — found as remembered, refreshed in place, a repeat unwritten.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type ConversationRef,
  type ConversationStore,
  createConversationStore,
} from '../../../src/core/chat/conversation-refs.ts';
import type { Clock } from '../../../src/core/clock.ts';
import type { WarehouseUnderTest } from '../warehouse/contract.ts';

const CHANNEL: ConversationRef = {
  serviceUrl: 'https://smba.trafficmanager.net/in/',
  conversationId: '19:d441d38c655c47a085215b2726e76927@thread.tacv2',
  bot: { id: '28:titan-app-id', name: 'Titan' },
  tenantId: 'tenant-1',
  conversationType: 'channel',
};

export function conversationStoreContract(name: string, create: () => Promise<WarehouseUnderTest>): void {
  describe(`Conversation store contract: ${name}`, () => {
    let store: WarehouseUnderTest;
    let now: Date;
    const clock: Clock = { now: () => now };
    /** A store holds no state but the warehouse's and what it last wrote, so a new one is a new process. */
    const process = (): ConversationStore => createConversationStore({ warehouse: store.warehouse, clock });
    const storedRows = async () =>
      (
        await store.warehouse.query<{ conversation_id: string }>(
          `SELECT conversation_id FROM ${store.warehouse.dialect.table('teams_conversations')}`,
        )
      ).length;

    beforeEach(async () => {
      now = new Date('2026-11-01T08:00:00.000Z');
      store = await create();
      await store.warehouse.migrate();
    });
    afterEach(() => store.dispose());

    it('finds a conversation as it was remembered, with whether a token vouched for it and when', async () => {
      await process().remember(CHANNEL, true);
      expect(await process().find(CHANNEL.conversationId)).toEqual({
        ...CHANNEL,
        verified: true,
        updatedAt: '2026-11-01T08:00:00.000Z',
      });
    });

    it('gives back no optional detail that was not remembered', async () => {
      const chat: ConversationRef = {
        serviceUrl: 'http://localhost:3978',
        conversationId: 'a:1on1-chat',
        bot: { id: '28:titan-app-id' },
      };
      await process().remember(chat, false);
      expect(await process().find(chat.conversationId)).toEqual({
        ...chat,
        verified: false,
        updatedAt: '2026-11-01T08:00:00.000Z',
      });
    });

    it('finds nothing under an id it was never told', async () => {
      const conversations = process();
      await conversations.remember(CHANNEL, true);
      expect(await conversations.find('19:other@thread.tacv2')).toBeNull();
    });

    it('refreshes a conversation in place when where it lives changes', async () => {
      const conversations = process();
      await conversations.remember(CHANNEL, false);
      now = new Date('2026-11-02T08:00:00.000Z');
      const moved = { ...CHANNEL, serviceUrl: 'https://smba.trafficmanager.net/emea/' };
      await conversations.remember(moved, true);
      expect(await conversations.find(CHANNEL.conversationId)).toEqual({
        ...moved,
        verified: true,
        updatedAt: '2026-11-02T08:00:00.000Z',
      });
      expect(await storedRows()).toBe(1);
    });

    it('writes nothing for a repeat of what it last stored', async () => {
      const conversations = process();
      await conversations.remember(CHANNEL, true);
      now = new Date('2026-11-02T08:00:00.000Z');
      await conversations.remember({ ...CHANNEL }, true);
      expect((await conversations.find(CHANNEL.conversationId))?.updatedAt).toBe('2026-11-01T08:00:00.000Z');
    });
  });
}
