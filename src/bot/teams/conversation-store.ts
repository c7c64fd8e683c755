// Remembers each Teams conversation Titan is in (teams_conversations), so the digest can post there proactively.
import type { Clock } from '../../core/clock.ts';
import type { Warehouse } from '../../core/warehouse/port.ts';
import type { ConversationRef } from './connector.ts';

export interface StoredConversation extends ConversationRef {
  /** A verified Bot Framework token vouched for the service URL when it was captured. */
  verified: boolean;
  updatedAt: string;
}

export interface ConversationStore {
  /** Stores (or refreshes) where a conversation lives; a repeat of what is stored writes nothing. */
  remember(ref: ConversationRef, verified: boolean): Promise<void>;
  find(conversationId: string): Promise<StoredConversation | null>;
}

interface Row {
  conversation_id: string;
  service_url: string;
  tenant_id: string | null;
  conversation_type: string | null;
  bot_id: string;
  bot_name: string | null;
  verified: boolean | number;
  updated_at: string;
}

export function createConversationStore(options: { warehouse: Warehouse; clock: Clock }): ConversationStore {
  const { warehouse, clock } = options;
  const table = warehouse.dialect.table('teams_conversations');
  // What this process last stored per conversation: most messages change nothing, so they write nothing.
  const known = new Map<string, string>();
  const fingerprint = (ref: ConversationRef, verified: boolean) =>
    JSON.stringify([ref.serviceUrl, ref.tenantId, ref.conversationType, ref.bot.id, ref.bot.name, verified]);

  return {
    async remember(ref, verified) {
      const print = fingerprint(ref, verified);
      if (known.get(ref.conversationId) === print) return;
      await warehouse.transaction(async (tx) => {
        // Delete-then-insert is the one upsert both SQLite and BigQuery run the same way.
        await tx.execute(`DELETE FROM ${table} WHERE conversation_id = @id`, { id: ref.conversationId });
        await tx.insertRows('teams_conversations', [
          {
            conversation_id: ref.conversationId,
            service_url: ref.serviceUrl,
            tenant_id: ref.tenantId ?? null,
            conversation_type: ref.conversationType ?? null,
            bot_id: ref.bot.id,
            bot_name: ref.bot.name ?? null,
            verified,
            updated_at: clock.now().toISOString(),
          },
        ]);
      });
      known.set(ref.conversationId, print);
    },

    async find(conversationId) {
      const [row] = await warehouse.query<Row>(`SELECT * FROM ${table} WHERE conversation_id = @id`, {
        id: conversationId,
      });
      if (!row) return null;
      return {
        conversationId: row.conversation_id,
        serviceUrl: row.service_url,
        bot: { id: row.bot_id, ...(row.bot_name ? { name: row.bot_name } : {}) },
        ...(row.tenant_id ? { tenantId: row.tenant_id } : {}),
        ...(row.conversation_type ? { conversationType: row.conversation_type } : {}),
        verified: row.verified === true || row.verified === 1,
        updatedAt: row.updated_at,
      };
    },
  };
}
