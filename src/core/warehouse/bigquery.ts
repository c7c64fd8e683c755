// The production warehouse: BigQuery through @google-cloud/bigquery, same port and table names as SQLite.
import { BigQuery, BigQueryDate, BigQueryTimestamp, Job } from '@google-cloud/bigquery';
import { TitanError } from '../errors.ts';
import { createBigQueryDialect } from './bigquery-dialect.ts';
import { fromBigQueryError } from './bigquery-errors.ts';
import { BIGQUERY_TYPE, bigQueryAddColumn, bigQueryCreateTable, bqColumn } from './bigquery-schema.ts';
import { MIGRATIONS, MIGRATIONS_TABLE, type Migration, schemaAfter } from './migrations.ts';
import type { QueryOptions, Row, SqlParams, SqlValue, Warehouse, WarehouseTx } from './port.ts';
import { readTimedOut } from './read-timeout.ts';
import { blockToRows } from './row-block.ts';
import { assertIdentifier, collectColumns } from './sql-identifiers.ts';
import { createTxGuard } from './tx-guard.ts';

export interface BigQueryWarehouseOptions {
  projectId: string;
  datasetId: string;
  /** A parsed service-account key (GOOGLE_SERVICE_ACCOUNT_JSON). */
  credentials?: { client_email: string; private_key: string };
  /** A key file path (GOOGLE_APPLICATION_CREDENTIALS), used when `credentials` is absent. */
  keyFilename?: string;
  /** Another endpoint than Google's (BIGQUERY_API_ENDPOINT); tests point it at a local fake. */
  apiEndpoint?: string;
  migrations?: readonly Migration[];
  /** Rows per INSERT statement; keeps each request well under BigQuery's 10 MB request limit. */
  insertChunkRows?: number;
}

interface QueryResponse {
  numDmlAffectedRows?: string | number;
  sessionInfo?: { sessionId?: string };
}

/** The client's parameter type map (structurally its QueryParamTypeStruct, which it does not export). */
type ParamTypes = { [name: string]: string | string[] | ParamTypes | ParamTypes[] };

/**
 * What client.query's callback is called with: its published type names two arguments, but the third is the Job
 * when BigQuery answered before the job completed (the only handle to cancel it by), and the response is the fourth.
 */
type QueryCallback = (
  err: Error | null,
  rows: Record<string, unknown>[] | null,
  jobOrNextPage: unknown,
  response?: QueryResponse,
) => void;
type RunQuery = (request: object, options: { timeoutMs?: number }, callback: QueryCallback) => void;

/** How the client says BigQuery answered at timeoutMs with the job still running. */
const INCOMPLETE = /did not complete before/;

interface JobResult {
  rows: Row[];
  affected: number;
  sessionId: string | undefined;
}

/** BigQuery hands back DATE/TIMESTAMP/NUMERIC as objects; the port promises plain ISO strings and numbers. */
function toSqlValue(v: unknown): SqlValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof BigQueryTimestamp) return new Date(v.value).toISOString();
  if (v instanceof BigQueryDate) return String(v.value);
  if (typeof v === 'object' && 'value' in v) return String((v as { value: unknown }).value);
  if (Buffer.isBuffer(v)) return v.toString('base64');
  if (typeof v === 'object' && v.constructor?.name === 'Big') return Number(String(v));
  return JSON.stringify(v);
}

function isLoopback(endpoint: string): boolean {
  const host = new URL(endpoint).hostname;
  return host === 'localhost' || host === '[::1]' || host.startsWith('127.');
}

const normalizeRow = (row: Record<string, unknown>): Row =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toSqlValue(v)]));

export function createBigQueryWarehouse(options: BigQueryWarehouseOptions): Warehouse {
  const { projectId, datasetId } = options;
  // A loopback endpoint is an emulator (or the test fake): the client would otherwise sign a JWT and fetch
  // an OAuth token from Google for it, which needs the internet and means nothing to the emulator.
  const emulator = options.apiEndpoint !== undefined && isLoopback(options.apiEndpoint);
  const client = new BigQuery({
    projectId,
    ...(options.credentials && !emulator ? { credentials: options.credentials } : {}),
    ...(options.keyFilename && !emulator ? { keyFilename: options.keyFilename } : {}),
    ...(options.apiEndpoint ? { apiEndpoint: options.apiEndpoint } : {}),
  });
  const dialect = createBigQueryDialect(projectId, datasetId);
  const migrations = options.migrations ?? MIGRATIONS;
  const tables = schemaAfter(migrations);
  const chunkRows = options.insertChunkRows ?? 5_000;
  const guard = createTxGuard();

  const runQuery = client.query.bind(client) as unknown as RunQuery;

  /**
   * One jobs.query call. With a deadline, BigQuery is asked to answer by then (timeoutMs) and a job still running at
   * that point is cancelled, so it stops spending slots; the read fails with warehouse.timeout at the deadline even
   * if no answer comes at all.
   */
  function queryJob(request: object, deadlineMs: number | undefined): Promise<JobResult> {
    return new Promise((resolve, reject) => {
      let late = false;
      const timer =
        deadlineMs === undefined
          ? undefined
          : setTimeout(() => {
              late = true;
              reject(readTimedOut(deadlineMs));
            }, deadlineMs);
      const answered: QueryCallback = (err, rows, job, response) => {
        clearTimeout(timer);
        if (err && deadlineMs !== undefined && job instanceof Job && INCOMPLETE.test(err.message)) {
          void job.cancel().catch(() => undefined);
          if (!late) reject(readTimedOut(deadlineMs));
          return;
        }
        // Answered after the read already failed at its deadline: the rows are not wanted.
        if (late) return;
        if (err) {
          reject(fromBigQueryError(err));
          return;
        }
        resolve({
          rows: (rows ?? []).map(normalizeRow),
          affected: Number(response?.numDmlAffectedRows ?? 0),
          sessionId: response?.sessionInfo?.sessionId,
        });
      };
      try {
        runQuery(request, deadlineMs === undefined ? {} : { timeoutMs: deadlineMs }, answered);
      } catch (err) {
        // The client checks parameters before it sends anything, and throws.
        clearTimeout(timer);
        reject(fromBigQueryError(err));
      }
    });
  }

  function runJob(
    sql: string,
    params: Record<string, unknown>,
    types: ParamTypes,
    session: { id?: string; create?: boolean } = {},
    deadlineMs?: number,
  ): Promise<JobResult> {
    const request = {
      query: sql,
      ...(Object.keys(params).length ? { params } : {}),
      ...(Object.keys(types).length ? { types } : {}),
      ...(session.create ? { createSession: true } : {}),
      ...(session.id ? { connectionProperties: [{ key: 'session_id', value: session.id }] } : {}),
    };
    return queryJob(request, deadlineMs);
  }

  /** A null has no type of its own; STRING is the one BigQuery coerces where a DATE or TIMESTAMP is expected. */
  function runSql(
    sql: string,
    params: SqlParams | undefined,
    sessionId?: string,
    deadlineMs?: number,
  ): Promise<JobResult> {
    const p = params ?? {};
    const types = Object.fromEntries(Object.keys(p).flatMap((k) => (p[k] === null ? [[k, 'STRING']] : [])));
    return runJob(sql, p, types, sessionId ? { id: sessionId } : {}, deadlineMs);
  }

  function typedValue(type: string, v: SqlValue | undefined): unknown {
    if (v === null || v === undefined) return null;
    // The client reads DATE/TIMESTAMP parameter values from `.value`, so plain strings must be wrapped.
    if (type === 'DATE') return client.date(String(v));
    if (type === 'TIMESTAMP') return client.timestamp(String(v));
    return v;
  }

  /**
   * Rows travel as one ARRAY<STRUCT> parameter per INSERT … SELECT * FROM UNNEST(@rows), typed from the
   * table definition. DML rather than a load job: a DML INSERT joins the session's transaction, so
   * insertRows inside `transaction(fn)` commits or rolls back with the rest, which a load job cannot.
   */
  async function insertChunks(table: string, rows: Row[], sessionId?: string): Promise<number> {
    if (rows.length === 0) return 0;
    const def = tables.get(assertIdentifier(table));
    if (!def)
      throw new TitanError('warehouse.query_failed', `There is no table "${table}" in the warehouse.`);
    const columns = collectColumns(rows);
    const struct: Record<string, string> = {};
    for (const name of columns) {
      const column = def.columns.find((c) => c.name === name);
      if (!column) {
        throw new TitanError('warehouse.query_failed', `Table ${table} has no column named ${name}.`);
      }
      struct[name] = BIGQUERY_TYPE[column.type];
    }
    const sql = `INSERT INTO ${dialect.table(table)} (${columns.map(bqColumn).join(', ')}) SELECT * FROM UNNEST(@rows)`;
    let inserted = 0;
    for (let start = 0; start < rows.length; start += chunkRows) {
      const values = rows
        .slice(start, start + chunkRows)
        .map((row) => Object.fromEntries(columns.map((c) => [c, typedValue(struct[c] as string, row[c])])));
      const result = await runJob(
        sql,
        { rows: values },
        { rows: [struct] },
        sessionId ? { id: sessionId } : {},
      );
      inserted += result.affected;
    }
    return inserted;
  }

  const txFor = (sessionId: string): WarehouseTx => ({
    query: async <T = Row>(sql: string, params?: SqlParams) =>
      (await runSql(sql, params, sessionId)).rows as T[],
    execute: async (sql, params) => (await runSql(sql, params, sessionId)).affected,
    insertRows: (table, rows) => insertChunks(table, rows, sessionId),
    insertBlock: (table, block) => insertChunks(table, blockToRows(block), sessionId),
  });

  /** A session-scoped multi-statement transaction: BEGIN opens the session, COMMIT or ROLLBACK ends it. */
  async function transaction<T>(fn: (tx: WarehouseTx) => Promise<T>): Promise<T> {
    guard.assertOutside();
    const begun = await runJob('BEGIN TRANSACTION', {}, {}, { create: true });
    const sessionId = begun.sessionId;
    if (!sessionId)
      throw new TitanError('warehouse.unavailable', 'BigQuery did not open a session for the transaction.');
    try {
      const result = await guard.inside(() => fn(txFor(sessionId)));
      await runJob('COMMIT TRANSACTION', {}, {}, { id: sessionId });
      return result;
    } catch (err) {
      // A failed statement may already have ended the transaction; aborting the session below still cleans up.
      await runJob('ROLLBACK TRANSACTION', {}, {}, { id: sessionId }).catch(() => undefined);
      throw err;
    } finally {
      await runJob('CALL BQ.ABORT_SESSION()', {}, {}, { id: sessionId }).catch(() => undefined);
    }
  }

  /** One statement is atomic on its own; several need a transaction so a failure leaves nothing behind. */
  async function insertAtomically(table: string, rows: Row[]): Promise<number> {
    guard.assertOutside();
    return rows.length <= chunkRows
      ? insertChunks(table, rows)
      : transaction((tx) => tx.insertRows(table, rows));
  }

  async function migrate(): Promise<string[]> {
    const bookkeeping = dialect.table(MIGRATIONS_TABLE);
    await runJob(
      bigQueryCreateTable(bookkeeping, {
        name: MIGRATIONS_TABLE,
        columns: [
          { name: 'id', type: 'string', required: true },
          { name: 'applied_at', type: 'timestamp', required: true },
        ],
      }),
      {},
      {},
    );
    const done = new Set(
      (await runSql(`SELECT DISTINCT id FROM ${bookkeeping}`, {})).rows.map((r) => String(r.id)),
    );
    const applied: string[] = [];
    // BigQuery DDL cannot run inside a transaction; every statement is idempotent instead, and the id is
    // recorded last, so a crash midway re-runs the step harmlessly at the next start.
    for (const m of migrations) {
      if (done.has(m.id)) continue;
      for (const t of m.tables ?? []) await runJob(bigQueryCreateTable(dialect.table(t.name), t), {}, {});
      for (const { table, column } of m.columns ?? []) {
        await runJob(bigQueryAddColumn(dialect.table(table), column), {}, {});
      }
      await runSql(
        `INSERT INTO ${bookkeeping} (id, applied_at) SELECT @id, CURRENT_TIMESTAMP() FROM (SELECT 1) WHERE NOT EXISTS (SELECT 1 FROM ${bookkeeping} WHERE id = @id)`,
        { id: m.id },
      );
      applied.push(m.id);
    }
    return applied;
  }

  return {
    kind: 'bigquery',
    dialect,
    query: async <T = Row>(sql: string, params?: SqlParams, options: QueryOptions = {}) => {
      guard.assertOutside();
      return (await runSql(sql, params, undefined, options.deadlineMs)).rows as T[];
    },
    execute: async (sql, params) => {
      guard.assertOutside();
      return (await runSql(sql, params)).affected;
    },
    insertRows: async (table, rows) => insertAtomically(table, rows),
    insertBlock: async (table, block) => insertAtomically(table, blockToRows(block)),
    transaction,
    migrate,
    async health() {
      try {
        // Reading the bookkeeping table proves the credentials, the dataset and the migrations at once.
        await runSql(`SELECT COUNT(*) AS n FROM ${dialect.table(MIGRATIONS_TABLE)}`, {});
        return { ok: true, kind: 'bigquery', detail: `${projectId}.${datasetId}` };
      } catch (err) {
        return { ok: false, kind: 'bigquery', detail: fromBigQueryError(err).message };
      }
    },
    // The client holds no connection to close; each call is its own HTTPS request.
    async close() {},
  };
}
