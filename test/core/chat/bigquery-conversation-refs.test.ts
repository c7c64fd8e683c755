// The conversation store contract on BigQuery: the real client library against the local fake BigQuery server.
import { openFakeBigQueryWarehouse } from '../../fakes/bigquery-warehouse.ts';
import { conversationStoreContract } from './conversation-refs-contract.ts';

conversationStoreContract('bigquery (fake server)', async () => {
  const { warehouse, close } = await openFakeBigQueryWarehouse();
  return { warehouse, dispose: close };
});
