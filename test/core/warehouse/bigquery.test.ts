// BigQuery specifics: what goes over the wire (typed insert payloads, sessions, qualified DDL), engine choice, error mapping.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TitanError } from '../../../src/core/errors.ts';
import { createBigQueryWarehouse } from '../../../src/core/warehouse/bigquery.ts';
import { fromBigQueryError } from '../../../src/core/warehouse/bigquery-errors.ts';
import { warehouseKind } from '../../../src/core/warehouse/create-warehouse.ts';
import { openLiveWarehouse } from '../../../src/core/warehouse/live-warehouse.ts';
import type { Warehouse } from '../../../src/core/warehouse/port.ts';
import { type FakeBigQuery, startFakeBigQuery } from '../../fakes/bigquery.ts';

const SERVICE_ACCOUNT = JSON.stringify({
  client_email: 'titan@titan-test.iam.gserviceaccount.com',
  private_key: 'not-a-real-key',
});

describe('BigQuery warehouse on the wire', () => {
  let fake: FakeBigQuery;
  let w: Warehouse;
  beforeEach(async () => {
    fake = await startFakeBigQuery();
    w = createBigQueryWarehouse({
      projectId: fake.projectId,
      datasetId: fake.datasetId,
      apiEndpoint: fake.url,
    });
    await w.migrate();
  });
  afterEach(async () => {
    await w.close();
    await fake.close();
  });

  it('creates tables with BigQuery types, quoted column names and a clustering', () => {
    const ddl = fake.received.find((q) => q.query.includes('titan-test.titan.ingest_files'))?.query ?? '';
    expect(ddl).toContain('CREATE TABLE IF NOT EXISTS `titan-test.titan.ingest_files`');
    expect(ddl).toContain('`rows` INT64');
    expect(ddl).toContain('`ingested_at` TIMESTAMP NOT NULL');
    const sales = fake.received.find((q) => q.query.includes('titan-test.titan.sales`'))?.query ?? '';
    expect(sales).toContain('`date` DATE NOT NULL');
    expect(sales).toMatch(/CLUSTER BY `org_id`, `location_id`, `date`$/);
  });

  it('sends rows as one typed ARRAY<STRUCT> parameter, never as literals in the query text', async () => {
    fake.received.length = 0;
    await w.insertRows('sales', [
      { org_id: 'cafe', location_id: 'hsr', date: '2026-11-01', item: "Chef's Special", amount: 250, qty: 2 },
    ]);
    const [insert] = fake.received;
    expect(insert?.query).toBe(
      'INSERT INTO `titan-test.titan.sales` (`org_id`, `location_id`, `date`, `item`, `amount`, `qty`) SELECT * FROM UNNEST(@rows)',
    );
    const rows = insert?.parameters[0];
    expect(rows?.parameterType.arrayType?.structTypes?.map((f) => [f.name, f.type.type])).toEqual([
      ['org_id', 'STRING'],
      ['location_id', 'STRING'],
      ['date', 'DATE'],
      ['item', 'STRING'],
      ['amount', 'FLOAT64'],
      ['qty', 'FLOAT64'],
    ]);
    expect(rows?.parameterValue.arrayValues?.[0]?.structValues?.item).toEqual({ value: "Chef's Special" });
  });

  it('runs a transaction in one session: BEGIN opens it, every statement carries it, COMMIT then abort end it', async () => {
    fake.received.length = 0;
    await w.transaction(async (tx) => {
      await tx.execute(`DELETE FROM ${w.dialect.table('sales')} WHERE org_id = @org`, { org: 'cafe' });
    });
    const [begin, ...rest] = fake.received;
    expect(begin).toMatchObject({ query: 'BEGIN TRANSACTION', createSession: true });
    const session = rest[0]?.sessionId;
    expect(session).toEqual(expect.any(String));
    expect(rest.map((q) => [q.query.split(' ')[0], q.sessionId])).toEqual([
      ['DELETE', session],
      ['COMMIT', session],
      ['CALL', session],
    ]);
  });

  it('types a null parameter so BigQuery accepts it', async () => {
    fake.received.length = 0;
    await w.query(`SELECT COUNT(*) AS n FROM ${w.dialect.table('sales')} WHERE item = @item`, { item: null });
    expect(fake.received[0]?.parameters).toEqual([
      { name: 'item', parameterType: { type: 'STRING' }, parameterValue: { value: null } },
    ]);
  });

  it('is checked by the fake: a table name without project and dataset is refused, as BigQuery does', async () => {
    await expect(w.query('SELECT COUNT(*) AS n FROM sales')).rejects.toMatchObject({
      code: 'warehouse.query_failed',
      message: expect.stringContaining('Table "sales" must be qualified with a dataset'),
    });
  });

  it('reports a wrong dataset as a query failure that names what to check', async () => {
    const other = createBigQueryWarehouse({
      projectId: fake.projectId,
      datasetId: 'missing',
      apiEndpoint: fake.url,
    });
    const err = await other.query(`SELECT 1 FROM ${other.dialect.table('sales')}`).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'warehouse.query_failed',
      message: expect.stringContaining('DATASET_ID'),
    });
    expect(await other.health()).toMatchObject({ ok: false, kind: 'bigquery' });
  });
});

describe('choosing the warehouse', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'titan-choose-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('uses SQLite in the data directory until project, dataset and credentials are all set', async () => {
    expect(warehouseKind({ PROJECT_ID: 'p', DATASET_ID: 'd' })).toBe('sqlite');
    expect(warehouseKind({ PROJECT_ID: 'p', GOOGLE_SERVICE_ACCOUNT_JSON: SERVICE_ACCOUNT })).toBe('sqlite');
    expect(
      warehouseKind({ PROJECT_ID: 'p', DATASET_ID: 'd', GOOGLE_APPLICATION_CREDENTIALS: '/k.json' }),
    ).toBe('bigquery');
    const w = await openLiveWarehouse(() => ({}), dir);
    expect(w.kind).toBe('sqlite');
    await w.migrate();
    await w.close();
    expect(fs.existsSync(path.join(dir, 'titan.db'))).toBe(true);
  });

  it('uses BigQuery at BIGQUERY_API_ENDPOINT once fully configured', async () => {
    const fake = await startFakeBigQuery({ projectId: 'acme-cafe', datasetId: 'finance' });
    try {
      const w = await openLiveWarehouse(
        () => ({
          PROJECT_ID: 'acme-cafe',
          DATASET_ID: 'finance',
          GOOGLE_SERVICE_ACCOUNT_JSON: SERVICE_ACCOUNT,
          BIGQUERY_API_ENDPOINT: fake.url,
        }),
        dir,
      );
      expect(w.kind).toBe('bigquery');
      await w.migrate();
      expect(await w.health()).toEqual({ ok: true, kind: 'bigquery', detail: 'acme-cafe.finance' });
    } finally {
      await fake.close();
    }
  });
});

describe('fromBigQueryError', () => {
  const api = (code: number, reason: string, message: string) =>
    Object.assign(new Error(message), { code, errors: [{ reason, message }] });

  it.each([
    [
      api(403, 'accessDenied', 'Access Denied: Project acme'),
      'warehouse.unavailable',
      'GOOGLE_SERVICE_ACCOUNT_JSON',
    ],
    [
      api(400, 'invalidQuery', 'Transaction is aborted due to concurrent update against table x'),
      'conflict',
      'another writer',
    ],
    [
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      'warehouse.unavailable',
      'Try again',
    ],
    [api(503, 'backendError', 'Backend error'), 'warehouse.unavailable', 'not reachable'],
    [
      api(400, 'invalidQuery', 'Syntax error: Unexpected end of script'),
      'warehouse.query_failed',
      'Syntax error',
    ],
  ])('maps %s to a TitanError with an actionable message', (err, code, hint) => {
    const mapped = fromBigQueryError(err);
    expect(mapped).toBeInstanceOf(TitanError);
    expect(mapped.code).toBe(code);
    expect(mapped.message).toContain(hint);
    expect(mapped.cause).toBe(err);
  });
});
