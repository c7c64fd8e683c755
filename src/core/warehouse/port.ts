// The Warehouse port: the one way core code reads and writes business data (SQLite or BigQuery behind it).

/** A bound parameter value. Dates travel as ISO strings ("2026-11-01"); the dialect casts them where needed. */
export type SqlValue = string | number | boolean | null;
export type SqlParams = Record<string, SqlValue>;
export type Row = Record<string, SqlValue>;

/**
 * Many rows in the bulk-load shape: values row after row in `columns` order, plus values every row shares.
 * No object or array per row, so a million rows cost one flat array per batch.
 */
export interface RowBlock {
  columns: readonly string[];
  /** columns.length values per row. */
  values: readonly SqlValue[];
  /** Column → value, the same for every row of the block (scope, lineage). */
  shared?: Row;
}

/** SQL differences between engines, so metric queries stay one text with small seams. */
export interface Dialect {
  readonly name: 'sqlite' | 'bigquery';
  /** Fully qualified table reference (`sales` or `` `project.dataset.sales` ``). */
  table(name: string): string;
  /** A named parameter holding an ISO date, usable where a DATE is compared. */
  dateParam(name: string): string;
  /** A named parameter holding an ISO timestamp, usable where a TIMESTAMP is compared or assigned. */
  timestampParam(name: string): string;
  /** Adds whole days to a date expression. */
  addDays(dateExpr: string, days: number | string): string;
  /** Day of week 0 (Sunday) … 6 of a date expression. */
  dayOfWeek(dateExpr: string): string;
  /** The Monday on or before a date expression (the start of its ISO week), as a date. */
  weekStart(dateExpr: string): string;
  /** The calendar month of a date expression as text, "YYYY-MM". */
  monthOf(dateExpr: string): string;
  /** Whole days between two date expressions (b − a). */
  daysBetween(a: string, b: string): string;
  /** The current timestamp as an ISO string expression. */
  now(): string;
  /** Floating-point division that never fails on zero (returns NULL). */
  safeDivide(a: string, b: string): string;
}

export interface HealthStatus {
  ok: boolean;
  kind: 'sqlite' | 'bigquery';
  detail?: string;
}

/** Work done in one transaction: all of it lands or none of it does. */
export interface WarehouseTx {
  query<T = Row>(sql: string, params?: SqlParams): Promise<T[]>;
  execute(sql: string, params?: SqlParams): Promise<number>;
  insertRows(table: string, rows: Row[]): Promise<number>;
  /** Inserts a block of rows; like insertRows, atomic on its own and part of the transaction inside one. */
  insertBlock(table: string, block: RowBlock): Promise<number>;
}

/** How long a read may take. */
export interface QueryOptions {
  /**
   * Milliseconds after which the read is stopped and fails with `warehouse.timeout`, where the engine can stop it
   * (the SQLite read pool ends the reader, BigQuery cancels the job); an engine that cannot ignores it.
   */
  deadlineMs?: number;
}

export interface Warehouse extends WarehouseTx {
  readonly kind: 'sqlite' | 'bigquery';
  query<T = Row>(sql: string, params?: SqlParams, options?: QueryOptions): Promise<T[]>;
  readonly dialect: Dialect;
  /** Runs `fn` in one transaction; rolls back if it throws. */
  transaction<T>(fn: (tx: WarehouseTx) => Promise<T>): Promise<T>;
  /** Applies every migration not yet applied; safe to call at every start. */
  migrate(): Promise<string[]>;
  health(): Promise<HealthStatus>;
  close(): Promise<void>;
}
