// The conversation store contract on SQLite.
import { createSqliteWarehouse } from '../../../src/core/warehouse/sqlite.ts';
import { conversationStoreContract } from './conversation-refs-contract.ts';

conversationStoreContract('sqlite', async () => {
  const warehouse = createSqliteWarehouse({ path: ':memory:' });
  return { warehouse, dispose: () => warehouse.close() };
});
