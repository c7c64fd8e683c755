// The real BigQuery warehouse on the local BigQuery fake: what a test that runs on both engines opens for "BigQuery".
import { createBigQueryWarehouse } from '../../src/core/warehouse/bigquery.ts';
import type { Warehouse } from '../../src/core/warehouse/port.ts';
import { type FakeBigQuery, startFakeBigQuery } from './bigquery.ts';

export interface FakeBigQueryWarehouse {
  warehouse: Warehouse;
  fake: FakeBigQuery;
  /** Closes the warehouse, then the fake server. */
  close(): Promise<void>;
}

export async function openFakeBigQueryWarehouse(): Promise<FakeBigQueryWarehouse> {
  const fake = await startFakeBigQuery();
  const warehouse = createBigQueryWarehouse({
    projectId: fake.projectId,
    datasetId: fake.datasetId,
    apiEndpoint: fake.url,
  });
  return {
    warehouse,
    fake,
    async close() {
      await warehouse.close();
      await fake.close();
    },
  };
}
