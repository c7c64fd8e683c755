// First start: seed the demo café into a warehouse that holds no business data yet, and never otherwise.
import type { Clock } from '../../clock.ts';
import { DEFAULT_SCOPE } from '../../model/scope.ts';
import type { Warehouse } from '../../warehouse/port.ts';
import { CATEGORY_TABLE } from '../../warehouse/tables.ts';
import { dateInZone } from '../calendar.ts';
import { type DemoSummary, generateDemo } from './generate-demo.ts';

async function hasBusinessRows(warehouse: Warehouse): Promise<boolean> {
  for (const table of Object.values(CATEGORY_TABLE)) {
    const rows = await warehouse.query(`SELECT 1 AS found FROM ${warehouse.dialect.table(table)} LIMIT 1`);
    if (rows.length > 0) return true;
  }
  return false;
}

/** Returns what was seeded, or null when the warehouse already had data (the owner's or an earlier demo). */
export async function seedDemoIfEmpty(options: {
  warehouse: Warehouse;
  clock: Clock;
  tz: string;
}): Promise<DemoSummary | null> {
  if (await hasBusinessRows(options.warehouse)) return null;
  return generateDemo({
    warehouse: options.warehouse,
    scope: DEFAULT_SCOPE,
    endDate: dateInZone(options.clock.now(), options.tz),
    now: () => options.clock.now(),
  });
}
