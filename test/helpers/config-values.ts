// A valid value for every configuration key, so tests can "set every credential".
import { generateKeyPairSync } from 'node:crypto';
import { type ConfigKey, KEY_NAMES } from '../../src/core/config/schema.ts';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

export const SERVICE_ACCOUNT_JSON = JSON.stringify({
  type: 'service_account',
  client_email: 'titan-test@demo-project.iam.gserviceaccount.com',
  private_key: pem,
});

/** Keys whose values have a shape; `v` makes distinct values of the same key. */
const SHAPED: Partial<Record<ConfigKey, (v: number) => string>> = {
  GOOGLE_SERVICE_ACCOUNT_JSON: () => SERVICE_ACCOUNT_JSON,
  SLACK_BOT_TOKEN: (v) => (v === 0 ? 'xoxb-secret-bot-token-1234' : `xoxb-secret-bot-token-1234-${v}`),
  DIGEST_CRON: (v) => `${v % 60} 8 * * *`,
  LLM_MONTHLY_BUDGET_INR: (v) => String(500 + v),
  DAILY_REVENUE_TARGET: (v) => String(45000 + v),
  SLACK_API_URL: (v) => `http://127.0.0.1:${9 + v}/api/`,
  GEMINI_BASE_URL: (v) => `http://127.0.0.1:${9 + v}`,
  DRIVE_ROOT_URL: (v) => `http://127.0.0.1:${9 + v}/`,
  BIGQUERY_API_ENDPOINT: (v) => `http://127.0.0.1:${9 + v}`,
  PP_BASE_URL: (v) => `http://127.0.0.1:${9 + v}`,
  TEAMS_SERVICE_URL_ALLOWLIST: (v) => `https://smba-${v}.trafficmanager.net/`,
  CORS_ORIGINS: (v) => `https://ops-${v}.example.com`,
  TEAMS_APP_ID: (v) => `11111111-2222-3333-4444-${String(v).padStart(12, '0')}`,
  TEAMS_TENANT_ID: (v) => `a1b2c3d4-e5f6-7890-abcd-${String(v).padStart(12, '0')}`,
  PROJECT_ID: (v) => `demo-project-${v}`,
  DATASET_ID: (v) => `titan_${v}`,
};

/** A valid value for `key`; `variant` makes distinct values of the same key. */
export function validValue(key: ConfigKey, variant = 0): string {
  return SHAPED[key]?.(variant) ?? `value-${key.toLowerCase()}-${variant}`;
}

export const everyKeySet = (): Record<ConfigKey, string> =>
  Object.fromEntries(KEY_NAMES.map((k) => [k, validValue(k)])) as Record<ConfigKey, string>;
