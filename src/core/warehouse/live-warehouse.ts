// A warehouse that follows the configuration: BigQuery's client is rebuilt when its credentials, project,
// dataset or endpoint change, so a PATCHed key works without a restart. The engine itself is fixed at start.
import type { ConfigValues } from '../config/schema.ts';
import { createSqliteFileWarehouse, loadBigQueryFactory, warehouseKind } from './create-warehouse.ts';
import type { Dialect, Warehouse } from './port.ts';

const BIGQUERY_KEYS = [
  'PROJECT_ID',
  'DATASET_ID',
  'GOOGLE_SERVICE_ACCOUNT_JSON',
  'GOOGLE_APPLICATION_CREDENTIALS',
  'BIGQUERY_API_ENDPOINT',
] as const;

const keyOf = (config: ConfigValues): string => BIGQUERY_KEYS.map((k) => config[k] ?? '').join('\n');

export async function openLiveWarehouse(config: () => ConfigValues, dataDir: string): Promise<Warehouse> {
  const initial = config();
  if (warehouseKind(initial) === 'sqlite') return createSqliteFileWarehouse(dataDir);

  const createWarehouse = await loadBigQueryFactory();
  let key = keyOf(initial);
  let current = createWarehouse(initial);
  let migrated: Promise<unknown> = Promise.resolve();

  /** Swaps in a client for the current settings; synchronous so SQL built from `dialect` names the new dataset. */
  function follow(): Warehouse {
    const now = config();
    // Removing BigQuery settings does not move the data back to SQLite: keep the last working client.
    if (warehouseKind(now) === 'bigquery' && keyOf(now) !== key) {
      const previous = current;
      key = keyOf(now);
      current = createWarehouse(now);
      // A new dataset gets its tables before first use; the old client has no open connections to drain.
      migrated = Promise.all([current.migrate(), previous.close()]);
    }
    return current;
  }

  async function live(): Promise<Warehouse> {
    const warehouse = follow();
    await migrated;
    return warehouse;
  }

  return {
    kind: 'bigquery',
    get dialect(): Dialect {
      return follow().dialect;
    },
    query: async (sql, params, options) => (await live()).query(sql, params, options),
    execute: async (sql, params) => (await live()).execute(sql, params),
    insertRows: async (table, rows) => (await live()).insertRows(table, rows),
    insertBlock: async (table, block) => (await live()).insertBlock(table, block),
    transaction: async (fn) => (await live()).transaction(fn),
    migrate: async () => (await live()).migrate(),
    health: async () => (await live()).health(),
    close: () => current.close(),
  };
}
