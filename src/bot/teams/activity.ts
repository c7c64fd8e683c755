// The parts of an inbound Teams activity Titan reads (zod at the boundary), and what they mean: venue, thread, user, question.
import { z } from 'zod';
import type { ConversationRef } from '../../core/chat/conversation-refs.ts';
import type { Venue } from '../access.ts';

const account = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  aadObjectId: z.string().optional(),
});

const mention = z.object({
  type: z.literal('mention'),
  text: z.string().optional(),
  mentioned: z.object({ id: z.string(), name: z.string().optional() }),
});

/** An inbound activity as Bot Framework sends it; unknown fields pass through to the SDK untouched. */
export const inboundActivity = z.object({
  type: z.string().min(1),
  id: z.string().optional(),
  name: z.string().optional(),
  channelId: z.string().optional(),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  from: account,
  recipient: account,
  conversation: z.object({
    id: z.string().min(1),
    conversationType: z.string().optional(),
    tenantId: z.string().optional(),
    isGroup: z.boolean().optional(),
  }),
  text: z.string().optional(),
  value: z.unknown().optional(),
  replyToId: z.string().optional(),
  entities: z.array(z.unknown()).optional(),
  membersAdded: z.array(account).optional(),
  channelData: z.looseObject({ tenant: z.object({ id: z.string() }).optional() }).optional(),
});

export type InboundActivity = z.infer<typeof inboundActivity>;
export type TeamsAccount = z.infer<typeof account>;

export type ConversationKind = 'personal' | 'groupChat' | 'channel';

export function conversationKind(a: InboundActivity): ConversationKind {
  const type = a.conversation.conversationType;
  if (type === 'personal' || type === 'groupChat' || type === 'channel') return type;
  // Older payloads (and the Bot Framework Emulator) omit conversationType: channel ids hold @thread.tacv2 or
  // @thread.skype; anything else is a group chat when marked so, else a 1:1 chat.
  if (/@thread\.(tacv2|skype)/.test(a.conversation.id)) return 'channel';
  return a.conversation.isGroup ? 'groupChat' : 'personal';
}

/** A channel conversation id without its thread suffix (";messageid=…"): the channel itself. */
export const baseConversationId = (id: string): string => id.split(';messageid=')[0]!;

/** Where replies go: in a channel, the thread of the message (conversation id with ;messageid=); elsewhere the chat. */
export function replyConversationId(a: InboundActivity): string {
  const id = a.conversation.id;
  if (conversationKind(a) !== 'channel' || id.includes(';messageid=')) return id;
  const root = a.replyToId ?? a.id;
  return root ? `${id};messageid=${root}` : id;
}

/** chat_memory key: one per channel thread, one per 1:1 or group chat. */
export const threadKey = (a: InboundActivity): string => `teams:${replyConversationId(a)}`;

export function venueOf(a: InboundActivity): Venue {
  return conversationKind(a) === 'personal'
    ? { kind: 'dm' }
    : { kind: 'channel', id: baseConversationId(a.conversation.id) };
}

export function tenantOf(a: InboundActivity): string | undefined {
  return a.conversation.tenantId ?? a.channelData?.tenant?.id;
}

/** The ids TITAN_OWNERS / TITAN_MANAGERS may list for this user: the Entra object id and the Teams id. */
export const userIds = (user: TeamsAccount): string[] =>
  [user.aadObjectId, user.id].filter((id): id is string => Boolean(id));

/** How a user is shown on cards and stored on tasks: their display name when Teams sends one. */
export const displayName = (user: TeamsAccount): string => user.name ?? user.aadObjectId ?? user.id;

/** The reference for replying in this activity's conversation (the thread, in a channel). */
export function replyRef(a: InboundActivity): ConversationRef {
  const tenantId = tenantOf(a);
  return {
    serviceUrl: a.serviceUrl,
    conversationId: replyConversationId(a),
    bot: { id: a.recipient.id, ...(a.recipient.name ? { name: a.recipient.name } : {}) },
    ...(tenantId ? { tenantId } : {}),
    conversationType: conversationKind(a),
  };
}

/** The message text without Titan's own @mention; other people's mentions keep their names. */
export function questionText(a: InboundActivity): string {
  let text = a.text ?? '';
  for (const entity of a.entities ?? []) {
    const m = mention.safeParse(entity);
    if (!m.success) continue;
    const tag = m.data.text ?? (m.data.mentioned.name ? `<at>${m.data.mentioned.name}</at>` : undefined);
    if (!tag) continue;
    text = text.replace(tag, m.data.mentioned.id === a.recipient.id ? '' : tag.replace(/<\/?at>/g, ''));
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** True when the bot itself is among the members just added (the app was installed here). */
export const botWasAdded = (a: InboundActivity): boolean =>
  (a.membersAdded ?? []).some((m) => m.id === a.recipient.id);
