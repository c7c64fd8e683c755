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

const SPECIAL: Partial<Record<ConfigKey, string>> = {
  GOOGLE_SERVICE_ACCOUNT_JSON: SERVICE_ACCOUNT_JSON,
  SLACK_BOT_TOKEN: 'xoxb-secret-bot-token-1234',
  DIGEST_CRON: '0 8 * * *',
  LLM_MONTHLY_BUDGET_INR: '500',
  DAILY_REVENUE_TARGET: '45000',
  SLACK_API_URL: 'http://127.0.0.1:9/api/',
  GEMINI_BASE_URL: 'http://127.0.0.1:9',
  DRIVE_ROOT_URL: 'http://127.0.0.1:9/',
  BIGQUERY_API_ENDPOINT: 'http://127.0.0.1:9',
  PP_BASE_URL: 'http://127.0.0.1:9',
};

/** A valid value for `key`; `variant` makes distinct values of the same key. */
export function validValue(key: ConfigKey, variant = 0): string {
  const special = SPECIAL[key];
  if (special !== undefined) {
    if (variant === 0) return special;
    if (key === 'SLACK_BOT_TOKEN') return `${special}-${variant}`;
    if (key === 'DIGEST_CRON') return `${variant % 60} 8 * * *`;
    if (key.endsWith('_URL') || key === 'BIGQUERY_API_ENDPOINT') return `http://127.0.0.1:${1000 + variant}/`;
    if (/^\d/.test(special)) return String(100 + variant);
    return special;
  }
  return `value-${key.toLowerCase()}-${variant}`;
}

export const everyKeySet = (): Record<ConfigKey, string> =>
  Object.fromEntries(KEY_NAMES.map((k) => [k, validValue(k)])) as Record<ConfigKey, string>;
