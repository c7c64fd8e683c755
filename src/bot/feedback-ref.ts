// What the 👍/👎 buttons carry: which stored answer turn, in which thread (zod when a press brings it back).
import { z } from 'zod';

const feedbackRef = z.object({ turn: z.string().min(1), thread: z.string().min(1) });
export type FeedbackRef = z.infer<typeof feedbackRef>;

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
