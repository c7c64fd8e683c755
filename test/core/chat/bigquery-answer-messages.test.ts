// The answer message store contract on BigQuery: the real client library against the local fake BigQuery server.
import { openFakeBigQueryWarehouse } from '../../fakes/bigquery-warehouse.ts';
import { answerMessageStoreContract } from './answer-messages-contract.ts';

answerMessageStoreContract('bigquery (fake server)', async () => {
  const { warehouse, close } = await openFakeBigQueryWarehouse();
  return { warehouse, dispose: close };
});
