// The event dedupe contract: the same cases on every warehouse engine — a repeat is refused, and ids older than a week are swept.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEventDedupe } from '../../../src/core/chat/event-dedupe.ts';
import type { Clock } from '../../../src/core/clock.ts';
import type { Warehouse } from '../../../src/core/warehouse/port.ts';

/** One backing store; `open` gives another independent connection/client to it, like another process. */
export interface DedupeStoreUnderTest {
  open(): Warehouse;
  dispose(): Promise<void>;
}

export function eventDedupeContract(name: string, create: () => Promise<DedupeStoreUnderTest>): void {
  describe(`Event dedupe contract: ${name}`, () => {
    let store: DedupeStoreUnderTest;
    let now: Date;
    const clock: Clock = { now: () => now };
    const opened: Warehouse[] = [];
    const open = () => {
      const warehouse = store.open();
      opened.push(warehouse);
      return warehouse;
    };
    const storedIds = async () =>
      (
        await (opened[0] as Warehouse).query<{ event_id: string }>(
          `SELECT event_id FROM ${(opened[0] as Warehouse).dialect.table('chat_events')} ORDER BY event_id`,
        )
      ).map((r) => r.event_id);

    beforeEach(async () => {
      now = new Date('2026-11-01T08:00:00.000Z');
      store = await create();
      await open().migrate();
    });
    afterEach(async () => {
      for (const w of opened.splice(0)) await w.close();
      await store.dispose();
    });

    it('claims an id once; the same id on another platform is its own', async () => {
      const warehouse = opened[0] as Warehouse;
      const slack = createEventDedupe({ warehouse, clock, platform: 'slack' });
      const teams = createEventDedupe({ warehouse, clock, platform: 'teams' });
      expect(await slack.claim('Ev1')).toBe(true);
      expect(await slack.claim('Ev1')).toBe(false);
      expect(await teams.claim('Ev1')).toBe(true);
    });

    it('refuses a retry that arrives while the first delivery is still being claimed', async () => {
      const slack = createEventDedupe({ warehouse: opened[0] as Warehouse, clock, platform: 'slack' });
      const claims = await Promise.all([slack.claim('Ev1'), slack.claim('Ev1'), slack.claim('Ev1')]);
      expect(claims.filter(Boolean)).toHaveLength(1);
    });

    it('claims a burst of distinct events arriving at once, from both platforms', async () => {
      const warehouse = opened[0] as Warehouse;
      const slack = createEventDedupe({ warehouse, clock, platform: 'slack' });
      const teams = createEventDedupe({ warehouse, clock, platform: 'teams' });
      const claims = await Promise.all([
        ...['Ev1', 'Ev2', 'Ev3'].map((id) => slack.claim(id)),
        ...['Ev1', 'Ev2'].map((id) => teams.claim(id)),
      ]);
      expect(claims).toEqual([true, true, true, true, true]);
      expect(await storedIds()).toEqual(['slack:Ev1', 'slack:Ev2', 'slack:Ev3', 'teams:Ev1', 'teams:Ev2']);
    });

    it('remembers an id claimed by an earlier process', async () => {
      expect(await createEventDedupe({ warehouse: open(), clock, platform: 'slack' }).claim('Ev1')).toBe(
        true,
      );
      expect(await createEventDedupe({ warehouse: open(), clock, platform: 'slack' }).claim('Ev1')).toBe(
        false,
      );
    });

    it('forgets ids older than a week, each platform sweeping its own on its own claims', async () => {
      const warehouse = opened[0] as Warehouse;
      const slack = createEventDedupe({ warehouse, clock, platform: 'slack' });
      const teams = createEventDedupe({ warehouse, clock, platform: 'teams' });
      await slack.claim('Ev1');
      await teams.claim('Ev1');
      now = new Date('2026-11-09T08:00:00.000Z');
      expect(await slack.claim('Ev2')).toBe(true);
      expect(await storedIds()).toEqual(['slack:Ev2', 'teams:Ev1']);
    });
  });
}
