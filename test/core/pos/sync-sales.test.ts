// syncSales on both warehouse engines: orders land once, a changed bill replaces its rows, nothing is doubled.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPetpoojaClient, petpoojaSettings } from '../../../src/core/pos/petpooja-client.ts';
import { createSalesSyncJob } from '../../../src/core/pos/sales-sync-job.ts';
import { describeSalesSync, syncSales } from '../../../src/core/pos/sync-sales.ts';
import { createBigQueryWarehouse } from '../../../src/core/warehouse/bigquery.ts';
import type { Warehouse } from '../../../src/core/warehouse/port.ts';
import { createSqliteWarehouse } from '../../../src/core/warehouse/sqlite.ts';
import { startFakeBigQuery } from '../../fakes/bigquery.ts';
import { type FakePetpooja, PETPOOJA_CREDENTIALS, startFakePetpooja } from '../../fakes/petpooja.ts';

const scope = { orgId: 'cafe', locationId: 'ahmedabad' };
const clock = { now: () => new Date('2025-04-05T06:30:00.000Z') };

const engines: [string, () => Promise<{ warehouse: Warehouse; dispose(): Promise<void> }>][] = [
  [
    'sqlite',
    async () => {
      const warehouse = createSqliteWarehouse({ path: ':memory:' });
      return { warehouse, dispose: () => warehouse.close() };
    },
  ],
  [
    'bigquery (fake server)',
    async () => {
      const bq = await startFakeBigQuery();
      const warehouse = createBigQueryWarehouse({
        projectId: bq.projectId,
        datasetId: bq.datasetId,
        apiEndpoint: bq.url,
      });
      return { warehouse, dispose: () => bq.close() };
    },
  ],
];

describe.each(engines)('syncSales on %s', (_, open) => {
  let pos: FakePetpooja;
  let w: Warehouse;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    pos = await startFakePetpooja();
    ({ warehouse: w, dispose } = await open());
    await w.migrate();
  });
  afterEach(async () => {
    await dispose();
    await pos.close();
  });

  const client = () =>
    createPetpoojaClient(petpoojaSettings({ ...PETPOOJA_CREDENTIALS, PP_BASE_URL: pos.url }));
  const sync = () =>
    syncSales({ warehouse: w, client: client(), scope, since: '2025-04-04', until: '2025-04-05', clock });
  const totals = async () =>
    (
      await w.query<{ n: number; revenue: number }>(
        `SELECT COUNT(*) AS n, ROUND(SUM(amount), 2) AS revenue FROM ${w.dialect.table('sales')} WHERE org_id = @org`,
        { org: 'cafe' },
      )
    )[0];

  it('adds every order line once; the same orders fetched again add nothing', async () => {
    const first = await sync();
    expect(first).toEqual({
      from: '2025-04-04',
      to: '2025-04-05',
      orders: 3,
      rowsAdded: 7,
      ordersUpdated: 0,
      ordersUnchanged: 0,
      rejected: 0,
    });
    // 450 + (460 − 46) + 350
    expect(await totals()).toEqual({ n: 7, revenue: 1214 });
    const second = await sync();
    expect(second).toMatchObject({ rowsAdded: 0, ordersUpdated: 0, ordersUnchanged: 3 });
    expect(await totals()).toEqual({ n: 7, revenue: 1214 });
    expect(describeSalesSync(second)).toBe(
      'Petpooja: 3 orders for 2025-04-04 to 2025-04-05: 0 rows added, 0 orders updated, 3 unchanged.',
    );
  });

  it('replaces the rows of a bill that changed since the last sync', async () => {
    await sync();
    const voided = structuredClone(pos.orders);
    (voided[0]?.Order as { status: string }).status = 'Cancelled';
    pos.orders = voided;
    expect(await sync()).toMatchObject({ rowsAdded: 3, ordersUpdated: 1, ordersUnchanged: 2 });
    const statuses = await w.query<{ status: string; n: number }>(
      `SELECT status, COUNT(*) AS n FROM ${w.dialect.table('sales')} WHERE order_id = @id GROUP BY status`,
      { id: '201' },
    );
    expect(statuses).toEqual([{ status: 'Cancelled', n: 3 }]);
    expect((await totals())?.n).toBe(7);
  });

  it('as a sync job: starts from the last synced day and says what it did', async () => {
    const job = (since?: string) =>
      createSalesSyncJob({
        warehouse: w,
        config: () => ({ ...PETPOOJA_CREDENTIALS, PP_BASE_URL: pos.url }),
        scope,
        timeZone: 'Asia/Kolkata',
        clock,
        ...(since ? { since } : {}),
      });
    expect(await job('2025-04-04')(new AbortController().signal)).toMatch(
      /^Petpooja: 3 orders for 2025-04-04 to 2025-04-05: 7 rows added/,
    );
    const resumed = job();
    pos.requests.length = 0;
    expect(await resumed(new AbortController().signal)).toMatch(/3 unchanged/);
    expect(pos.requests).toEqual(['2025-04-04', '2025-04-05']);
  });
});

it('a sales sync job without Petpooja credentials says which keys to set', async () => {
  const warehouse = createSqliteWarehouse({ path: ':memory:' });
  const job = createSalesSyncJob({ warehouse, config: () => ({}), scope, timeZone: 'Asia/Kolkata', clock });
  await expect(job(new AbortController().signal)).rejects.toMatchObject({
    code: 'pos.not_configured',
    message: expect.stringContaining('PP_APP_KEY, PP_APP_SECRET, PP_ACCESS_TOKEN, PP_MAPPING_CODE'),
  });
  await warehouse.close();
});
