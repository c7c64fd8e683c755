// Progress lines from the analyst become edits of one status card: one edit in flight at a time, always ending on the newest.
import type { Logger } from '../../core/logger.ts';

export interface StatusUpdates {
  /** Queues the line; lines arriving while an edit is in flight collapse into the newest. */
  push(line: string): void;
  /** Waits for the edit in flight and drops the rest, so the final answer is never overwritten by a late status. */
  close(): Promise<void>;
}

export function createStatusUpdates(edit: (line: string) => Promise<void>, logger: Logger): StatusUpdates {
  let newest: string | undefined;
  let tail: Promise<void> = Promise.resolve();
  let scheduled = false;
  let closed = false;

  const flush = async (): Promise<void> => {
    scheduled = false;
    const line = newest;
    newest = undefined;
    if (closed || line === undefined) return;
    // A lost progress line is not worth failing the answer over.
    await edit(line).catch((err: unknown) => logger.warn({ err }, 'teams status update failed'));
  };

  return {
    push(line) {
      if (closed) return;
      newest = line;
      if (scheduled) return;
      scheduled = true;
      tail = tail.then(flush);
    },
    async close() {
      closed = true;
      await tail;
    },
  };
}
