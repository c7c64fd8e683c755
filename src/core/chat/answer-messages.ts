// Remembers which Teams message showed which answer turn (teams_answer_messages): Teams' feedback buttons name only the message.
import type { Clock } from '../clock.ts';
import type { Warehouse } from '../warehouse/port.ts';
import type { FeedbackRef } from './thread-memory.ts';

/** Conversation ids arrive as the door keys them: the door strips any per-thread suffix first. */
export interface AnswerMessageStore {
  /** Stores that `activityId` in `conversationId` shows the answer `ref` points at. */
  remember(conversationId: string, activityId: string, ref: FeedbackRef): Promise<void>;
  /** The answer a message showed, or undefined when it is not one of Titan's answers. */
  find(conversationId: string, activityId: string): Promise<FeedbackRef | undefined>;
}

export function createAnswerMessageStore(options: {
  warehouse: Warehouse;
  clock: Clock;
}): AnswerMessageStore {
  const { warehouse, clock } = options;
  const table = warehouse.dialect.table('teams_answer_messages');
  return {
    async remember(conversationId, activityId, ref) {
      await warehouse.insertRows('teams_answer_messages', [
        {
          conversation_id: conversationId,
          activity_id: activityId,
          turn_id: ref.turn,
          thread_id: ref.thread,
          posted_at: clock.now().toISOString(),
        },
      ]);
    },
    async find(conversationId, activityId) {
      const [row] = await warehouse.query<{ turn_id: string; thread_id: string }>(
        `SELECT turn_id, thread_id FROM ${table} WHERE conversation_id = @conversation AND activity_id = @activity`,
        { conversation: conversationId, activity: activityId },
      );
      return row ? { turn: row.turn_id, thread: row.thread_id } : undefined;
    },
  };
}
