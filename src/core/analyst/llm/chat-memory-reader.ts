// Reads a thread's last turns back from chat_memory, oldest first, for the model's context (as data).
import type { Warehouse } from '../../warehouse/port.ts';
import type { ThreadMemoryReader } from './llm-analyst.ts';
import type { ThreadTurn } from './persona.ts';

/** Long answers are cut: the model needs the gist of a turn, not every line of it again. */
const MAX_TURN_CHARS = 500;

export function createChatMemoryReader(options: { warehouse: Warehouse }): ThreadMemoryReader {
  const { warehouse } = options;
  return {
    async recent(threadId, limit) {
      const rows = await warehouse.query<{ role: string; text: string }>(
        `SELECT role, text FROM ${warehouse.dialect.table('chat_memory')}
         WHERE thread_id = @thread ORDER BY turn_at DESC LIMIT ${Math.max(1, Math.floor(limit))}`,
        { thread: threadId },
      );
      return rows.reverse().map(
        (r): ThreadTurn => ({
          role: r.role === 'user' ? 'user' : 'assistant',
          text: r.text.slice(0, MAX_TURN_CHARS),
        }),
      );
    },
  };
}
