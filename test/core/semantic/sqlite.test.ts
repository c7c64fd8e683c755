// The semantic layer's contract on the embedded SQLite engine (in memory).
import { createSqliteWarehouse } from '../../../src/core/warehouse/sqlite.ts';
import { semanticContract } from './contract.ts';

semanticContract('sqlite', async () => {
  const warehouse = createSqliteWarehouse({ path: ':memory:' });
  return { warehouse, dispose: () => warehouse.close() };
});
