// The answer message store contract on SQLite.
import { createSqliteWarehouse } from '../../../src/core/warehouse/sqlite.ts';
import { answerMessageStoreContract } from './answer-messages-contract.ts';

answerMessageStoreContract('sqlite', async () => {
  const warehouse = createSqliteWarehouse({ path: ':memory:' });
  return { warehouse, dispose: () => warehouse.close() };
});
