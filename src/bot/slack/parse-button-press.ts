// The parts of a Slack block_actions payload Titan uses, validated: who pressed what, and where.
import { z } from 'zod';

const blockActionSchema = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: z.string().min(1) }),
  channel: z.object({ id: z.string().min(1) }).optional(),
  container: z.object({
    channel_id: z.string().optional(),
    message_ts: z.string().optional(),
    thread_ts: z.string().optional(),
    is_ephemeral: z.boolean().optional(),
  }),
  message: z
    .looseObject({ ts: z.string(), text: z.string().optional(), blocks: z.array(z.unknown()).optional() })
    .optional(),
  actions: z
    .array(
      z.object({
        action_id: z.string(),
        block_id: z.string().optional(),
        value: z.string().optional(),
        selected_user: z.string().optional(),
      }),
    )
    .min(1),
});

export interface ButtonPress {
  userId: string;
  channel: string;
  /** The message holding the pressed element (undefined for an ephemeral message). */
  messageTs: string | undefined;
  threadTs: string | undefined;
  message: { ts: string; text?: string; blocks?: unknown[] } | undefined;
  actionId: string;
  blockId: string | undefined;
  value: string | undefined;
  selectedUser: string | undefined;
}

/** Returns the press, or undefined for a payload Titan did not render (it is then ignored). */
export function parseButtonPress(body: unknown): ButtonPress | undefined {
  const parsed = blockActionSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const b = parsed.data;
  const channel = b.channel?.id ?? b.container.channel_id;
  if (!channel) return undefined;
  const action = b.actions[0]!;
  const ephemeral = b.container.is_ephemeral === true;
  return {
    userId: b.user.id,
    channel,
    messageTs: ephemeral ? undefined : b.container.message_ts,
    threadTs: ephemeral ? undefined : b.container.thread_ts,
    message: ephemeral ? undefined : b.message,
    actionId: action.action_id,
    blockId: action.block_id,
    value: action.value,
    selectedUser: action.selected_user,
  };
}
