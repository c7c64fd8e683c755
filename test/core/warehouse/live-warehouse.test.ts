// BigQuery settings PATCHed while Titan runs take effect on the next query, through the real client.
import { afterEach, describe, expect, it } from 'vitest';
import { createConfigVault } from '../../../src/core/config/vault.ts';
import { openLiveWarehouse } from '../../../src/core/warehouse/live-warehouse.ts';
import type { Warehouse } from '../../../src/core/warehouse/port.ts';
import { type FakeBigQuery, startFakeBigQuery } from '../../fakes/bigquery.ts';
import { SERVICE_ACCOUNT_JSON } from '../../helpers/config-values.ts';
import { useTmpDirs } from '../../helpers/tmp-dir.ts';

const tmp = useTmpDirs();
const opened: (FakeBigQuery | Warehouse)[] = [];
afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close();
});

describe('live warehouse', () => {
  it('rebuilds the BigQuery client when its endpoint or dataset changes, and migrates the new dataset', async () => {
    const first = await startFakeBigQuery({ datasetId: 'titan_a' });
    const second = await startFakeBigQuery({ datasetId: 'titan_b' });
    opened.push(first, second);
    const dataDir = tmp();
    const vault = createConfigVault({ dataDir, env: {} });
    await vault.patch({
      PROJECT_ID: first.projectId,
      DATASET_ID: 'titan_a',
      GOOGLE_SERVICE_ACCOUNT_JSON: SERVICE_ACCOUNT_JSON,
      BIGQUERY_API_ENDPOINT: first.url,
    });
    const warehouse = await openLiveWarehouse(() => vault.get(), dataDir);
    opened.push(warehouse);
    expect(warehouse.kind).toBe('bigquery');
    await warehouse.migrate();
    await warehouse.insertRows('system_cost_log', [{ timestamp: '2026-11-25T10:00:00Z', purpose: 'chat' }]);
    expect(first.received.length).toBeGreaterThan(0);
    const sentToSecondBefore = second.received.length;

    await vault.patch({ DATASET_ID: 'titan_b', BIGQUERY_API_ENDPOINT: second.url });
    const rows = await warehouse.query(
      `SELECT COUNT(*) AS n FROM ${warehouse.dialect.table('system_cost_log')}`,
    );
    expect(rows).toEqual([{ n: 0 }]);
    expect(warehouse.dialect.table('system_cost_log')).toContain('titan_b');
    const toSecond = second.received.slice(sentToSecondBefore).map((q) => q.query);
    expect(toSecond.some((q) => /CREATE TABLE IF NOT EXISTS/i.test(q))).toBe(true);
    expect(toSecond.some((q) => /COUNT\(\*\)/.test(q))).toBe(true);
  });

  it('stays on the embedded SQLite file when BigQuery is not configured', async () => {
    const warehouse = await openLiveWarehouse(() => ({}), tmp());
    opened.push(warehouse);
    expect(warehouse.kind).toBe('sqlite');
  });
});
