// BigQuery reads keep their deadline: a query still running at it fails with the same warehouse.timeout the SQLite read
// pool gives, and its job is cancelled so it stops spending slots; a query that finishes in time is answered.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TitanError } from '../../../src/core/errors.ts';
import { createBigQueryWarehouse } from '../../../src/core/warehouse/bigquery.ts';
import type { Warehouse } from '../../../src/core/warehouse/port.ts';
import { type FakeBigQuery, startFakeBigQuery } from '../../fakes/bigquery.ts';
import { type SlowBigQuery, startSlowBigQuery } from '../../fakes/bigquery-latency.ts';

/** How long a query naming `slow_total` runs in the slow fake. */
const SLOW_MS = 1_500;
const SLOW_READ = 'SELECT 7 AS slow_total';

let fake: FakeBigQuery;
let slow: SlowBigQuery;
let warehouse: Warehouse;

beforeEach(async () => {
  fake = await startFakeBigQuery();
  slow = await startSlowBigQuery(fake, (query) => (query.includes('slow_total') ? SLOW_MS : 0));
  warehouse = createBigQueryWarehouse({
    projectId: fake.projectId,
    datasetId: fake.datasetId,
    apiEndpoint: slow.url,
  });
});
afterEach(async () => {
  await warehouse.close();
  await slow.close();
  await fake.close();
});

const failure = (work: Promise<unknown>): Promise<TitanError> =>
  work.then(
    () => {
      throw new Error('expected the read to fail');
    },
    (err: unknown) => err as TitanError,
  );

describe('BigQuery read deadlines', () => {
  it('stops a read still running at its deadline with warehouse.timeout, and cancels its job', async () => {
    const started = performance.now();
    const err = await failure(warehouse.query(SLOW_READ, {}, { deadlineMs: 400 }));
    const elapsed = performance.now() - started;
    expect(err).toBeInstanceOf(TitanError);
    expect(err.code).toBe('warehouse.timeout');
    expect(err.message).toMatch(/stopped after 400 ms, its time limit\. Ask about a shorter period/);
    expect(elapsed).toBeGreaterThanOrEqual(390);
    expect(elapsed).toBeLessThan(SLOW_MS);
    // BigQuery answers "not complete" at the same moment; the job it names is then cancelled.
    await vi.waitFor(() => {
      expect(slow.running).toHaveLength(1);
      expect(slow.cancelled).toEqual(slow.running);
    });
  });

  it('answers a slow read that finishes before its deadline, and one with no deadline', async () => {
    expect(await warehouse.query(SLOW_READ, {}, { deadlineMs: 5_000 })).toEqual([{ slow_total: 7 }]);
    expect(await warehouse.query(SLOW_READ)).toEqual([{ slow_total: 7 }]);
    expect(slow.cancelled).toEqual([]);
  });

  it('keeps a quick read with a deadline answered as before', async () => {
    await warehouse.migrate();
    expect(
      await warehouse.query(
        `SELECT COUNT(*) AS n FROM ${warehouse.dialect.table('sales')}`,
        {},
        { deadlineMs: 2_000 },
      ),
    ).toEqual([{ n: 0 }]);
  });
});
