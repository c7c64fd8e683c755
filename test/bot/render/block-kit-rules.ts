// Slack's documented Block Kit limits for the blocks Titan sends, as a strict schema tests validate messages against.
import { z } from 'zod';

const mrkdwn = z.strictObject({ type: z.literal('mrkdwn'), text: z.string().min(1).max(3000) });
const plain = (max: number) =>
  z.strictObject({
    type: z.literal('plain_text'),
    text: z.string().min(1).max(max),
    emoji: z.boolean().optional(),
  });
const actionId = z.string().min(1).max(255);

const button = z.strictObject({
  type: z.literal('button'),
  action_id: actionId,
  text: plain(75),
  value: z.string().max(2000).optional(),
  style: z.enum(['primary', 'danger']).optional(),
});
const usersSelect = z.strictObject({
  type: z.literal('users_select'),
  action_id: actionId,
  placeholder: plain(150).optional(),
  initial_user: z.string().optional(),
});

const blockId = z.string().min(1).max(255).optional();
const feedbackButton = z.strictObject({
  text: plain(75),
  accessibility_label: z.string().max(75).optional(),
  value: z.string().min(1).max(2000),
});
const rawText = z.strictObject({ type: z.literal('raw_text'), text: z.string().min(1) });
const block = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('section'), block_id: blockId, text: mrkdwn }),
  z.strictObject({ type: z.literal('context'), block_id: blockId, elements: z.array(mrkdwn).min(1).max(10) }),
  z.strictObject({ type: z.literal('divider'), block_id: blockId }),
  z.strictObject({
    type: z.literal('context_actions'),
    block_id: blockId,
    elements: z
      .array(
        z.strictObject({
          type: z.literal('feedback_buttons'),
          action_id: actionId,
          positive_button: feedbackButton,
          negative_button: feedbackButton,
        }),
      )
      .min(1)
      .max(5),
  }),
  z.strictObject({
    type: z.literal('table'),
    block_id: blockId,
    column_settings: z
      .array(
        z.strictObject({
          align: z.enum(['left', 'center', 'right']).optional(),
          is_wrapped: z.boolean().optional(),
        }),
      )
      .max(20)
      .optional(),
    rows: z.array(z.array(rawText).min(1).max(20)).min(1).max(100),
  }),
  z.strictObject({ type: z.literal('header'), block_id: blockId, text: plain(150) }),
  z.strictObject({
    type: z.literal('actions'),
    block_id: blockId,
    elements: z
      .array(z.union([button, usersSelect]))
      .min(1)
      .max(25),
  }),
]);

/** A message's blocks: at most 50, each valid, ids unique, and at most one table (Slack allows one per message). */
export const messageBlocks = z
  .array(block)
  .max(50)
  .superRefine((blocks, ctx) => {
    const ids = blocks.flatMap((b) => (b.block_id ? [b.block_id] : []));
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: 'duplicate block_id' });
    if (blocks.filter((b) => b.type === 'table').length > 1)
      ctx.addIssue({ code: 'custom', message: 'more than one table' });
    for (const b of blocks) {
      if (b.type !== 'actions') continue;
      const actionIds = b.elements.map((e) => e.action_id);
      if (new Set(actionIds).size !== actionIds.length)
        ctx.addIssue({ code: 'custom', message: 'duplicate action_id' });
    }
  });

/** Throws with Slack-like detail when `blocks` would be refused (invalid_blocks). */
export function assertValidBlocks(blocks: unknown): void {
  const result = messageBlocks.safeParse(blocks);
  if (!result.success) throw new Error(`invalid_blocks: ${z.prettifyError(result.error)}`);
}
