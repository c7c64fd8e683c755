// Delivered-event dedupe: a repeat is refused, and ids older than a week are swept so chat_events stays small.
import { afterEach, describe, expect, it } from 'vitest';
import { createEventDedupe } from '../../src/bot/event-dedupe.ts';
import type { Warehouse } from '../../src/core/warehouse/port.ts';
import { createSqliteWarehouse } from '../../src/core/warehouse/sqlite.ts';

let warehouse: Warehouse;
afterEach(() => warehouse.close());

describe('event dedupe', () => {
  it('claims an id once, and forgets ids older than a week', async () => {
    warehouse = createSqliteWarehouse({ path: ':memory:' });
    await warehouse.migrate();
    let now = new Date('2026-11-01T08:00:00.000Z');
    const dedupe = createEventDedupe({ warehouse, clock: { now: () => now }, platform: 'slack' });
    const teams = createEventDedupe({ warehouse, clock: { now: () => now }, platform: 'teams' });

    expect(await dedupe.claim('Ev1')).toBe(true);
    expect(await dedupe.claim('Ev1')).toBe(false);
    expect(await teams.claim('Ev1')).toBe(true);

    now = new Date('2026-11-09T08:00:00.000Z');
    expect(await dedupe.claim('Ev2')).toBe(true);
    const ids = await warehouse.query<{ event_id: string }>(
      'SELECT event_id FROM chat_events ORDER BY event_id',
    );
    // Slack's week-old id is gone; Teams sweeps its own ids on its own claims.
    expect(ids.map((r) => r.event_id)).toEqual(['slack:Ev2', 'teams:Ev1']);
  });
});
