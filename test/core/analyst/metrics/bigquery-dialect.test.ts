// Every metric is one SQL text for both engines: on BigQuery (the real client against the local fake) it
// returns exactly what it returns on SQLite for the same demo café.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../../src/core/analyst/calendar.ts';
import { generateDemo } from '../../../../src/core/analyst/demo/generate-demo.ts';
import type { MetricContext } from '../../../../src/core/analyst/metric.ts';
import { METRIC_IDS, METRICS } from '../../../../src/core/analyst/metrics/index.ts';
import { DEFAULT_SCOPE } from '../../../../src/core/model/scope.ts';
import { createBigQueryWarehouse } from '../../../../src/core/warehouse/bigquery.ts';
import type { Warehouse } from '../../../../src/core/warehouse/port.ts';
import { createSqliteWarehouse } from '../../../../src/core/warehouse/sqlite.ts';
import { type FakeBigQuery, startFakeBigQuery } from '../../../fakes/bigquery.ts';

const END = '2026-11-25';

let fake: FakeBigQuery;
let bigquery: Warehouse;
let sqlite: Warehouse;

beforeAll(async () => {
  fake = await startFakeBigQuery();
  bigquery = createBigQueryWarehouse({
    projectId: fake.projectId,
    datasetId: fake.datasetId,
    apiEndpoint: fake.url,
  });
  sqlite = createSqliteWarehouse({ path: ':memory:' });
  for (const w of [bigquery, sqlite]) {
    await w.migrate();
    // A small café (60 bills a day) over enough days for every baseline.
    await generateDemo({
      warehouse: w,
      seed: 5,
      days: 70,
      billsPerDay: 60,
      endDate: END,
      now: () => new Date(0),
    });
  }
});

afterAll(async () => {
  await bigquery?.close();
  await sqlite?.close();
  await fake?.close();
});

const context = (warehouse: Warehouse, filter?: MetricContext['filter']): MetricContext => ({
  warehouse,
  scope: DEFAULT_SCOPE,
  period: { from: addDays(END, -7), to: addDays(END, -1), label: 'last 7 days' },
  previous: { from: addDays(END, -14), to: addDays(END, -8), label: 'previous 7 days' },
  dailyRevenueTarget: 15_000,
  ...(filter ? { filter } : {}),
});

describe('metrics on BigQuery', () => {
  it.each(METRIC_IDS)('%s matches SQLite', async (id) => {
    const filter = id === 'wastage-by-item' || id === 'usage-variance' ? { item: 'maida' } : undefined;
    const [onBigQuery, onSqlite] = await Promise.all([
      METRICS[id].run(context(bigquery, filter)),
      METRICS[id].run(context(sqlite, filter)),
    ]);
    expect(onSqlite.facts.length).toBeGreaterThan(0);
    expect(onBigQuery).toEqual(onSqlite);
  });
});
