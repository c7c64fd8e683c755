// A local BigQuery REST fake: checks each jobs.query request (GoogleSQL, qualified tables, typed parameters,
// typed insert payloads) and answers in BigQuery's response shapes, executing on SQLite so results are real.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

export interface ReceivedQuery {
  query: string;
  parameters: QueryParameter[];
  sessionId: string | undefined;
  createSession: boolean;
}

export interface FakeBigQuery {
  /** Pass as `apiEndpoint` to the BigQuery client. */
  url: string;
  projectId: string;
  datasetId: string;
  /** Every jobs.query body received, in order. */
  received: ReceivedQuery[];
  /** Fails the queries it returns an error for, in BigQuery's error shape, after recording them. */
  refuse:
    | ((query: ReceivedQuery) => { status: number; reason: string; message: string } | undefined)
    | undefined;
  close(): Promise<void>;
}

interface ParameterType {
  type: string;
  arrayType?: ParameterType;
  structTypes?: { name: string; type: ParameterType }[];
}
interface ParameterValue {
  value?: unknown;
  arrayValues?: ParameterValue[];
  structValues?: Record<string, ParameterValue>;
}
interface QueryParameter {
  name?: string;
  parameterType: ParameterType;
  parameterValue: ParameterValue;
}
interface QueryRequest {
  query?: string;
  useLegacySql?: boolean;
  queryParameters?: QueryParameter[];
  createSession?: boolean;
  connectionProperties?: { key: string; value: string }[];
  formatOptions?: { useInt64Timestamp?: boolean };
}

type Bindable = string | number | null;
type Db = Database.Database;

class BigQueryFault extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

const SCALAR_TYPES = new Set([
  'STRING',
  'INT64',
  'FLOAT64',
  'BOOL',
  'DATE',
  'TIMESTAMP',
  'NUMERIC',
  'JSON',
  'BYTES',
]);
const AFFINITY: Record<string, string> = {
  STRING: 'TEXT',
  INT64: 'INTEGER',
  FLOAT64: 'REAL',
  BOOL: 'INTEGER',
  DATE: 'TEXT',
  TIMESTAMP: 'TEXT',
};
const DAY_MS = 86_400_000;

/** The GoogleSQL functions Titan's dialect emits, so SQLite can run the same text. */
function openDb(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 0');
  db.function('SAFE_DIVIDE', (a: unknown, b: unknown) =>
    a === null || b === null || Number(b) === 0 ? null : Number(a) / Number(b),
  );
  db.function('UNIX_DATE', (d: unknown) =>
    d === null ? null : Math.round(Date.parse(`${String(d).slice(0, 10)}T00:00:00Z`) / DAY_MS),
  );
  db.function('DATE_FROM_UNIX_DATE', (n: unknown) =>
    n === null ? null : new Date(Number(n) * DAY_MS).toISOString().slice(0, 10),
  );
  db.function('PARSE_DATE', (fmt: unknown, s: unknown) => {
    if (fmt !== '%Y-%m-%d')
      throw new Error(`fake supports PARSE_DATE('%Y-%m-%d', …) only, got ${String(fmt)}`);
    if (s !== null && !/^\d{4}-\d{2}-\d{2}$/.test(String(s)))
      throw new Error(`Failed to parse input string "${String(s)}"`);
    return s;
  });
  db.function('TIMESTAMP', (s: unknown) => (s === null ? null : new Date(String(s)).toISOString()));
  db.function('MOD', (a: unknown, b: unknown) => (a === null || b === null ? null : Number(a) % Number(b)));
  db.function('bq_now', () => new Date().toISOString());
  return db;
}

const isBusy = (err: unknown) => String((err as { code?: unknown }).code ?? '').startsWith('SQLITE_BUSY');

function paramValue(p: QueryParameter): Bindable {
  const v = p.parameterValue?.value;
  if (v === undefined || v === null) return null;
  switch (p.parameterType.type) {
    case 'INT64':
    case 'FLOAT64':
    case 'NUMERIC':
      if (Number.isNaN(Number(v)))
        throw new BigQueryFault(400, 'invalidQuery', `Invalid ${p.parameterType.type} value: ${String(v)}`);
      return Number(v);
    case 'BOOL':
      return v === true || v === 'true' ? 1 : 0;
    default:
      return String(v);
  }
}

function checkScalar(type: string, v: unknown, column: string): Bindable {
  if (v === undefined || v === null) return null;
  const bad = () =>
    new BigQueryFault(400, 'invalidQuery', `Invalid ${type} value for column ${column}: ${String(v)}`);
  if (type === 'INT64') {
    if (!/^-?\d+$/.test(String(v))) throw bad();
    return Number(v);
  }
  if (type === 'FLOAT64') {
    if (Number.isNaN(Number(v))) throw bad();
    return Number(v);
  }
  if (type === 'BOOL') return v === true || v === 'true' ? 1 : 0;
  if (type === 'DATE' && !/^\d{4}-\d{2}-\d{2}$/.test(String(v))) throw bad();
  if (type === 'TIMESTAMP') {
    if (Number.isNaN(Date.parse(String(v)))) throw bad();
    return new Date(String(v)).toISOString();
  }
  return String(v);
}

export async function startFakeBigQuery(
  options: { projectId?: string; datasetId?: string } = {},
): Promise<FakeBigQuery> {
  const projectId = options.projectId ?? 'titan-test';
  const datasetId = options.datasetId ?? 'titan';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'titan-fake-bq-'));
  const file = path.join(dir, 'warehouse.db');
  const main = openDb(file);
  const sessions = new Map<string, Db>();
  /** BigQuery column types of every table created, as the DDL declared them. */
  const schema = new Map<string, Map<string, string>>();
  const received: ReceivedQuery[] = [];

  function qualify(sql: string): string {
    for (const m of sql.matchAll(
      /\b(?:FROM|JOIN|INTO|UPDATE|TABLE(?:\s+IF\s+NOT\s+EXISTS)?)\s+([A-Za-z_]\w*)/gi,
    )) {
      const name = m[1] as string;
      // Only names of created tables count: `EXTRACT(HOUR FROM order_time)` names a column, not a table.
      if (schema.has(name)) {
        throw new BigQueryFault(
          400,
          'invalid',
          `Table "${name}" must be qualified with a dataset (e.g. dataset.table).`,
        );
      }
    }
    return sql.replace(/`([\w-]+)\.(\w+)\.(\w+)`/g, (_, p: string, d: string, t: string) => {
      if (p !== projectId || d !== datasetId)
        throw new BigQueryFault(404, 'notFound', `Not found: Dataset ${p}:${d}`);
      return `"${t}"`;
    });
  }

  function createTable(sql: string, db: Db): void {
    const table = /^CREATE TABLE IF NOT EXISTS "(\w+)"/.exec(sql)?.[1] as string;
    const columns = new Map<string, string>();
    const body = sql
      .replace(/\s*CLUSTER BY [^)]*$/, '')
      .replace(/ NOT ENFORCED/g, '')
      .replace(/`(\w+)` (\w+)/g, (_, name: string, type: string) => {
        if (!SCALAR_TYPES.has(type)) throw new BigQueryFault(400, 'invalidQuery', `Type not found: ${type}`);
        columns.set(name, type);
        return `"${name}" ${AFFINITY[type] ?? 'TEXT'}`;
      })
      .replace(/`(\w+)`/g, '"$1"');
    db.exec(body);
    if (!schema.has(table)) schema.set(table, columns);
  }

  function addColumn(sql: string, db: Db): void {
    const m = /^ALTER TABLE "(\w+)" ADD COLUMN IF NOT EXISTS `(\w+)` (\w+)$/.exec(sql);
    if (!m) throw new BigQueryFault(400, 'invalidQuery', `fake cannot parse: ${sql}`);
    const [, table, column, type] = m as unknown as [string, string, string, string];
    const columns = schema.get(table);
    if (!columns)
      throw new BigQueryFault(404, 'notFound', `Not found: Table ${projectId}:${datasetId}.${table}`);
    if (columns.has(column)) return;
    db.exec(`ALTER TABLE "${table}" ADD COLUMN "${column}" ${AFFINITY[type] ?? 'TEXT'}`);
    columns.set(column, type);
  }

  /** INSERT … SELECT * FROM UNNEST(@rows): checks every struct field against the table's declared types. */
  function insertUnnest(m: RegExpExecArray, params: Map<string, QueryParameter>, db: Db): number {
    const [, table, columnList, name] = m as unknown as [string, string, string, string];
    const columns = [...columnList.matchAll(/`(\w+)`/g)].map((c) => c[1] as string);
    const declared = schema.get(table);
    if (!declared)
      throw new BigQueryFault(404, 'notFound', `Not found: Table ${projectId}:${datasetId}.${table}`);
    const p = params.get(name);
    const fields = p?.parameterType.arrayType?.structTypes;
    if (p?.parameterType.type !== 'ARRAY' || p.parameterType.arrayType?.type !== 'STRUCT' || !fields) {
      throw new BigQueryFault(400, 'invalidQuery', `@${name} must be an ARRAY<STRUCT> parameter`);
    }
    if (fields.map((f) => f.name).join() !== columns.join()) {
      throw new BigQueryFault(400, 'invalidQuery', 'Inserted struct fields do not match the column list');
    }
    for (const f of fields) {
      const want = declared.get(f.name);
      if (!want)
        throw new BigQueryFault(400, 'invalidQuery', `Column ${f.name} is not present in table ${table}`);
      if (want !== f.type.type) {
        throw new BigQueryFault(
          400,
          'invalidQuery',
          `Value of type ${f.type.type} cannot be inserted into column ${f.name}, which has type ${want}`,
        );
      }
    }
    const stmt = db.prepare(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    );
    const insertAll = db.transaction((items: ParameterValue[]) => {
      for (const item of items) {
        stmt.run(fields.map((f) => checkScalar(f.type.type, item.structValues?.[f.name]?.value, f.name)));
      }
      return items.length;
    });
    try {
      return insertAll(p.parameterValue.arrayValues ?? []);
    } catch (err) {
      const notNull = /NOT NULL constraint failed: \w+\.(\w+)/.exec(String((err as Error).message));
      if (notNull)
        throw new BigQueryFault(400, 'invalidQuery', `Required field ${notNull[1]} cannot be null`);
      throw err;
    }
  }

  function resultType(table: string | null, column: string | null, values: unknown[]): string {
    const declared = table && column ? schema.get(table)?.get(column) : undefined;
    if (declared) return declared;
    const sample = values.find((v) => v !== null && v !== undefined);
    if (typeof sample === 'number') return Number.isInteger(sample) ? 'INT64' : 'FLOAT64';
    return 'STRING';
  }

  function cell(type: string, v: unknown, int64Timestamps: boolean): { v: string | null } {
    if (v === null || v === undefined) return { v: null };
    if (type === 'TIMESTAMP') {
      const ms = Date.parse(String(v));
      return { v: int64Timestamps ? String(BigInt(ms) * 1000n) : String(ms / 1000) };
    }
    if (type === 'BOOL') return { v: v ? 'true' : 'false' };
    return { v: String(v) };
  }

  /** Non-transactional DML that meets a writer waits its turn, as BigQuery queues it. */
  async function patiently<T>(work: () => T, inTransaction: boolean): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return work();
      } catch (err) {
        if (!isBusy(err)) throw err;
        if (inTransaction || attempt > 1_000) {
          throw new BigQueryFault(
            400,
            'invalidQuery',
            'Transaction is aborted due to concurrent update against table',
          );
        }
        await new Promise((r) => setTimeout(r, 10));
      }
    }
  }

  async function runQuery(body: QueryRequest): Promise<Record<string, unknown>> {
    if (body.useLegacySql !== false)
      throw new BigQueryFault(400, 'invalidQuery', 'Titan must send GoogleSQL (useLegacySql: false)');
    const sql = String(body.query ?? '')
      .trim()
      .replace(/;$/, '');
    const params = new Map<string, QueryParameter>();
    for (const p of body.queryParameters ?? []) {
      if (!p.name || !p.parameterType?.type)
        throw new BigQueryFault(400, 'invalidQuery', 'Every query parameter needs a name and a type');
      if (!SCALAR_TYPES.has(p.parameterType.type) && p.parameterType.type !== 'ARRAY') {
        throw new BigQueryFault(400, 'invalidQuery', `Unsupported parameter type ${p.parameterType.type}`);
      }
      params.set(p.name, p);
    }
    for (const [, name] of sql.matchAll(/@(\w+)/g)) {
      if (!params.has(name as string))
        throw new BigQueryFault(400, 'invalidQuery', `Query parameter '${name}' not found`);
    }
    const sessionProp = body.connectionProperties?.find((c) => c.key === 'session_id')?.value;
    const query: ReceivedQuery = {
      query: sql,
      parameters: body.queryParameters ?? [],
      sessionId: sessionProp,
      createSession: Boolean(body.createSession),
    };
    received.push(query);
    const refusal = fake.refuse?.(query);
    if (refusal) throw new BigQueryFault(refusal.status, refusal.reason, refusal.message);

    let sessionId = sessionProp;
    if (body.createSession) {
      sessionId = randomUUID();
      sessions.set(sessionId, openDb(file));
    }
    const db = sessionId ? sessions.get(sessionId) : main;
    if (!db) throw new BigQueryFault(400, 'invalidQuery', `Session ${sessionId} not found or expired`);
    const base = {
      kind: 'bigquery#queryResponse',
      jobReference: { projectId, jobId: `job_${randomUUID()}`, location: 'US' },
      jobComplete: true,
      ...(body.createSession ? { sessionInfo: { sessionId } } : {}),
    };
    const dml = (n: number) => ({ ...base, numDmlAffectedRows: String(n), totalRows: '0' });

    if (/^BEGIN TRANSACTION$/i.test(sql)) {
      db.exec('BEGIN');
      return base;
    }
    if (/^(COMMIT|ROLLBACK) TRANSACTION$/i.test(sql)) {
      if (!db.inTransaction) throw new BigQueryFault(400, 'invalidQuery', 'There is no active transaction');
      db.exec(/^COMMIT/i.test(sql) ? 'COMMIT' : 'ROLLBACK');
      return base;
    }
    if (/^CALL BQ\.ABORT_SESSION\(\)$/i.test(sql)) {
      if (db.inTransaction) db.exec('ROLLBACK');
      db.close();
      if (sessionId) sessions.delete(sessionId);
      return base;
    }
    const translated = qualify(sql)
      .replace(/CURRENT_TIMESTAMP\(\)/g, 'bq_now()')
      .replace(/ AS STRING\)/g, ' AS TEXT)');
    const inTx = db.inTransaction;
    try {
      if (translated.startsWith('CREATE TABLE')) {
        await patiently(() => createTable(translated, db), inTx);
        return base;
      }
      if (translated.startsWith('ALTER TABLE')) {
        await patiently(() => addColumn(translated, db), inTx);
        return base;
      }
      const unnest = /^INSERT INTO "(\w+)" \(([^)]*)\) SELECT \* FROM UNNEST\(@(\w+)\)$/.exec(translated);
      if (unnest) return dml(await patiently(() => insertUnnest(unnest, params, db), inTx));
      const stmt = db.prepare(translated);
      const bound = Object.fromEntries(
        [...params].flatMap(([k, p]) => (p.parameterType.type === 'ARRAY' ? [] : [[k, paramValue(p)]])),
      );
      if (!stmt.reader) return dml(await patiently(() => stmt.run(bound).changes, inTx));
      const rows = stmt.all(bound) as Record<string, unknown>[];
      const fields = stmt.columns().map((c) => ({
        name: c.name,
        type: resultType(
          c.table,
          c.column,
          rows.map((r) => r[c.name]),
        ),
        mode: 'NULLABLE',
      }));
      const int64 = body.formatOptions?.useInt64Timestamp === true;
      return {
        ...base,
        schema: { fields },
        rows: rows.map((r) => ({ f: fields.map((f) => cell(f.type, r[f.name], int64)) })),
        totalRows: String(rows.length),
      };
    } catch (err) {
      if (err instanceof BigQueryFault) throw err;
      // BigQuery cancels a transaction whose statement failed; mirror that so callers must handle it.
      if (inTx && isBusy(err) && db.inTransaction) db.exec('ROLLBACK');
      const notNull = /NOT NULL constraint failed: \w+\.(\w+)/.exec(String((err as Error).message));
      if (notNull)
        throw new BigQueryFault(400, 'invalidQuery', `Required field ${notNull[1]} cannot be null`);
      throw new BigQueryFault(400, 'invalidQuery', (err as Error).message);
    }
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      const route = /^\/bigquery\/v2\/projects\/([^/]+)\/queries$/.exec(
        new URL(req.url ?? '/', 'http://x').pathname,
      );
      const work = async () => {
        if (req.method !== 'POST' || !route)
          throw new BigQueryFault(404, 'notFound', `Not found: ${req.method} ${req.url}`);
        if (route[1] !== projectId)
          throw new BigQueryFault(404, 'notFound', `Not found: Project ${route[1]}`);
        return runQuery(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as QueryRequest);
      };
      work().then(
        (payload) => reply(200, payload),
        (err: unknown) => {
          const f = err instanceof BigQueryFault ? err : new BigQueryFault(400, 'invalidQuery', String(err));
          reply(f.status, {
            error: {
              code: f.status,
              message: f.message,
              errors: [{ message: f.message, domain: 'global', reason: f.reason }],
            },
          });
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeBigQuery = {
    url: `http://127.0.0.1:${port}`,
    projectId,
    datasetId,
    received,
    refuse: undefined,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const db of sessions.values()) db.close();
      main.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return fake;
}
