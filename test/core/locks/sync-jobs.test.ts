// runSync: a named job runs under `sync_<name>`; a second caller is skipped; an unregistered name says so.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createLocks } from '../../../src/core/locks/locks.ts';
import { runSync } from '../../../src/core/locks/sync-jobs.ts';
import type { Warehouse } from '../../../src/core/warehouse/port.ts';
import { createSqliteWarehouse } from '../../../src/core/warehouse/sqlite.ts';

let warehouse: Warehouse;
beforeEach(async () => {
  warehouse = createSqliteWarehouse({ path: ':memory:' });
  await warehouse.migrate();
});
afterEach(() => warehouse.close());

it('runs the job under its lock and skips a second run while the first holds it', async () => {
  const first = createLocks({ warehouse, owner: 'first' });
  const second = createLocks({ warehouse, owner: 'second' });
  const started: string[] = [];
  let inner: unknown;
  const outcome = await runSync(
    first,
    {
      sales: async () => {
        inner = await runSync(second, { sales: async () => 'never' }, 'sales', {
          onStart: () => started.push('second'),
        });
        return 'Petpooja: 3 orders';
      },
    },
    'sales',
    { onStart: () => started.push('first') },
  );
  expect(outcome).toEqual({ status: 'done', message: 'Petpooja: 3 orders' });
  expect(inner).toEqual({ status: 'skipped', message: 'Skipped - another process is already syncing sales' });
  expect(started).toEqual(['first']);
  const locks = await warehouse.query<{ lock_name: string }>('SELECT lock_name FROM system_locks');
  expect(locks).toEqual([{ lock_name: 'sync_sales' }]);
});

it('says a name without a registered job is not available yet', async () => {
  const locks = createLocks({ warehouse });
  await expect(runSync(locks, { sales: async () => 'ok' }, 'expenses')).rejects.toMatchObject({
    code: 'not_found',
    message: 'Syncing expenses is not available yet in this build; only sales can be synced.',
  });
});

it('checks a job is ready before taking its lock', async () => {
  const locks = createLocks({ warehouse });
  const job = Object.assign(async () => 'ran', {
    assertReady: () => {
      throw new Error('Petpooja is not configured');
    },
  });
  await expect(runSync(locks, { sales: job }, 'sales')).rejects.toThrow('Petpooja is not configured');
  expect(await warehouse.query('SELECT lock_name FROM system_locks')).toEqual([]);
});
