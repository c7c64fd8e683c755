// Remembers where each conversation Titan is in lives (teams_conversations), so the digest can post there proactively.
import type { Clock } from '../clock.ts';
import type { Warehouse } from '../warehouse/port.ts';

/**
 * Where a conversation lives and who Titan is in it: enough to post there later (proactively). The shape is
 * Bot Framework's (a per-conversation service URL), but plain data: the door turns it into its SDK's reference.
 */
export interface ConversationRef {
  serviceUrl: string;
  conversationId: string;
  /** Titan's own account in the conversation (the inbound activity's recipient). */
  bot: { id: string; name?: string };
  tenantId?: string;
  conversationType?: string;
}

export interface StoredConversation extends ConversationRef {
  /** A verified Bot Framework token vouched for the service URL when it was captured. */
  verified: boolean;
  updatedAt: string;
}

export interface ConversationStore {
  /** Stores (or refreshes) where a conversation lives; a repeat of what this store last wrote writes nothing. */
  remember(ref: ConversationRef, verified: boolean): Promise<void>;
  /** The conversation stored under this id, or null when Titan has never been in it. */
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
