// What is running and what is not configured yet: the data behind /health and the start-up summary.
import type { ConfigValues } from './config/schema.ts';
import type { Warehouse } from './warehouse/port.ts';
import type { SqliteReadPool } from './warehouse/sqlite-read-pool.ts';

export type PartState = 'ready' | 'embedded' | 'not configured';

export interface HealthReport {
  status: 'ok' | 'degraded';
  warehouse: PartState | 'unavailable';
  llm: PartState;
  slack: PartState;
  teams: PartState;
  drive: PartState;
  pos: PartState;
  /**
   * The SQLite readers that answer questions, where a read pool runs: how many are alive of `size` and busy, and
   * whether one answered a probe read just now ('busy': all were reading other questions; 'unavailable' degrades
   * the report: questions would fail).
   */
  readers?: { state: 'ready' | 'busy' | 'unavailable'; alive: number; busy: number; size: number };
  /** Things an operator should know (never a secret). */
  notes: string[];
}

const all = (values: ConfigValues, keys: (keyof ConfigValues)[]): boolean =>
  keys.every((k) => Boolean(values[k]));

export const hasServiceAccount = (values: ConfigValues): boolean =>
  all(values, ['GOOGLE_SERVICE_ACCOUNT_JSON']) || all(values, ['GOOGLE_APPLICATION_CREDENTIALS']);

export const OPEN_ACCESS_NOTE =
  'TITAN_OWNERS is empty: every member of the installed workspace counts as an owner until it is set.';

/**
 * `warehouse` is null where none runs in this process (the Workers entry serves configuration only); `problems`
 * are the config vault's (invalid stored values, changes that could not be applied), shown first; `readPool` is the
 * SQLite read pool answering questions, when one runs.
 */
export async function checkHealth(
  warehouse: Warehouse | null,
  values: ConfigValues,
  problems: string[] = [],
  readPool?: Pick<SqliteReadPool, 'health'>,
): Promise<HealthReport> {
  const [wh, pool] = await Promise.all([
    warehouse ? warehouse.health().catch(() => ({ ok: false, kind: warehouse.kind })) : null,
    readPool?.health(),
  ]);
  const notes: string[] = [...problems];
  if (pool && !pool.ok) {
    notes.push(
      `No SQLite reader is answering questions (${pool.detail}); questions fail until one does. ` +
        'Check that the data directory is readable and the server may start processes, or restart it.',
    );
  }
  if (!values.TITAN_OWNERS) notes.push(OPEN_ACCESS_NOTE);
  if (values.LLM_MONTHLY_BUDGET_INR === undefined && values.GEMINI_API_KEY) {
    notes.push('No LLM_MONTHLY_BUDGET_INR set: Gemini spend is not capped.');
  }
  return {
    status: (wh && !wh.ok) || (pool && !pool.ok) ? 'degraded' : 'ok',
    warehouse: !wh ? 'not configured' : !wh.ok ? 'unavailable' : wh.kind === 'sqlite' ? 'embedded' : 'ready',
    llm: values.GEMINI_API_KEY ? 'ready' : 'not configured',
    slack: all(values, ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET']) ? 'ready' : 'not configured',
    teams: all(values, ['TEAMS_APP_ID', 'TEAMS_APP_PASSWORD']) ? 'ready' : 'not configured',
    drive: hasServiceAccount(values) ? 'ready' : 'embedded',
    pos: all(values, ['PP_APP_KEY', 'PP_APP_SECRET', 'PP_ACCESS_TOKEN', 'PP_MAPPING_CODE'])
      ? 'ready'
      : 'not configured',
    ...(pool
      ? {
          readers: {
            state: !pool.ok ? 'unavailable' : pool.detail ? 'busy' : 'ready',
            alive: pool.alive,
            busy: pool.busy,
            size: pool.size,
          },
        }
      : {}),
    notes,
  };
}
