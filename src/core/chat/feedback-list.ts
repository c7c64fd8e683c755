// The feedback owners gave, each vote with what it was about: the question, how Titan read it, and its figures.
import { z } from 'zod';
import { formatFact } from '../analyst/format.ts';
import type { Warehouse } from '../warehouse/port.ts';
import { FEEDBACK_REASONS, type FeedbackReason, type Vote } from './thread-memory.ts';

export interface FeedbackEntry {
  at: string;
  userId: string;
  vote: Vote;
  /** What was wrong, when a 👎 said so. */
  reason?: FeedbackReason;
  threadId: string;
  question: string | undefined;
  headline: string;
  /** The reading the answer stated ("Revenue on Sat 21 Nov 2026"), when it was a query. */
  reading: string | undefined;
  /** The answer's figures as shown ("Revenue: ₹29,600"). */
  figures: string[];
}

/** Only what the listing shows is read back from the stored answer; anything else in it is ignored. */
const storedAnswer = z.looseObject({
  headline: z.string(),
  reading: z.looseObject({ text: z.string().optional() }).optional(),
  facts: z.array(z.looseObject({ label: z.string(), value: z.number(), unit: z.string() })).default([]),
});

interface Row {
  created_at: unknown;
  user_id: string;
  vote: string;
  reason: string | null;
  thread_id: string;
  answer_json: string | null;
  question: string | null;
}

function answerOf(json: string | null): z.infer<typeof storedAnswer> | undefined {
  try {
    const parsed = storedAnswer.safeParse(JSON.parse(json ?? 'null'));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value));

/** Votes since `since` (an ISO time), newest first (a 👎's reason before the bare 👎 it refines), each with its answer. */
export async function listFeedback(
  warehouse: Warehouse,
  options: { since?: string } = {},
): Promise<FeedbackEntry[]> {
  const t = (name: string) => warehouse.dialect.table(name);
  // The question is the asker's own turn just before the answer in the same thread (chat_memory keeps both).
  const rows = await warehouse.query<Row>(
    `SELECT f.created_at, f.user_id, f.vote, f.reason, f.thread_id, a.answer_json,
       (SELECT u.text FROM ${t('chat_memory')} u
         WHERE u.thread_id = a.thread_id AND u.role = 'user' AND u.user_id = a.user_id AND u.turn_at <= a.turn_at
         ORDER BY u.turn_at DESC LIMIT 1) AS question
     FROM ${t('answer_feedback')} f
     JOIN ${t('chat_memory')} a ON a.turn_id = f.turn_id AND a.role = 'assistant'
     WHERE f.created_at >= @since
     ORDER BY f.created_at DESC, f.reason IS NULL`,
    { since: options.since ?? '1970-01-01T00:00:00.000Z' },
  );
  return rows.map((r) => {
    const answer = answerOf(r.answer_json);
    const reason = FEEDBACK_REASONS.find((k) => k === r.reason);
    return {
      at: iso(r.created_at),
      userId: r.user_id,
      vote: r.vote === 'up' ? 'up' : 'down',
      ...(reason ? { reason } : {}),
      threadId: r.thread_id,
      question: r.question ?? undefined,
      headline: answer?.headline ?? '(answer not readable)',
      reading: answer?.reading?.text,
      figures: (answer?.facts ?? []).map((f) => `${f.label}: ${formatFact(f)}`),
    };
  });
}
