// What a card button press carries (zod at the boundary): task verbs, feedback votes and quick prompts.
import { z } from 'zod';
import { FEEDBACK_VERB, PROMPT_VERB } from '../render/adaptive-card.ts';
import { ASSIGNEE_INPUT, TASK_VERBS } from './task-card.ts';

const taskId = z.string().min(1).max(200);

const taskPress = z.object({
  verb: z.enum([TASK_VERBS.acknowledge, TASK_VERBS.done, TASK_VERBS.refresh]),
  taskId,
});
const assignPress = z.object({
  verb: z.literal(TASK_VERBS.assign),
  taskId,
  [ASSIGNEE_INPUT]: z.string().trim().min(1, 'Type who should do it, then press Assign.').max(120),
});
const feedbackPress = z.object({
  verb: z.literal(FEEDBACK_VERB),
  vote: z.enum(['up', 'down']),
  ref: z.string().min(1).max(1000),
});
const promptPress = z.object({ verb: z.literal(PROMPT_VERB), question: z.string().trim().min(1).max(500) });

const cardPress = z.union([taskPress, assignPress, feedbackPress, promptPress]);
export type CardPress = z.infer<typeof cardPress>;
export type TaskPress = z.infer<typeof taskPress> | z.infer<typeof assignPress>;

/** The invoke value of an Action.Execute press: the verb beside the data (inputs merged into data). */
const executeValue = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string(),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
  trigger: z.enum(['manual', 'automatic']).optional(),
});

export type ParsedPress = { ok: true; press: CardPress } | { ok: false; reason: string };

function parse(candidate: unknown): ParsedPress {
  const parsed = cardPress.safeParse(candidate);
  if (parsed.success) return { ok: true, press: parsed.data };
  const assignee = parsed.error.issues.find((i) => i.path[0] === ASSIGNEE_INPUT);
  return { ok: false, reason: assignee?.message ?? 'That button is not one Titan knows.' };
}

/** An `adaptiveCard/action` invoke's value. */
export function pressFromInvoke(value: unknown): ParsedPress {
  const parsed = executeValue.safeParse(value);
  if (!parsed.success) return { ok: false, reason: 'That button is not one Titan knows.' };
  return parse({ ...parsed.data.action.data, verb: parsed.data.action.verb });
}

/** A message activity's value (Action.Submit / messageBack); undefined when the message is not a press. */
export function pressFromMessage(value: unknown): ParsedPress | undefined {
  if (typeof value !== 'object' || value === null || !('verb' in value)) return undefined;
  return parse(value);
}
