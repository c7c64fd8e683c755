// What the SQLite read pool and its reader processes say to each other: where the file is, then one query at a time.
import type { TitanErrorCode } from '../errors.ts';
import type { Row, SqlParams } from './port.ts';

/** What a reader opens: the database file the main connection writes (WAL), read-only. */
export interface ReaderSettings {
  path: string;
  busyTimeoutMs: number;
}

export type ToReader =
  /** The first message a reader gets. */
  { kind: 'open'; settings: ReaderSettings } | { kind: 'read'; id: number; sql: string; params?: SqlParams };

export type FromReader =
  | { id: number; rows: Row[] }
  /** A TitanError's code and message, as fromSqliteError made them in the reader. */
  | { id: number; error: { code: TitanErrorCode; message: string } };
