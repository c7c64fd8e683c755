// The quick prompts as Slack buttons, for an empty mention, DM or /titan.
import type { Block } from '../render/block-kit-blocks.ts';
import { SUGGESTED_PROMPTS } from '../suggested-prompts.ts';

/** Button action ids are `titan_prompt_<n>` (unique within the block); the value is the question. */
export const PROMPT_ACTION = /^titan_prompt_\d+$/;

/** What an empty `@titan` gets: a line and one button per prompt, not an error. */
export function promptButtons(): { text: string; blocks: Block[] } {
  const text = 'Ask me about your numbers, or pick one:';
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      {
        type: 'actions',
        block_id: 'titan_prompts',
        elements: SUGGESTED_PROMPTS.map((p, i) => ({
          type: 'button' as const,
          action_id: `titan_prompt_${i}`,
          text: { type: 'plain_text' as const, text: p.title },
          value: p.message,
        })),
      },
    ],
  };
}
