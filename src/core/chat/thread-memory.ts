// Writes each question and answer of a thread to chat_memory (the analyst reads the last turns back), and votes on answers.
import { randomUUID } from 'node:crypto';
import type { Answer } from '../model/answer.ts';
import type { Scope } from '../model/scope.ts';
import type { Warehouse } from '../warehouse/port.ts';

export type Vote = 'up' | 'down';

/** What a 👎 can say was wrong, in the order it is asked. */
export const FEEDBACK_REASONS = ['wrong_number', 'other_question', 'too_slow', 'other'] as const;
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

/** Which stored answer turn, in which thread, a vote is about (what feedback buttons carry). */
export interface FeedbackRef {
  turn: string;
  thread: string;
}

export interface Exchange {
  threadId: string;
  scope: Scope;
  userId: string;
  question: string;
  askedAt: Date;
  answer: Answer;
  answeredAt: Date;
}

export interface ThreadMemory {
  /** Stores the user's turn and Titan's turn; returns the answer turn's id (the feedback buttons carry it). */
  recordExchange(exchange: Exchange): Promise<string>;
  /** Stores a vote on an answer turn (a 👎 may say what was wrong); the latest vote of a user counts. */
  recordFeedback(vote: {
    turnId: string;
    threadId: string;
    userId: string;
    vote: Vote;
    reason?: FeedbackReason;
    at: Date;
  }): Promise<void>;
}

export interface ThreadMemoryOptions {
  warehouse: Warehouse;
  newId?: () => string;
}

export function createThreadMemory(options: ThreadMemoryOptions): ThreadMemory {
  const { warehouse } = options;
  const newId = options.newId ?? randomUUID;
  return {
    async recordExchange(x) {
      const turnId = newId();
      const base = { thread_id: x.threadId, org_id: x.scope.orgId, location_id: x.scope.locationId };
      await warehouse.insertRows('chat_memory', [
        {
          ...base,
          turn_id: newId(),
          turn_at: x.askedAt.toISOString(),
          role: 'user',
          user_id: x.userId,
          text: x.question,
          answer_json: null,
        },
        {
          ...base,
          turn_id: turnId,
          turn_at: x.answeredAt.toISOString(),
          role: 'assistant',
          // Which user the answer was for, so follow-ups from different people in one thread stay apart.
          user_id: x.userId,
          text: x.answer.headline,
          answer_json: JSON.stringify(x.answer),
        },
      ]);
      return turnId;
    },
    async recordFeedback(v) {
      await warehouse.insertRows('answer_feedback', [
        {
          turn_id: v.turnId,
          thread_id: v.threadId,
          user_id: v.userId,
          vote: v.vote,
          reason: v.reason ?? null,
          created_at: v.at.toISOString(),
        },
      ]);
    },
  };
}
