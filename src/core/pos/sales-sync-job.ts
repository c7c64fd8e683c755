// The `sales` sync job: reads Petpooja settings at run time (so PATCHed credentials apply) and syncs new days.
import { type Clock, systemClock } from '../clock.ts';
import type { ConfigValues } from '../config/schema.ts';
import type { SyncJob } from '../locks/sync-jobs.ts';
import type { Scope } from '../model/scope.ts';
import type { Warehouse } from '../warehouse/port.ts';
import { createPetpoojaClient, petpoojaSettings } from './petpooja-client.ts';
import { defaultSince, describeSalesSync, localDate, petpoojaSource, syncSales } from './sync-sales.ts';

export interface SalesSyncJobOptions {
  warehouse: Warehouse;
  config: () => ConfigValues;
  scope: Scope;
  /** The restaurant's time zone (TITAN_TZ): Petpooja business days are local days. */
  timeZone: string;
  clock?: Clock;
  fetch?: typeof fetch;
  /** Fixed start day; by default the last synced day, or a week back on the first sync. */
  since?: string;
}

export function createSalesSyncJob(options: SalesSyncJobOptions): SyncJob {
  const clock = options.clock ?? systemClock;
  const job: SyncJob = async (signal) => {
    const settings = petpoojaSettings(options.config());
    const client = createPetpoojaClient({ ...settings, ...(options.fetch ? { fetch: options.fetch } : {}) });
    const until = localDate(clock, options.timeZone);
    const since =
      options.since ??
      (await defaultSince(options.warehouse, options.scope, petpoojaSource(client.restaurantId), until));
    const result = await syncSales({
      warehouse: options.warehouse,
      client,
      scope: options.scope,
      since,
      until,
      clock,
      signal,
    });
    return describeSalesSync(result);
  };
  job.assertReady = () => void petpoojaSettings(options.config());
  return job;
}
