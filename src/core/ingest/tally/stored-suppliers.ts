// The suppliers whose purchases a site already holds (loaded from earlier files): a Tally Payment to one settles them.
import type { Scope } from '../../model/scope.ts';
import type { Warehouse } from '../../warehouse/port.ts';
import { CATEGORY_TABLE } from '../../warehouse/tables.ts';
import { ledgerKey } from './voucher-lines.ts';

/** The vendors stored in a scope's purchases, as ledgerKey writes them (distinct names only). */
export type StoredSuppliers = (scope: Scope) => Promise<ReadonlySet<string>>;

/** Reads a scope's stored purchase vendors from the warehouse, one DISTINCT query per file that asks. */
export function createStoredSuppliers(warehouse: Warehouse): StoredSuppliers {
  return async (scope) => {
    const rows = await warehouse.query<{ vendor: unknown }>(
      `SELECT DISTINCT vendor FROM ${warehouse.dialect.table(CATEGORY_TABLE.purchases)}
         WHERE org_id = @org_id AND location_id = @location_id AND vendor IS NOT NULL`,
      { org_id: scope.orgId, location_id: scope.locationId },
    );
    const keys = new Set<string>();
    for (const { vendor } of rows) {
      const key = ledgerKey(String(vendor));
      if (key !== '') keys.add(key);
    }
    return keys;
  };
}
