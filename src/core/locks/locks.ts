// Named leases on the warehouse: at most one holder per name, expiring after a TTL if the holder dies.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { type Clock, systemClock } from '../clock.ts';
import { TitanError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Warehouse } from '../warehouse/port.ts';
import { createLeaseStore } from './lease-store.ts';

/** A held lease. Its methods act only on this very lease, never on a later one of the same owner. */
export interface Lease {
  readonly name: string;
  readonly owner: string;
  readonly acquiredAt: string;
  /** Pushes the expiry to now + ttlMs; false if the lease was lost (expired or taken over). */
  heartbeat(ttlMs: number): Promise<boolean>;
  /** Frees the lease; false if it was no longer ours. */
  release(): Promise<boolean>;
}

export type LockOutcome<T> = { acquired: true; value: T } | { acquired: false };

export interface Locks {
  /** Who this instance acquires as: host, process and a random suffix. */
  readonly owner: string;
  /** Takes the lease if nobody holds it unexpired; null if someone does. */
  acquire(name: string, ttlMs: number): Promise<Lease | null>;
  /** Frees `name` if this owner holds it; a non-owner gets false and changes nothing. */
  release(name: string): Promise<boolean>;
  /**
   * Runs `fn` holding the lease, heartbeating every ttl/3 and releasing in `finally`. If a heartbeat finds
   * the lease lost, `signal` aborts so the job can stop. Without the lease, `fn` does not run.
   */
  withLock<T>(name: string, ttlMs: number, fn: (signal: AbortSignal) => Promise<T>): Promise<LockOutcome<T>>;
}

export interface LocksOptions {
  warehouse: Warehouse;
  clock?: Clock;
  owner?: string;
  logger?: Logger;
}

export function createLocks(options: LocksOptions): Locks {
  const clock = options.clock ?? systemClock;
  const owner = options.owner ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const store = createLeaseStore(options.warehouse);
  const times = (name: string, ttlMs: number) => {
    if (!Number.isFinite(ttlMs) || ttlMs <= 0) {
      throw new TitanError('internal', `A lock TTL must be a positive number of milliseconds, got ${ttlMs}.`);
    }
    const now = clock.now().getTime();
    return { name, owner, now: new Date(now).toISOString(), expires: new Date(now + ttlMs).toISOString() };
  };

  async function acquire(name: string, ttlMs: number): Promise<Lease | null> {
    const t = times(name, ttlMs);
    let won: boolean;
    try {
      won = await store.tryAcquire(t);
    } catch (err) {
      // BigQuery aborts one of two transactions racing for the same rows: the loser simply did not get it.
      if (err instanceof TitanError && err.code === 'conflict') return null;
      throw err;
    }
    if (!won) return null;
    return {
      name,
      owner,
      acquiredAt: t.now,
      heartbeat: (ttl) => store.extend(times(name, ttl)),
      release: () => store.release(name, owner, t.now),
    };
  }

  async function withLock<T>(
    name: string,
    ttlMs: number,
    fn: (signal: AbortSignal) => Promise<T>,
  ): Promise<LockOutcome<T>> {
    const lease = await acquire(name, ttlMs);
    if (!lease) return { acquired: false };
    const lost = new AbortController();
    let finished = false;
    const beat = setInterval(
      () => {
        lease.heartbeat(ttlMs).then(
          (held) => {
            if (held || finished || lost.signal.aborted) return;
            options.logger?.warn({ lock: name }, 'lock lease lost; asking the job to stop');
            lost.abort(new TitanError('lock.busy', `The lease on "${name}" expired or was taken over.`));
          },
          // A failed heartbeat is retried at the next beat; if the lease lapses meanwhile, that one says so.
          (err: unknown) => options.logger?.warn({ lock: name, err }, 'lock heartbeat failed'),
        );
      },
      Math.max(10, Math.floor(ttlMs / 3)),
    );
    try {
      return { acquired: true, value: await fn(lost.signal) };
    } finally {
      finished = true;
      clearInterval(beat);
      // If the release cannot be written, the lease still lapses after its TTL; the job's outcome stands.
      await lease
        .release()
        .catch((err: unknown) => options.logger?.warn({ lock: name, err }, 'lock release failed'));
    }
  }

  return {
    owner,
    acquire,
    release: (name) => store.release(name, owner),
    withLock,
  };
}
