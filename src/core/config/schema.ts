// Every configuration key Titan knows: its type, whether it is a secret, and what it is for. Declared once.
import { z } from 'zod';
import { checkCron } from '../schedule/cron-pattern.ts';
import { CATEGORIES, type Category } from '../warehouse/tables.ts';

export interface KeySpec {
  schema: z.ZodType<string>;
  secret: boolean;
  description: string;
  default?: string;
}

/**
 * Every value is checked for what will consume it, with a length cap, so nothing a client, the scheduler or a
 * query would choke on is ever stored: a bad value is a 400 naming the key, not a crash later.
 */
const capped = (max: number) => z.string().min(1).max(max, `at most ${max} characters`);
/** No whitespace or control characters: API keys, secrets and tokens are single printable words. */
const token = capped(1024).regex(/^[^\s\p{Cc}]+$/u, 'a single word with no spaces or control characters');
/** A file path or Drive folder id: any printable text, never control characters (they end up in logs). */
const location = capped(4096).regex(/^[^\p{Cc}]+$/u, 'a path or folder id without control characters');
const guid = z
  .string()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    'a GUID like 00000000-0000-0000-0000-000000000000',
  );
const httpUrl = capped(2048).pipe(z.url({ protocol: /^https?$/, error: 'an http(s) URL' }));
/** Comma-separated entries, each checked by `item`; blanks around commas are allowed. */
const listOf = (item: z.ZodType<string>, what: string) =>
  capped(16_384).refine(
    (v) => v.split(',').every((entry) => item.safeParse(entry.trim()).success),
    `a comma-separated list of ${what}`,
  );
/** Slack ids (U0123ABC, C0123ABC), Teams ids (29:…, 19:…@thread.tacv2, a:…), AAD object ids, emails. */
const chatId = z.string().regex(/^[A-Za-z0-9:@._+=/-]{1,512}$/);
const origin = httpUrl.refine(
  (v) => new URL(v).origin === v.replace(/\/$/, ''),
  'an origin such as https://ops.example.com',
);
const cron = capped(128).superRefine((v, ctx) => {
  const check = checkCron(v);
  if (!check.ok) ctx.addIssue({ code: 'custom', message: check.reason });
});
const money = capped(16).regex(/^\d+(\.\d+)?$/, 'a positive number');
const serviceAccountJson = capped(65_536).refine((v) => {
  try {
    const parsed = JSON.parse(v) as { client_email?: unknown; private_key?: unknown };
    return typeof parsed.client_email === 'string' && typeof parsed.private_key === 'string';
  } catch {
    return false;
  }
}, 'a service-account JSON key with client_email and private_key');

const secret = (description: string, schema: z.ZodType<string> = token): KeySpec => ({
  schema,
  secret: true,
  description,
});
const plain = (description: string, schema: z.ZodType<string>, def?: string): KeySpec =>
  def === undefined
    ? { schema, secret: false, description }
    : { schema, secret: false, description, default: def };

/** WATCH_FOLDER_SALES … FAILED_FOLDER_INVENTORY, typed so config readers can name them. */
export type FolderKey = `${'WATCH' | 'ARCHIVE' | 'FAILED'}_FOLDER_${Uppercase<Category>}`;

const folderKeys = Object.fromEntries(
  CATEGORIES.flatMap((category) => {
    const cat = category.toUpperCase();
    return [
      [
        `WATCH_FOLDER_${cat}`,
        plain(`Drive folder id (or local path) watched for new ${category} files`, location),
      ],
      [`ARCHIVE_FOLDER_${cat}`, plain(`Where ${category} files go after they load`, location)],
      [`FAILED_FOLDER_${cat}`, plain(`Where ${category} files that failed go, with their reason`, location)],
    ];
  }),
) as Record<FolderKey, KeySpec>;

/** The configuration keys of CONTRACT.md, in the order the README lists them. */
export const CONFIG_KEYS = {
  PROJECT_ID: plain(
    'Google Cloud project of the BigQuery warehouse',
    z
      .string()
      .regex(
        /^([a-z][a-z0-9.-]{0,62}:)?[a-z][a-z0-9-]{0,62}$/,
        'a Google Cloud project id such as acme-cafe',
      ),
  ),
  DATASET_ID: plain(
    'BigQuery dataset holding Titan tables',
    z.string().regex(/^[A-Za-z0-9_]{1,1024}$/, 'a BigQuery dataset name (letters, digits, underscores)'),
  ),
  GOOGLE_SERVICE_ACCOUNT_JSON: secret('Service-account JSON key (BigQuery and Drive)', serviceAccountJson),
  GOOGLE_APPLICATION_CREDENTIALS: plain(
    'Path to a service-account JSON key file (instead of the JSON itself)',
    location,
  ),
  GEMINI_API_KEY: secret('Gemini API key; without it Titan answers with its offline analyst'),
  GEMINI_MODEL: plain(
    'Gemini model name',
    z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,127}$/, 'a model name such as gemini-2.5-flash'),
    'gemini-2.5-flash',
  ),
  LLM_MONTHLY_BUDGET_INR: plain('Monthly LLM spend cap in ₹; past it Titan answers offline', money),
  PP_APP_KEY: secret('Petpooja app key'),
  PP_APP_SECRET: secret('Petpooja app secret'),
  PP_ACCESS_TOKEN: secret('Petpooja access token'),
  PP_MAPPING_CODE: plain(
    'Petpooja restaurant id (mapping code)',
    z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a Petpooja restaurant id (letters, digits, - or _)'),
  ),
  SLACK_BOT_TOKEN: secret(
    'Slack bot token (xoxb-…)',
    token.regex(/^xox[bp]-/, 'a Slack bot token starting xoxb-'),
  ),
  SLACK_SIGNING_SECRET: secret('Slack signing secret used to verify requests'),
  TEAMS_APP_ID: plain('Microsoft Teams bot app id', guid),
  TEAMS_APP_PASSWORD: secret('Microsoft Teams bot app password (client secret)'),
  TEAMS_TENANT_ID: plain(
    'Microsoft Entra tenant id of a single-tenant Teams bot; other tenants are then ignored',
    guid,
  ),
  ...folderKeys,
  DIGEST_CRON: plain('When the morning brief is posted (cron, in TITAN_TZ)', cron, '0 8 * * *'),
  DIGEST_CHANNELS: plain(
    'Comma-separated Slack channel ids / Teams conversation ids for the morning brief',
    listOf(chatId, 'channel or conversation ids'),
  ),
  DAILY_REVENUE_TARGET: plain('Daily revenue target in ₹', money),
  TITAN_OWNERS: plain(
    'Comma-separated Slack/Teams user ids allowed financial answers',
    listOf(chatId, 'user ids'),
  ),
  TITAN_MANAGERS: plain(
    'Comma-separated Slack/Teams user ids allowed to act on tasks',
    listOf(chatId, 'user ids'),
  ),
  PRIVATE_OK_CHANNELS: plain(
    'Comma-separated channel ids where staff-level detail may be shown',
    listOf(chatId, 'channel ids'),
  ),
  CORS_ORIGINS: plain(
    'Comma-separated browser origins allowed to call the admin API',
    listOf(origin, 'origins such as https://ops.example.com'),
  ),
  SLACK_API_URL: plain('Slack Web API base URL', httpUrl, 'https://slack.com/api/'),
  GEMINI_BASE_URL: plain('Gemini API base URL', httpUrl),
  DRIVE_ROOT_URL: plain('Google Drive API root URL', httpUrl),
  BIGQUERY_API_ENDPOINT: plain('BigQuery API endpoint', httpUrl),
  PP_BASE_URL: plain('Petpooja API base URL', httpUrl),
  TEAMS_SERVICE_URL_ALLOWLIST: plain(
    'Comma-separated Bot Framework service URLs replies may go to',
    listOf(httpUrl, 'http(s) URLs'),
  ),
} satisfies Record<string, KeySpec>;

export type ConfigKey = keyof typeof CONFIG_KEYS;
export const KEY_NAMES = Object.keys(CONFIG_KEYS) as ConfigKey[];
export const isConfigKey = (key: string): key is ConfigKey => Object.hasOwn(CONFIG_KEYS, key);
export const isSecretKey = (key: ConfigKey): boolean => CONFIG_KEYS[key].secret;

/** The resolved configuration: every key that has a value (default, env or override). */
export type ConfigValues = Partial<Record<ConfigKey, string>>;
