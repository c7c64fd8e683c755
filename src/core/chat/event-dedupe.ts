// Remembers which delivered event ids were handled (Slack event ids, Teams activity ids; chat_events table), so a retry never produces a second answer; one conditional insert serves SQLite and BigQuery alike.
import type { Clock } from '../clock.ts';
import type { Warehouse } from '../warehouse/port.ts';

export interface EventDedupe {
  /** True the first time an event id is seen (in this process or any earlier one); false for every repeat. */
  claim(eventId: string): Promise<boolean>;
}

/** Platforms retry for minutes, not days: ids older than this can go. */
const KEEP_MS = 7 * 24 * 60 * 60 * 1000;
/** How often one process sweeps old ids (on a claim, never on a timer). */
const SWEEP_EVERY_MS = 60 * 60 * 1000;

export function createEventDedupe(options: {
  warehouse: Warehouse;
  clock: Clock;
  platform: string;
}): EventDedupe {
  const { warehouse, clock, platform } = options;
  // Retries can arrive while the first delivery is still being claimed; the set closes that window in-process.
  const inFlight = new Set<string>();
  const table = warehouse.dialect.table('chat_events');
  const ts = warehouse.dialect.timestampParam;
  let sweptAt = Number.NEGATIVE_INFINITY;

  /** Keeps chat_events from growing for ever; a failed sweep is retried at the next one. */
  async function sweep(now: number): Promise<void> {
    if (now - sweptAt < SWEEP_EVERY_MS) return;
    sweptAt = now;
    await warehouse.execute(
      `DELETE FROM ${table} WHERE platform = @platform AND received_at < ${ts('before')}`,
      { platform, before: new Date(now - KEEP_MS).toISOString() },
    );
  }

  return {
    async claim(eventId) {
      const key = `${platform}:${eventId}`;
      if (inFlight.has(key)) return false;
      // Held before the first await, or a retry arriving during the sweep would slip past the check.
      inFlight.add(key);
      try {
        await sweep(clock.now().getTime());
        // One conditional insert, not a read then a write in a transaction: BigQuery aborts transactions
        // that overlap on a table, so a burst of distinct events would fail, while DML outside one queues.
        const inserted = await warehouse.execute(
          `INSERT INTO ${table} (event_id, platform, received_at)
           SELECT @id, @platform, ${ts('at')} FROM (SELECT 1)
           WHERE NOT EXISTS (SELECT 1 FROM ${table} WHERE event_id = @id)`,
          { id: key, platform, at: clock.now().toISOString() },
        );
        return inserted === 1;
      } finally {
        inFlight.delete(key);
      }
    },
  };
}
