// A read pool reader: a child process with one read-only connection to the warehouse file, answering one query at a time.
import Database from 'better-sqlite3';
import { TitanError } from '../errors.ts';
import { exitWithParent } from '../threads/exit-with-parent.ts';
import type { Row } from './port.ts';
import { fromSqliteError, guarded } from './sqlite-errors.ts';
import type { FromReader, ReaderSettings, ToReader } from './sqlite-read-messages.ts';
import { bindParams, createStatementCache, type Statement } from './sqlite-statements.ts';

const send = (reply: FromReader): void => {
  process.send?.(reply);
};

let settings: ReaderSettings | undefined;
let db: Database.Database | undefined;
let prepare: ((sql: string) => Statement) | undefined;

/** Opened at the first query, so a failure to open reaches that query's caller as its error (and the next retries). */
function statement(sql: string): Statement {
  if (!prepare) {
    if (!settings)
      throw new TitanError('internal', 'The reader was asked a query before it was told its file.');
    const { path, busyTimeoutMs } = settings;
    const opened = guarded(() => new Database(path, { readonly: true, fileMustExist: true }));
    try {
      opened.pragma(`busy_timeout = ${busyTimeoutMs}`);
      // The main connection's page cache (32 MB): answers scan the same pages it kept in memory before the pool.
      opened.pragma('cache_size = -32768');
    } catch (err) {
      // Not kept half-set-up: the next query opens the file afresh, and this handle does not leak.
      opened.close();
      throw fromSqliteError(err);
    }
    db = opened;
    prepare = createStatementCache(db).prepare;
  }
  return prepare(sql);
}

function read(message: Extract<ToReader, { kind: 'read' }>): void {
  const { id } = message;
  try {
    const stmt = statement(message.sql);
    // Only reads: a BEGIN or a PRAGMA that sets something would change this connection for every later query.
    if (!stmt.reader) {
      throw new TitanError(
        'warehouse.query_failed',
        'The read pool runs only statements that return rows; write through the main warehouse connection.',
      );
    }
    send({ id, rows: guarded(() => stmt.all(bindParams(message.params)) as Row[]) });
  } catch (err) {
    const { code, message: text } = fromSqliteError(err);
    send({ id, error: { code, message: text } });
  }
}

process.on('message', (message: ToReader) => {
  if (message.kind === 'open') settings = message.settings;
  else read(message);
});
// The pool is gone (closed, or its process died, even mid-query): nothing is left to answer.
exitWithParent({ onDisconnect: () => db?.close() });
