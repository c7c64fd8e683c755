// Remembers which delivered event ids were handled (Slack event ids, Teams activity ids; chat_events table), so a retry never produces a second answer; one conditional insert serves SQLite and BigQuery alike.
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import type { Warehouse } from '../warehouse/port.ts';

export interface EventDedupe {
  /** True the first time an event id is seen (in this process or any earlier one); false for every repeat. */
  claim(eventId: string): Promise<boolean>;
  /** Resolves once the sweep of old ids a claim started has finished (tests, graceful shutdown). */
  idle(): Promise<void>;
}

/** Platforms retry for minutes, not days: ids older than this can go. */
const KEEP_MS = 7 * 24 * 60 * 60 * 1000;
/** How often one process sweeps old ids (after a claim, never on a timer). */
const SWEEP_EVERY_MS = 60 * 60 * 1000;

export function createEventDedupe(options: {
  warehouse: Warehouse;
  clock: Clock;
  platform: string;
  logger: Logger;
}): EventDedupe {
  const { warehouse, clock, platform, logger } = options;
  // Retries can arrive while the first delivery is still being claimed; the set closes that window in-process.
  const inFlight = new Set<string>();
  const table = warehouse.dialect.table('chat_events');
  const ts = warehouse.dialect.timestampParam;
  let sweptAt = Number.NEGATIVE_INFINITY;
  let sweeping: Promise<void> = Promise.resolve();

  /**
   * Keeps chat_events from growing for ever. It runs beside the claims, never before one: a claim neither waits
   * for it nor fails with it: a failed sweep is logged and left to the next one, and no event is lost.
   */
  function sweep(now: number): void {
    if (now - sweptAt < SWEEP_EVERY_MS) return;
    sweptAt = now;
    sweeping = warehouse
      .execute(`DELETE FROM ${table} WHERE platform = @platform AND received_at < ${ts('before')}`, {
        platform,
        before: new Date(now - KEEP_MS).toISOString(),
      })
      .then(
        () => {},
        (err: unknown) => {
          logger.warn({ err, platform }, 'old chat event ids not swept; the next sweep tries again');
        },
      );
  }

  return {
    async claim(eventId) {
      const key = `${platform}:${eventId}`;
      if (inFlight.has(key)) return false;
      // Held before the first await, or a retry arriving during the insert would slip past the check.
      inFlight.add(key);
      try {
        const now = clock.now();
        // One conditional insert, not a read then a write in a transaction: BigQuery aborts transactions
        // that overlap on a table, so a burst of distinct events would fail, while DML outside one queues.
        const inserted = await warehouse.execute(
          `INSERT INTO ${table} (event_id, platform, received_at)
           SELECT @id, @platform, ${ts('at')} FROM (SELECT 1)
           WHERE NOT EXISTS (SELECT 1 FROM ${table} WHERE event_id = @id)`,
          { id: key, platform, at: now.toISOString() },
        );
        sweep(now.getTime());
        return inserted === 1;
      } finally {
        inFlight.delete(key);
      }
    },
    idle: () => sweeping,
  };
}
