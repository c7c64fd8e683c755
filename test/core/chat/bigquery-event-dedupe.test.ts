// The event dedupe contract on BigQuery: every "process" is its own client to the fake BigQuery server.
import { createBigQueryWarehouse } from '../../../src/core/warehouse/bigquery.ts';
import { startFakeBigQuery } from '../../fakes/bigquery.ts';
import { eventDedupeContract } from './event-dedupe-contract.ts';

eventDedupeContract('bigquery (fake server)', async () => {
  const fake = await startFakeBigQuery();
  return {
    open: () =>
      createBigQueryWarehouse({
        projectId: fake.projectId,
        datasetId: fake.datasetId,
        apiEndpoint: fake.url,
      }),
    dispose: () => fake.close(),
  };
});
