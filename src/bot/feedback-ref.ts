// What the feedback buttons carry: which stored answer turn, in which thread, and the vote (zod when a press brings it back).
import { z } from 'zod';
import {
  FEEDBACK_REASONS,
  type FeedbackReason,
  type FeedbackRef,
  type Vote,
} from '../core/chat/thread-memory.ts';

// The doors import the reference's type beside its encodings.
export type { FeedbackRef };

const feedbackRef: z.ZodType<FeedbackRef> = z.object({ turn: z.string().min(1), thread: z.string().min(1) });

export const encodeFeedbackRef = (ref: FeedbackRef): string => JSON.stringify(ref);

/** The reference a press carried, or undefined when it is missing, malformed or not Titan's. */
export function decodeFeedbackRef(value: string | undefined): FeedbackRef | undefined {
  try {
    const parsed = feedbackRef.safeParse(JSON.parse(value ?? ''));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Slack's feedback_buttons send only the pressed button's value, so each value names its own vote. */
export const encodeVote = (vote: Vote, ref: string): string => `${vote} ${ref}`;

/** The vote and reference a feedback button carried, or undefined when it is not one of Titan's. */
export function decodeVote(value: string | undefined): { vote: Vote; ref: FeedbackRef } | undefined {
  const match = /^(up|down) (.*)$/s.exec(value ?? '');
  const ref = match && decodeFeedbackRef(match[2]);
  return match && ref ? { vote: match[1] as Vote, ref } : undefined;
}

/** A "what was wrong?" button names its reason and the answer it is about. */
export const encodeReason = (reason: FeedbackReason, ref: FeedbackRef): string =>
  `${reason} ${encodeFeedbackRef(ref)}`;

/** The reason and reference a "what was wrong?" button carried, or undefined when it is not one of Titan's. */
export function decodeReason(
  value: string | undefined,
): { reason: FeedbackReason; ref: FeedbackRef } | undefined {
  const match = /^(\S+) (.*)$/s.exec(value ?? '');
  const reason = FEEDBACK_REASONS.find((r) => r === match?.[1]);
  const ref = match ? decodeFeedbackRef(match[2]) : undefined;
  return reason && ref ? { reason, ref } : undefined;
}
