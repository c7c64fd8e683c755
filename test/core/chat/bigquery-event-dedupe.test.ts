// The event dedupe contract on BigQuery: the real client library against the local fake BigQuery server.
import { openFakeBigQueryWarehouse } from '../../fakes/bigquery-warehouse.ts';
import { eventDedupeContract } from './event-dedupe-contract.ts';

eventDedupeContract('bigquery (fake server)', async () => {
  const { warehouse, fake, close } = await openFakeBigQueryWarehouse();
  return {
    warehouse,
    dispose: close,
    // What BigQuery answers a service account that may insert into the table but not delete from it.
    refuseDeletes: async () => {
      fake.refuse = (q) =>
        q.query.startsWith('DELETE FROM')
          ? {
              status: 403,
              reason: 'accessDenied',
              message: 'Access Denied: Table chat_events: Permission bigquery.tables.updateData denied',
            }
          : undefined;
    },
  };
});
