// Picks the warehouse from configuration: BigQuery when it is fully configured, else the embedded SQLite file.
// BigQuery's client library is loaded only when it is chosen: it costs a one-shot `titan ask` a tenth of its start-up.
import path from 'node:path';
import type { ConfigValues } from '../config/schema.ts';
import { TitanError } from '../errors.ts';
import type { BigQueryWarehouseOptions } from './bigquery.ts';
import type { Warehouse } from './port.ts';
import { createSqliteWarehouse } from './sqlite.ts';

/** The embedded database file inside the data directory. */
export const SQLITE_FILE = 'titan.db';

/** BigQuery needs a project, a dataset and a service account (inline JSON or a key file). */
export function warehouseKind(config: ConfigValues): 'sqlite' | 'bigquery' {
  const credentials = config.GOOGLE_SERVICE_ACCOUNT_JSON ?? config.GOOGLE_APPLICATION_CREDENTIALS;
  return config.PROJECT_ID && config.DATASET_ID && credentials ? 'bigquery' : 'sqlite';
}

function parseServiceAccount(json: string): { client_email: string; private_key: string } {
  try {
    const { client_email, private_key } = JSON.parse(json) as { client_email: string; private_key: string };
    return { client_email, private_key };
  } catch (err) {
    // The message names the key only: the value is a secret.
    throw new TitanError(
      'config.invalid',
      'GOOGLE_SERVICE_ACCOUNT_JSON is not valid JSON; paste the whole key file.',
      {
        cause: err,
        detail: { key: 'GOOGLE_SERVICE_ACCOUNT_JSON' },
      },
    );
  }
}

/** The SQLite warehouse in the data directory. */
export function createSqliteFileWarehouse(dataDir: string): Warehouse {
  return createSqliteWarehouse({ path: path.join(dataDir, SQLITE_FILE) });
}

/** BigQuery's options from a configuration `warehouseKind` calls 'bigquery'. */
function bigQueryOptions(config: ConfigValues): BigQueryWarehouseOptions {
  return {
    projectId: config.PROJECT_ID as string,
    datasetId: config.DATASET_ID as string,
    ...(config.GOOGLE_SERVICE_ACCOUNT_JSON
      ? { credentials: parseServiceAccount(config.GOOGLE_SERVICE_ACCOUNT_JSON) }
      : { keyFilename: config.GOOGLE_APPLICATION_CREDENTIALS as string }),
    ...(config.BIGQUERY_API_ENDPOINT ? { apiEndpoint: config.BIGQUERY_API_ENDPOINT } : {}),
  };
}

/** Builds BigQuery warehouses for configurations that call for one, its library loaded once, here. */
export async function loadBigQueryFactory(): Promise<(config: ConfigValues) => Warehouse> {
  const { createBigQueryWarehouse } = await import('./bigquery.ts');
  return (config) => createBigQueryWarehouse(bigQueryOptions(config));
}
