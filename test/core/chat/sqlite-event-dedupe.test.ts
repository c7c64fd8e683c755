// The event dedupe contract on SQLite.
import { createSqliteWarehouse } from '../../../src/core/warehouse/sqlite.ts';
import { eventDedupeContract } from './event-dedupe-contract.ts';

eventDedupeContract('sqlite', async () => {
  const warehouse = createSqliteWarehouse({ path: ':memory:' });
  return { warehouse, dispose: () => warehouse.close() };
});
