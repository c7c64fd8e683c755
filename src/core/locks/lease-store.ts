// The SQL behind leases in system_locks: one atomic conditional write per step, per engine where they differ.
import type { Warehouse } from '../warehouse/port.ts';

/** A released lease expires at the epoch, so the row stays (BigQuery re-seeding could race) but is free. */
export const RELEASED_AT = '1970-01-01T00:00:00.000Z';

export interface LeaseTimes {
  name: string;
  owner: string;
  now: string;
  expires: string;
}

export interface LeaseStore {
  /** True only for the one caller whose write took the lease. */
  tryAcquire(lease: LeaseTimes): Promise<boolean>;
  /** Moves the expiry of a lease this owner still holds, unexpired. */
  extend(lease: LeaseTimes): Promise<boolean>;
  /** Frees the lease if this owner holds it (and, when given, it is the lease acquired at `acquiredAt`). */
  release(name: string, owner: string, acquiredAt?: string): Promise<boolean>;
}

export function createLeaseStore(warehouse: Warehouse): LeaseStore {
  const d = warehouse.dialect;
  const locks = d.table('system_locks');
  const ts = d.timestampParam;

  // SQLite serialises writers, so one upsert is atomic across processes: it inserts a new lease or
  // overwrites an expired one, and reports one changed row only to the caller that got it.
  const acquireSqlite = async (l: LeaseTimes) =>
    (await warehouse.execute(
      `INSERT INTO ${locks} (lock_name, owner, acquired_at, expires_at) VALUES (@name, @owner, @now, @expires)
       ON CONFLICT (lock_name) DO UPDATE SET owner = excluded.owner, acquired_at = excluded.acquired_at,
         expires_at = excluded.expires_at
       WHERE ${locks}.expires_at < excluded.acquired_at`,
      { ...l },
    )) === 1;

  // BigQuery keeps no primary key and lets INSERTs run side by side, so the row is seeded (expired) and the
  // lease is taken by a conditional UPDATE. Mutating DML on one table conflicts across transactions:
  // BigQuery aborts all but one, and an abort reaches the caller as a `conflict` error (not acquired).
  // The UPDATE touches every row of the name and requires that none is live, so a duplicate seed from
  // two first-time callers cannot yield two holders.
  const acquireBigQuery = (l: LeaseTimes) =>
    warehouse.transaction(async (tx) => {
      await tx.execute(
        `INSERT INTO ${locks} (lock_name, owner, acquired_at, expires_at)
         SELECT @name, '', ${ts('released')}, ${ts('released')} FROM (SELECT 1)
         WHERE NOT EXISTS (SELECT 1 FROM ${locks} WHERE lock_name = @name)`,
        { name: l.name, released: RELEASED_AT },
      );
      const taken = await tx.execute(
        `UPDATE ${locks} SET owner = @owner, acquired_at = ${ts('now')}, expires_at = ${ts('expires')}
         WHERE lock_name = @name
           AND NOT EXISTS (SELECT 1 FROM ${locks} AS live WHERE live.lock_name = @name AND live.expires_at >= ${ts('now')})`,
        { ...l },
      );
      return taken > 0;
    });

  return {
    tryAcquire: warehouse.kind === 'sqlite' ? acquireSqlite : acquireBigQuery,
    async extend(l) {
      const changed = await warehouse.execute(
        `UPDATE ${locks} SET expires_at = ${ts('expires')}
         WHERE lock_name = @name AND owner = @owner AND expires_at >= ${ts('now')}`,
        { ...l },
      );
      return changed > 0;
    },
    async release(name, owner, acquiredAt) {
      const changed = await warehouse.execute(
        `UPDATE ${locks} SET expires_at = ${ts('released')}
         WHERE lock_name = @name AND owner = @owner${acquiredAt ? ` AND acquired_at = ${ts('acquiredAt')}` : ''}`,
        { name, owner, released: RELEASED_AT, ...(acquiredAt ? { acquiredAt } : {}) },
      );
      return changed > 0;
    },
  };
}
