// The event dedupe contract on SQLite.
import { createSqliteWarehouse } from '../../../src/core/warehouse/sqlite.ts';
import { eventDedupeContract } from './event-dedupe-contract.ts';

eventDedupeContract('sqlite', async () => {
  const warehouse = createSqliteWarehouse({ path: ':memory:' });
  return {
    warehouse,
    dispose: () => warehouse.close(),
    // SQLite's own refusal, raised by a trigger as a read-only or corrupt database would raise it.
    refuseDeletes: async () => {
      await warehouse.execute(
        `CREATE TRIGGER chat_events_keep BEFORE DELETE ON chat_events
         BEGIN SELECT RAISE(ABORT, 'attempt to write a readonly database'); END`,
      );
    },
  };
});
