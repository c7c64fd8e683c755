// The lock contract: the same cases on every warehouse engine, with a fake clock for expiry.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Clock } from '../../../src/core/clock.ts';
import { createLocks, type Locks } from '../../../src/core/locks/locks.ts';
import type { Warehouse } from '../../../src/core/warehouse/port.ts';

/** One backing store; `open` gives another independent connection/client to it, like another process. */
export interface LockStoreUnderTest {
  open(): Warehouse;
  dispose(): Promise<void>;
}

const T0 = Date.parse('2026-11-01T09:00:00.000Z');

export function locksContract(name: string, create: () => Promise<LockStoreUnderTest>): void {
  describe(`Locks contract: ${name}`, () => {
    let store: LockStoreUnderTest;
    let now: number;
    const clock: Clock = { now: () => new Date(now) };
    const opened: Warehouse[] = [];
    const process = (owner: string): Locks => {
      const warehouse = store.open();
      opened.push(warehouse);
      return createLocks({ warehouse, clock, owner });
    };
    const holder = async () => {
      const w = opened[0] as Warehouse;
      const rows = await w.query<{ owner: string }>(
        `SELECT owner FROM ${w.dialect.table('system_locks')} WHERE lock_name = @name AND expires_at >= ${w.dialect.timestampParam('now')}`,
        { name: 'nightly', now: new Date(now).toISOString() },
      );
      return rows.map((r) => r.owner);
    };

    beforeEach(async () => {
      now = T0;
      store = await create();
      const first = store.open();
      opened.push(first);
      await first.migrate();
    });
    afterEach(async () => {
      for (const w of opened.splice(0)) await w.close();
      await store.dispose();
    });

    it('gives the lease to one caller; the next one gets null while it lives', async () => {
      const a = process('a');
      const b = process('b');
      expect(await a.acquire('nightly', 60_000)).toMatchObject({ name: 'nightly', owner: 'a' });
      expect(await b.acquire('nightly', 60_000)).toBeNull();
      expect(await a.acquire('nightly', 60_000)).toBeNull();
      expect(await holder()).toEqual(['a']);
    });

    it('lets exactly one of many simultaneous callers win', async () => {
      const contenders = Array.from({ length: 8 }, (_, i) => process(`p${i}`));
      const leases = await Promise.all(contenders.map((l) => l.acquire('nightly', 60_000)));
      const winners = leases.filter((l) => l !== null);
      expect(winners).toHaveLength(1);
      expect(await holder()).toEqual([winners[0]?.owner]);
    });

    it('hands an expired lease to the next caller; the old holder can neither extend nor release it', async () => {
      const a = process('a');
      const b = process('b');
      const old = await a.acquire('nightly', 1_000);
      now = T0 + 999;
      expect(await b.acquire('nightly', 1_000)).toBeNull();
      now = T0 + 1_001;
      expect(await b.acquire('nightly', 1_000)).toMatchObject({ owner: 'b' });
      expect(await old?.heartbeat(1_000)).toBe(false);
      expect(await old?.release()).toBe(false);
      expect(await holder()).toEqual(['b']);
    });

    it('lets only the owner release', async () => {
      const a = process('a');
      const b = process('b');
      const lease = await a.acquire('nightly', 60_000);
      expect(await b.release('nightly')).toBe(false);
      expect(await b.acquire('nightly', 60_000)).toBeNull();
      expect(await lease?.release()).toBe(true);
      expect(await b.acquire('nightly', 60_000)).toMatchObject({ owner: 'b' });
    });

    it('extends a lease on heartbeat', async () => {
      const a = process('a');
      const b = process('b');
      const lease = await a.acquire('nightly', 1_000);
      now = T0 + 800;
      expect(await lease?.heartbeat(1_000)).toBe(true);
      now = T0 + 1_500;
      expect(await b.acquire('nightly', 1_000)).toBeNull();
      now = T0 + 1_801;
      expect(await b.acquire('nightly', 1_000)).not.toBeNull();
    });

    it('never lets a stale lease object release a newer lease of the same owner', async () => {
      const a = process('a');
      const first = await a.acquire('nightly', 60_000);
      await first?.release();
      now = T0 + 5;
      const second = await a.acquire('nightly', 60_000);
      expect(await first?.release()).toBe(false);
      expect(await holder()).toEqual(['a']);
      expect(await second?.release()).toBe(true);
    });

    it('withLock runs the job holding the lease and releases it afterwards, even when the job throws', async () => {
      const a = process('a');
      const b = process('b');
      const outcome = await a.withLock('nightly', 60_000, async () => {
        expect(await b.acquire('nightly', 60_000)).toBeNull();
        return 'synced 12 orders';
      });
      expect(outcome).toEqual({ acquired: true, value: 'synced 12 orders' });
      const boom = new Error('POS down');
      await expect(a.withLock('nightly', 60_000, () => Promise.reject(boom))).rejects.toBe(boom);
      expect(await holder()).toEqual([]);
    });

    it('withLock does not run the job when someone else holds the lease', async () => {
      const a = process('a');
      const b = process('b');
      await a.acquire('nightly', 60_000);
      const job = vi.fn(async () => 'ran');
      expect(await b.withLock('nightly', 60_000, job)).toEqual({ acquired: false });
      expect(job).not.toHaveBeenCalled();
    });

    it('withLock heartbeats while the job runs, so the lease outlives its first TTL', async () => {
      const a = process('a');
      const b = process('b');
      const ttl = 90;
      await a.withLock('nightly', ttl, async () => {
        now = T0 + 60;
        const w = opened[0] as Warehouse;
        const expiry = async () =>
          (await w.query<{ e: string }>(`SELECT expires_at AS e FROM ${w.dialect.table('system_locks')}`))[0]
            ?.e;
        await vi.waitFor(async () => expect(await expiry()).toBe(new Date(T0 + 60 + ttl).toISOString()), {
          timeout: 5_000,
        });
        now = T0 + ttl + 10;
        expect(await b.acquire('nightly', ttl)).toBeNull();
      });
    });

    it('withLock aborts the job signal when the lease is taken over', async () => {
      const a = process('a');
      const b = process('b');
      const outcome = await a.withLock('nightly', 90, async (signal) => {
        now = T0 + 1_000;
        expect(await b.acquire('nightly', 60_000)).not.toBeNull();
        await vi.waitFor(() => expect(signal.aborted).toBe(true), { timeout: 5_000 });
        return 'stopped';
      });
      expect(outcome).toEqual({ acquired: true, value: 'stopped' });
      expect(await holder()).toEqual(['b']);
    });
  });
}
