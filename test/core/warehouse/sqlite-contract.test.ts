// The warehouse contract on the embedded SQLite engine (in memory).
import { createSqliteWarehouse } from '../../../src/core/warehouse/sqlite.ts';
import { warehouseContract } from './contract.ts';

warehouseContract('sqlite', async () => {
  const warehouse = createSqliteWarehouse({ path: ':memory:' });
  return { warehouse, dispose: () => warehouse.close() };
});
