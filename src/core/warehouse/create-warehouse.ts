// Picks the warehouse from configuration: BigQuery when it is fully configured, else the embedded SQLite file.
import path from 'node:path';
import type { ConfigValues } from '../config/schema.ts';
import { TitanError } from '../errors.ts';
import { createBigQueryWarehouse } from './bigquery.ts';
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

export function createWarehouse(config: ConfigValues, dataDir: string): Warehouse {
  if (warehouseKind(config) === 'sqlite')
    return createSqliteWarehouse({ path: path.join(dataDir, SQLITE_FILE) });
  return createBigQueryWarehouse({
    projectId: config.PROJECT_ID as string,
    datasetId: config.DATASET_ID as string,
    ...(config.GOOGLE_SERVICE_ACCOUNT_JSON
      ? { credentials: parseServiceAccount(config.GOOGLE_SERVICE_ACCOUNT_JSON) }
      : { keyFilename: config.GOOGLE_APPLICATION_CREDENTIALS as string }),
    ...(config.BIGQUERY_API_ENDPOINT ? { apiEndpoint: config.BIGQUERY_API_ENDPOINT } : {}),
  });
}
