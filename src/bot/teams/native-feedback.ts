// Teams' own 👍/👎 on an answer (invoke message/submitAction, actionName "feedback"): the vote and what a 👎 said was wrong, stored like Slack's.
import { z } from 'zod';
import type { AnswerMessageStore } from '../../core/chat/answer-messages.ts';
import {
  FEEDBACK_REASONS,
  type FeedbackReason,
  type ThreadMemory,
  type Vote,
} from '../../core/chat/thread-memory.ts';
import type { Clock } from '../../core/clock.ts';
import type { Logger } from '../../core/logger.ts';
import { type InboundActivity, userIds } from './activity.ts';

/** The invoke's value as Teams sends it; `feedback` is the form's input as a JSON string. */
const submitAction = z.object({
  actionName: z.literal('feedback'),
  actionValue: z.object({
    reaction: z.enum(['like', 'dislike']),
    feedback: z.union([z.string().max(10_000), z.record(z.string(), z.unknown())]).optional(),
  }),
});

/** Teams' default form sends `feedbackText`; a custom form may name one of Titan's reasons outright. */
const feedbackForm = z.looseObject({
  feedbackText: z.string().optional(),
  reason: z.enum(FEEDBACK_REASONS).optional(),
});

export interface NativeFeedback {
  vote: Vote;
  reason?: FeedbackReason;
  /** What the user typed, if anything. */
  text?: string;
}

function formOf(feedback: string | Record<string, unknown> | undefined): z.infer<typeof feedbackForm> {
  if (feedback === undefined) return {};
  try {
    const parsed = feedbackForm.safeParse(typeof feedback === 'string' ? JSON.parse(feedback) : feedback);
    return parsed.success ? parsed.data : {};
  } catch {
    // Not JSON: the words themselves.
    return typeof feedback === 'string' ? { feedbackText: feedback } : {};
  }
}

/**
 * Teams asks a 👎 for free text where Slack offers buttons; the words are read for the same four reasons so
 * `titan feedback` lists both doors alike. Text that names none of them is "something else".
 */
function reasonIn(text: string): FeedbackReason | undefined {
  const said = text.toLowerCase();
  if (said.trim() === '') return undefined;
  // "Answered the wrong question" is about the question, so that reading comes before "wrong".
  if (/\b(another|different|other|wrong) question|not what i asked/.test(said)) return 'other_question';
  if (/\bslow\b|took too long/.test(said)) return 'too_slow';
  if (/\b(wrong|incorrect|not right|mistake)/.test(said)) return 'wrong_number';
  return 'other';
}

/** The vote a submitAction invoke carries, or undefined when it is not Teams' feedback. */
export function feedbackFromInvoke(value: unknown): NativeFeedback | undefined {
  const parsed = submitAction.safeParse(value);
  if (!parsed.success) return undefined;
  const { reaction, feedback } = parsed.data.actionValue;
  const form = formOf(feedback);
  const text = form.feedbackText?.trim() || undefined;
  const vote: Vote = reaction === 'like' ? 'up' : 'down';
  const reason = vote === 'down' ? (form.reason ?? reasonIn(text ?? '')) : undefined;
  return { vote, ...(reason ? { reason } : {}), ...(text ? { text } : {}) };
}

export interface FeedbackDeps {
  memory: ThreadMemory;
  answers: AnswerMessageStore;
  clock: Clock;
  logger: Logger;
}

/** Stores the vote against the answer the pressed message showed; a vote on any other message is logged and dropped. */
export async function recordNativeFeedback(
  deps: FeedbackDeps,
  activity: InboundActivity,
  feedback: NativeFeedback,
): Promise<void> {
  const ref = activity.replyToId
    ? await deps.answers.find(activity.conversation.id, activity.replyToId)
    : undefined;
  if (!ref) {
    deps.logger.warn(
      { message: activity.replyToId },
      'teams feedback on a message that is not a stored answer',
    );
    return;
  }
  await deps.memory.recordFeedback({
    turnId: ref.turn,
    threadId: ref.thread,
    userId: userIds(activity.from)[0]!,
    vote: feedback.vote,
    ...(feedback.reason ? { reason: feedback.reason } : {}),
    at: deps.clock.now(),
  });
  // answer_feedback keeps the vote and reason; the owner's own words are kept in the log.
  deps.logger.info(
    { turn: ref.turn, vote: feedback.vote, reason: feedback.reason, said: feedback.text },
    'teams feedback stored',
  );
}
