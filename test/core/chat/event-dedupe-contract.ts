// The event dedupe contract: the same cases on every warehouse engine — a repeat is refused, ids older than a week are
// swept after the claims, and a failed sweep costs no claim.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEventDedupe, type EventDedupe } from '../../../src/core/chat/event-dedupe.ts';
import type { Clock } from '../../../src/core/clock.ts';
import { createLogger } from '../../../src/core/logger.ts';
import type { WarehouseUnderTest } from '../warehouse/contract.ts';

/** An engine whose warehouse can be made to refuse deletes from chat_events, as a revoked permission would. */
export interface DedupeStoreUnderTest extends WarehouseUnderTest {
  refuseDeletes(): Promise<void>;
}

export function eventDedupeContract(name: string, create: () => Promise<DedupeStoreUnderTest>): void {
  describe(`Event dedupe contract: ${name}`, () => {
    let store: DedupeStoreUnderTest;
    let now: Date;
    let logs: string[];
    const clock: Clock = { now: () => now };
    const logger = createLogger({
      level: 'warn',
      secrets: () => [],
      destination: { write: (line) => logs.push(line) },
    });
    /** A dedupe holds no state but the warehouse's and its own in-flight ids, so a new one is a new process. */
    const process = (platform: 'slack' | 'teams'): EventDedupe =>
      createEventDedupe({ warehouse: store.warehouse, clock, platform, logger });
    const storedIds = async () =>
      (
        await store.warehouse.query<{ event_id: string }>(
          `SELECT event_id FROM ${store.warehouse.dialect.table('chat_events')} ORDER BY event_id`,
        )
      ).map((r) => r.event_id);

    beforeEach(async () => {
      now = new Date('2026-11-01T08:00:00.000Z');
      logs = [];
      store = await create();
      await store.warehouse.migrate();
    });
    afterEach(() => store.dispose());

    it('claims an id once; the same id on another platform is its own', async () => {
      const slack = process('slack');
      expect(await slack.claim('Ev1')).toBe(true);
      expect(await slack.claim('Ev1')).toBe(false);
      expect(await process('teams').claim('Ev1')).toBe(true);
    });

    it('remembers an id claimed by an earlier process', async () => {
      expect(await process('slack').claim('Ev1')).toBe(true);
      expect(await process('slack').claim('Ev1')).toBe(false);
    });

    it('refuses a retry that arrives while the first delivery is still being claimed', async () => {
      const slack = process('slack');
      const claims = await Promise.all([slack.claim('Ev1'), slack.claim('Ev1'), slack.claim('Ev1')]);
      expect(claims.filter(Boolean)).toHaveLength(1);
    });

    it('claims a burst of distinct events arriving at once, from both platforms', async () => {
      const [slack, teams] = [process('slack'), process('teams')];
      const claims = await Promise.all([
        ...['Ev1', 'Ev2', 'Ev3'].map((id) => slack.claim(id)),
        ...['Ev1', 'Ev2'].map((id) => teams.claim(id)),
      ]);
      expect(claims).toEqual([true, true, true, true, true]);
      await Promise.all([slack.idle(), teams.idle()]);
      expect(await storedIds()).toEqual(['slack:Ev1', 'slack:Ev2', 'slack:Ev3', 'teams:Ev1', 'teams:Ev2']);
    });

    it('forgets ids older than a week, each platform sweeping its own after its own claims', async () => {
      const [slack, teams] = [process('slack'), process('teams')];
      await slack.claim('Ev1');
      await teams.claim('Ev1');
      now = new Date('2026-11-09T08:00:00.000Z');
      expect(await slack.claim('Ev2')).toBe(true);
      await slack.idle();
      expect(await storedIds()).toEqual(['slack:Ev2', 'teams:Ev1']);
    });

    it('claims and refuses as ever when the sweep fails, and logs the failure', async () => {
      const slack = process('slack');
      await slack.claim('Ev0');
      now = new Date('2026-11-09T08:00:00.000Z');
      await store.refuseDeletes();
      expect(await slack.claim('Ev1')).toBe(true);
      await slack.idle();
      expect(logs.join('')).toContain('old chat event ids not swept');
      expect(await slack.claim('Ev1')).toBe(false);
      expect(await process('slack').claim('Ev1')).toBe(false);
      expect(await slack.claim('Ev2')).toBe(true);
      // Nothing was swept: the week-old id is still there beside the new ones.
      expect(await storedIds()).toEqual(['slack:Ev0', 'slack:Ev1', 'slack:Ev2']);
    });
  });
}
