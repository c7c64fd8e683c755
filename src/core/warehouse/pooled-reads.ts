// The answering side's warehouse: reads go to the SQLite read pool, under a deadline; writes, transactions and the rest
// go to the main connection, so ingest, locks and tasks are unchanged.
import type { QueryOptions, Row, SqlParams, Warehouse } from './port.ts';
import { createTxGuard } from './tx-guard.ts';

/** Reads on other connections than the main one (the SQLite read pool). */
export interface ReadPool {
  query<T = Row>(sql: string, params?: SqlParams, options?: QueryOptions): Promise<T[]>;
}

/** A read with no deadline of its own is stopped after this: no runaway query keeps a reader. */
export const DEFAULT_READ_DEADLINE_MS = 30_000;

export function readThroughPool(
  warehouse: Warehouse,
  pool: ReadPool,
  options: { deadlineMs?: number } = {},
): Warehouse {
  const deadlineMs = options.deadlineMs ?? DEFAULT_READ_DEADLINE_MS;
  // A read on the pool inside transaction(fn) would not see the transaction's rows: refused, as the engines refuse it.
  const guard = createTxGuard();
  return {
    kind: warehouse.kind,
    get dialect() {
      return warehouse.dialect;
    },
    async query<T = Row>(sql: string, params?: SqlParams, query?: QueryOptions): Promise<T[]> {
      guard.assertOutside();
      return pool.query<T>(sql, params, { deadlineMs: query?.deadlineMs ?? deadlineMs });
    },
    execute: (sql, params) => warehouse.execute(sql, params),
    insertRows: (table, rows) => warehouse.insertRows(table, rows),
    insertBlock: (table, block) => warehouse.insertBlock(table, block),
    transaction: (fn) => guard.inside(() => warehouse.transaction(fn)),
    migrate: () => warehouse.migrate(),
    health: () => warehouse.health(),
    close: () => warehouse.close(),
  };
}
