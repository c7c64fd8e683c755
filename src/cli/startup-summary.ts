// The one-screen summary `titan serve` prints: what runs, what is not configured yet, how to configure it.
import path from 'node:path';
import type { AdminToken } from '../core/config/admin-token.ts';
import type { HealthReport, PartState } from '../core/health.ts';

const HINTS: Record<string, { configured: string; missing: string; keys: string }> = {
  warehouse: {
    configured: 'BigQuery',
    missing: 'SQLite file',
    keys: 'PROJECT_ID, DATASET_ID, GOOGLE_SERVICE_ACCOUNT_JSON',
  },
  llm: { configured: 'Gemini', missing: 'offline analyst answers', keys: 'GEMINI_API_KEY' },
  slack: {
    configured: 'POST /slack/events',
    missing: 'no Slack app yet',
    keys: 'SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET',
  },
  teams: {
    configured: 'POST /api/messages',
    missing: 'no Teams bot yet',
    keys: 'TEAMS_APP_ID, TEAMS_APP_PASSWORD, TEAMS_TENANT_ID',
  },
  drive: {
    configured: 'Google Drive folders',
    missing: 'local inbox folders',
    keys: 'GOOGLE_SERVICE_ACCOUNT_JSON, WATCH_FOLDER_<CAT>',
  },
  pos: {
    configured: 'Petpooja sales sync',
    missing: 'no POS sync',
    keys: 'PP_APP_KEY, PP_APP_SECRET, PP_ACCESS_TOKEN, PP_MAPPING_CODE',
  },
};

export interface SummaryInput {
  port: number;
  dataDir: string;
  health: HealthReport;
  token: AdminToken;
  demoSeeded: string | null;
  schedules: string[];
}

export function renderStartupSummary(input: SummaryInput): string {
  const url = `http://localhost:${input.port}`;
  const rel = (p: string) => path.relative(process.cwd(), p) || '.';
  const lines = [`Titan is running on ${url}  (data: ${rel(input.dataDir)})`, ''];
  for (const [part, hint] of Object.entries(HINTS)) {
    const state = input.health[part as keyof HealthReport] as PartState;
    const what = state === 'ready' ? hint.configured : hint.missing;
    const todo = state === 'ready' ? '' : `  → set ${hint.keys}`;
    lines.push(`  ${part.padEnd(10)} ${state.padEnd(15)} ${what}${todo}`);
  }
  if (input.demoSeeded) lines.push('', `  demo       ${input.demoSeeded}`);
  if (input.schedules.length) lines.push(`  schedules  ${input.schedules.join('; ')}`);
  for (const note of input.health.notes) lines.push(`  note       ${note}`);
  const bearer = input.token.file ? `$(cat ${rel(input.token.file)})` : '$TITAN_ADMIN_TOKEN';
  lines.push('');
  if (input.token.file) {
    lines.push(
      `Admin token ${input.token.generated ? 'created' : 'kept'} in ${rel(input.token.file)} (mode 0600).`,
    );
  } else {
    lines.push('Admin token: from TITAN_ADMIN_TOKEN.');
  }
  lines.push(
    'Configure (merge; other keys are kept):',
    `  curl -X PATCH ${url}/config -H "Authorization: Bearer ${bearer}" \\`,
    `       -H 'Content-Type: application/json' -d '{"GEMINI_API_KEY":"<your key>"}'`,
    `Ask offline:  npx titan ask "Scan for profit leaks in the last 7 days"`,
    'Stop: Ctrl-C',
  );
  return lines.join('\n');
}
