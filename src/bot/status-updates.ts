// Progress lines from the analyst become edits of one status display: one edit in flight at a time, always ending on the newest.
import type { Logger } from '../core/logger.ts';

export interface StatusUpdates {
  /** Shows the line; lines arriving while an edit is in flight collapse into the newest. */
  update(line: string): void;
  /** Waits for the edit in flight and drops the rest, so the final answer is never overwritten by a late status. */
  settle(): Promise<void>;
}

/** `send` shows one line (Slack setStatus or a message edit, a Teams card edit). */
export function createStatusUpdates(send: (line: string) => Promise<unknown>, logger: Logger): StatusUpdates {
  let pending: string | undefined;
  let running: Promise<void> | undefined;
  let closed = false;

  const pump = async (): Promise<void> => {
    while (pending !== undefined && !closed) {
      const line = pending;
      pending = undefined;
      try {
        await send(line);
      } catch (err) {
        // A lost progress line is not worth failing the answer over; the log keeps it visible.
        logger.warn({ err }, 'status update failed');
      }
    }
    running = undefined;
  };

  return {
    update(line) {
      if (closed) return;
      pending = line;
      running ??= pump();
    },
    async settle() {
      closed = true;
      await running;
    },
  };
}
