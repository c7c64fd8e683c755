// Maps better-sqlite3's errors to TitanErrors, in the main connection and the read pool's readers alike.
import { TitanError } from '../errors.ts';

/** Maps a better-sqlite3 error to a TitanError whose message says what to try. */
export function fromSqliteError(err: unknown): TitanError {
  if (err instanceof TitanError) return err;
  const code = (err as { code?: unknown }).code;
  const message = err instanceof Error ? err.message : String(err);
  if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))) {
    return new TitanError(
      'warehouse.unavailable',
      `The SQLite warehouse is busy (another process holds its write lock): ${message}. Try again shortly.`,
      { cause: err },
    );
  }
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return new TitanError('conflict', `A row conflicts with one already stored: ${message}`, { cause: err });
  }
  return new TitanError('warehouse.query_failed', `SQLite query failed: ${message}`, { cause: err });
}

/** Runs a better-sqlite3 call, rethrowing what it throws as a TitanError. */
export function guarded<T>(work: () => T): T {
  try {
    return work();
  } catch (err) {
    throw fromSqliteError(err);
  }
}
