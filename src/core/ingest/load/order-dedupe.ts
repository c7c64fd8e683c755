// Overlapping exports: a sales row whose order line (date, order id, item, qty, amount) is already stored is skipped.
import type { Scope } from '../../model/scope.ts';
import type { Dialect, SqlParams, SqlValue, WarehouseTx } from '../../warehouse/port.ts';
import { FIELD_SEP } from './row-text.ts';

/** Order ids bound per lookup: well under SQLite's 32,766 variables and BigQuery's parameter limits. */
const IDS_PER_QUERY = 1_000;

/** The natural key's columns; date is in it because a POS may restart bill numbers every day. */
const KEY_COLUMNS = ['date', 'order_id', 'item', 'qty', 'amount'] as const;

export interface OrderDedupe {
  /**
   * A batch's flat row values (`columns` order) without the rows whose key is already stored for the scope,
   * and how many were dropped. Identical lines within the batch or this file are kept: only rows stored
   * before this load count.
   */
  filter(tx: WarehouseTx, values: SqlValue[]): Promise<{ values: SqlValue[]; duplicates: number }>;
}

export interface OrderDedupeOptions {
  dialect: Dialect;
  table: string;
  scope: Scope;
  /** The order of every row's values. */
  columns: readonly string[];
  /** This load's lineage: its own rows, already inserted in the open transaction, are not "stored before". */
  fileName: string;
  ingestedAt: string;
}

const keyOf = (parts: readonly SqlValue[]): string =>
  parts.map((v) => (v === null ? '' : String(v))).join(FIELD_SEP);

/** A dedupe for a table with an order_id column, or undefined (expenses, purchases and inventory have none). */
export function createOrderDedupe(o: OrderDedupeOptions): OrderDedupe | undefined {
  const at = KEY_COLUMNS.map((c) => o.columns.indexOf(c));
  if (at.some((i) => i < 0)) return undefined;
  const orderAt = at[1] as number;
  const width = o.columns.length;
  const table = o.dialect.table(o.table);

  /** Keys already stored, before this load, for the given order ids. */
  async function storedKeys(tx: WarehouseTx, ids: readonly string[]): Promise<Set<string>> {
    const keys = new Set<string>();
    for (let from = 0; from < ids.length; from += IDS_PER_QUERY) {
      const chunk = ids.slice(from, from + IDS_PER_QUERY);
      const params: SqlParams = {
        org_id: o.scope.orgId,
        location_id: o.scope.locationId,
        file: o.fileName,
        at: o.ingestedAt,
      };
      chunk.forEach((id, i) => {
        params[`o${i}`] = id;
      });
      // With the (org_id, location_id, order_id) index, a fresh file's orders cost one index probe each.
      const rows = await tx.query<Record<(typeof KEY_COLUMNS)[number], SqlValue>>(
        `SELECT date, order_id, item, qty, amount FROM ${table}
           WHERE org_id = @org_id AND location_id = @location_id
             AND order_id IN (${chunk.map((_, i) => `@o${i}`).join(', ')})
             AND NOT (_source_file = @file AND _ingested_at = ${o.dialect.timestampParam('at')})`,
        params,
      );
      for (const r of rows) keys.add(keyOf(KEY_COLUMNS.map((c) => r[c])));
    }
    return keys;
  }

  // A scope with no order stored before this load (a first import, the bench's fresh warehouse) has nothing to
  // match: one probe per load then spares every batch its lookup.
  let anyStored: Promise<boolean> | undefined;
  const ordersStoredBefore = (tx: WarehouseTx): Promise<boolean> => {
    anyStored ??= tx
      .query(
        `SELECT 1 AS present FROM ${table}
           WHERE org_id = @org_id AND location_id = @location_id AND order_id IS NOT NULL
             AND NOT (_source_file = @file AND _ingested_at = ${o.dialect.timestampParam('at')})
           LIMIT 1`,
        { org_id: o.scope.orgId, location_id: o.scope.locationId, file: o.fileName, at: o.ingestedAt },
      )
      .then((rows) => rows.length > 0);
    return anyStored;
  };

  return {
    async filter(tx, values) {
      if (!(await ordersStoredBefore(tx))) return { values, duplicates: 0 };
      const ids = new Set<string>();
      for (let i = orderAt; i < values.length; i += width) {
        const id = values[i];
        if (id !== null && id !== undefined) ids.add(String(id));
      }
      if (ids.size === 0) return { values, duplicates: 0 };
      const stored = await storedKeys(tx, [...ids]);
      if (stored.size === 0) return { values, duplicates: 0 };

      const kept: SqlValue[] = [];
      let duplicates = 0;
      for (let row = 0; row < values.length; row += width) {
        // A row without an order id has no natural key: never a duplicate.
        const isDuplicate =
          values[row + orderAt] !== null && stored.has(keyOf(at.map((c) => values[row + c] as SqlValue)));
        if (isDuplicate) duplicates += 1;
        else for (let c = 0; c < width; c += 1) kept.push(values[row + c] as SqlValue);
      }
      return { values: kept, duplicates };
    },
  };
}

/** The report's line for rows skipped as already stored, or undefined when there were none. */
export function duplicatesNote(duplicates: number, stored: number): string | undefined {
  if (duplicates === 0) return undefined;
  return stored === 0
    ? `every row (${duplicates}) already stored from an earlier export; nothing added`
    : `${duplicates} rows already stored from an earlier export skipped`;
}
