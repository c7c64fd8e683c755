// Every configuration key Titan knows: its type, whether it is a secret, and what it is for. Declared once.
import { z } from 'zod';
import { CATEGORIES, type Category } from '../warehouse/tables.ts';

export interface KeySpec {
  schema: z.ZodType<string>;
  secret: boolean;
  description: string;
  default?: string;
}

const text = z.string().min(1);
const url = z.url();
const idList = z.string().regex(/^[^,\s][^,]*(,[^,]+)*$/, 'a comma-separated list');
const cron = z.string().regex(/^(\S+\s+){4,5}\S+$/, 'a cron expression with 5 or 6 fields');
const money = z.string().regex(/^\d+(\.\d+)?$/, 'a positive number');
const serviceAccountJson = z.string().refine((v) => {
  try {
    const parsed = JSON.parse(v) as { client_email?: unknown; private_key?: unknown };
    return typeof parsed.client_email === 'string' && typeof parsed.private_key === 'string';
  } catch {
    return false;
  }
}, 'a service-account JSON key with client_email and private_key');

const secret = (description: string, schema: z.ZodType<string> = text): KeySpec => ({
  schema,
  secret: true,
  description,
});
const plain = (description: string, schema: z.ZodType<string> = text, def?: string): KeySpec =>
  def === undefined
    ? { schema, secret: false, description }
    : { schema, secret: false, description, default: def };

/** WATCH_FOLDER_SALES … FAILED_FOLDER_INVENTORY, typed so config readers can name them. */
export type FolderKey = `${'WATCH' | 'ARCHIVE' | 'FAILED'}_FOLDER_${Uppercase<Category>}`;

const folderKeys = Object.fromEntries(
  CATEGORIES.flatMap((category) => {
    const cat = category.toUpperCase();
    return [
      [`WATCH_FOLDER_${cat}`, plain(`Drive folder id (or local path) watched for new ${category} files`)],
      [`ARCHIVE_FOLDER_${cat}`, plain(`Where ${category} files go after they load`)],
      [`FAILED_FOLDER_${cat}`, plain(`Where ${category} files that failed go, with their reason`)],
    ];
  }),
) as Record<FolderKey, KeySpec>;

/** The configuration keys of CONTRACT.md, in the order the README lists them. */
export const CONFIG_KEYS = {
  PROJECT_ID: plain('Google Cloud project of the BigQuery warehouse'),
  DATASET_ID: plain('BigQuery dataset holding Titan tables'),
  GOOGLE_SERVICE_ACCOUNT_JSON: secret('Service-account JSON key (BigQuery and Drive)', serviceAccountJson),
  GOOGLE_APPLICATION_CREDENTIALS: plain(
    'Path to a service-account JSON key file (instead of the JSON itself)',
  ),
  GEMINI_API_KEY: secret('Gemini API key; without it Titan answers with its offline analyst'),
  GEMINI_MODEL: plain('Gemini model name', text, 'gemini-2.5-flash'),
  LLM_MONTHLY_BUDGET_INR: plain('Monthly LLM spend cap in ₹; past it Titan answers offline', money),
  PP_APP_KEY: secret('Petpooja app key'),
  PP_APP_SECRET: secret('Petpooja app secret'),
  PP_ACCESS_TOKEN: secret('Petpooja access token'),
  PP_MAPPING_CODE: plain('Petpooja restaurant id (mapping code)'),
  SLACK_BOT_TOKEN: secret(
    'Slack bot token (xoxb-…)',
    z.string().regex(/^xox[bp]-/, 'a Slack bot token starting xoxb-'),
  ),
  SLACK_SIGNING_SECRET: secret('Slack signing secret used to verify requests'),
  TEAMS_APP_ID: plain('Microsoft Teams bot app id'),
  TEAMS_APP_PASSWORD: secret('Microsoft Teams bot app password (client secret)'),
  TEAMS_TENANT_ID: plain(
    'Microsoft Entra tenant id of a single-tenant Teams bot; other tenants are then ignored',
  ),
  ...folderKeys,
  DIGEST_CRON: plain('When the morning brief is posted (cron, in TITAN_TZ)', cron, '0 8 * * *'),
  DIGEST_CHANNELS: plain(
    'Comma-separated Slack channel ids / Teams conversation ids for the morning brief',
    idList,
  ),
  DAILY_REVENUE_TARGET: plain('Daily revenue target in ₹', money),
  TITAN_OWNERS: plain('Comma-separated Slack/Teams user ids allowed financial answers', idList),
  TITAN_MANAGERS: plain('Comma-separated Slack/Teams user ids allowed to act on tasks', idList),
  PRIVATE_OK_CHANNELS: plain('Comma-separated channel ids where staff-level detail may be shown', idList),
  CORS_ORIGINS: plain('Comma-separated browser origins allowed to call the admin API', idList),
  SLACK_API_URL: plain('Slack Web API base URL', url, 'https://slack.com/api/'),
  GEMINI_BASE_URL: plain('Gemini API base URL', url),
  DRIVE_ROOT_URL: plain('Google Drive API root URL', url),
  BIGQUERY_API_ENDPOINT: plain('BigQuery API endpoint', url),
  PP_BASE_URL: plain('Petpooja API base URL', url),
  TEAMS_SERVICE_URL_ALLOWLIST: plain('Comma-separated Bot Framework service URLs replies may go to', idList),
} satisfies Record<string, KeySpec>;

export type ConfigKey = keyof typeof CONFIG_KEYS;
export const KEY_NAMES = Object.keys(CONFIG_KEYS) as ConfigKey[];
export const isConfigKey = (key: string): key is ConfigKey => Object.hasOwn(CONFIG_KEYS, key);
export const isSecretKey = (key: ConfigKey): boolean => CONFIG_KEYS[key].secret;

/** The resolved configuration: every key that has a value (default, env or override). */
export type ConfigValues = Partial<Record<ConfigKey, string>>;
