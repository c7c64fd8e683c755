// The warehouse contract on BigQuery: the real client library against the local fake BigQuery server.
import { createBigQueryWarehouse } from '../../../src/core/warehouse/bigquery.ts';
import { startFakeBigQuery } from '../../fakes/bigquery.ts';
import { warehouseContract } from './contract.ts';

warehouseContract('bigquery (fake server)', async () => {
  const fake = await startFakeBigQuery();
  // Small statements so the 2,500-row case crosses statements and must use a transaction to stay atomic.
  const warehouse = createBigQueryWarehouse({
    projectId: fake.projectId,
    datasetId: fake.datasetId,
    apiEndpoint: fake.url,
    insertChunkRows: 1_000,
  });
  return {
    warehouse,
    dispose: async () => {
      await warehouse.close();
      await fake.close();
    },
  };
});
