// The event dedupe contract on BigQuery: the real client library against the local fake BigQuery server.
import { openFakeBigQueryWarehouse } from '../../fakes/bigquery-warehouse.ts';
import { eventDedupeContract } from './event-dedupe-contract.ts';

eventDedupeContract('bigquery (fake server)', async () => {
  const { warehouse, close } = await openFakeBigQueryWarehouse();
  return { warehouse, dispose: close };
});
