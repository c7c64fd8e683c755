// How port values become better-sqlite3 bindings, and the prepared statements a connection keeps.
import type Database from 'better-sqlite3';
import type { SqlParams, SqlValue } from './port.ts';
import { guarded } from './sqlite-errors.ts';

export type Bindable = string | number | bigint | null;
export type Statement = Database.Statement<unknown[], unknown>;

/** Statements a connection keeps prepared; the oldest goes first. */
const STATEMENT_CACHE_SIZE = 256;

/** SQLite has no boolean: true is 1, false 0; a missing value is NULL. */
export const bindValue = (v: SqlValue | undefined): Bindable =>
  v === undefined ? null : typeof v === 'boolean' ? (v ? 1 : 0) : v;

/** Named parameters as better-sqlite3 binds them (`@name` in the SQL). */
export function bindParams(params: SqlParams | undefined): Record<string, Bindable> {
  const out: Record<string, Bindable> = {};
  for (const [k, v] of Object.entries(params ?? {})) out[k] = bindValue(v);
  return out;
}

/** A prepare() that reuses the connection's statements, its failures as TitanErrors. */
export function createStatementCache(db: Database.Database): {
  prepare(sql: string): Statement;
  clear(): void;
} {
  const cache = new Map<string, Statement>();
  return {
    prepare(sql) {
      let stmt = cache.get(sql);
      if (stmt) return stmt;
      stmt = guarded(() => db.prepare(sql));
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      cache.set(sql, stmt);
      return stmt;
    },
    clear: () => cache.clear(),
  };
}
