// A Slack door wired to the fake Slack Web API, an in-memory SQLite warehouse, the real task queue and an analyst double.
import { createSlackDoor, type SlackDoor } from '../../../src/bot/slack/slack-door.ts';
import { createAnalyst } from '../../../src/core/analyst/analyst.ts';
import { generateDemo } from '../../../src/core/analyst/demo/generate-demo.ts';
import type { Analyst } from '../../../src/core/analyst/port.ts';
import type { ConfigValues } from '../../../src/core/config/schema.ts';
import { createLogger } from '../../../src/core/logger.ts';
import { createTaskService, type TaskQueue } from '../../../src/core/tasks/task-service.ts';
import type { Warehouse } from '../../../src/core/warehouse/port.ts';
import { createSqliteWarehouse } from '../../../src/core/warehouse/sqlite.ts';
import {
  type FakeSlack,
  type FakeSlackOptions,
  type RecordedCall,
  slackSignatureHeaders,
  startFakeSlack,
} from '../../fakes/slack.ts';
import { createScriptedAnalyst, type ScriptedAnalyst } from '../../helpers/scripted-analyst.ts';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const BOT_TOKEN = 'xoxb-test-token-0001';
export const NOW = new Date('2026-01-15T04:30:00.000Z');

const mentions = (line: string) => (c: RecordedCall) => JSON.stringify(c.body).includes(line);

export interface Harness {
  fake: FakeSlack;
  door: SlackDoor;
  analyst: ScriptedAnalyst;
  tasks: TaskQueue;
  warehouse: Warehouse;
  config: ConfigValues;
  logs: string[];
  /** Signs and POSTs a JSON event envelope. */
  postEvent(body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** Signs and POSTs a form body (slash command fields, or `payload` for interactions). */
  postForm(fields: Record<string, string>, headers?: Record<string, string>): Promise<Response>;
  /** Waits for all background work of the handled requests. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  fake?: FakeSlackOptions;
  /** The real analyst over a 35-day demo café instead of the scripted double (requests are still recorded). */
  realAnalyst?: boolean;
  config?: ConfigValues;
  warehouse?: Warehouse;
  answerTimeoutMs?: number;
  now?: () => Date;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await startFakeSlack(options.fake);
  const warehouse = options.warehouse ?? createSqliteWarehouse({ path: ':memory:' });
  await warehouse.migrate();
  const now = options.now ?? (() => NOW);
  const tasks = createTaskService({ warehouse, clock: { now } });
  const logs: string[] = [];
  // Each status line waits until Slack has shown it, as a real analyst's next step takes longer than an edit.
  const analyst = createScriptedAnalyst(tasks, async (line, send) => {
    const seen = fake.calls.filter(mentions(line)).length;
    send();
    await fake.waitFor((calls) => calls.filter(mentions(line)).length > seen);
  });
  const logger = createLogger({
    level: 'info',
    secrets: () => [BOT_TOKEN, SIGNING_SECRET],
    destination: { write: (line) => logs.push(line) },
  });
  let used: Analyst = analyst;
  if (options.realAnalyst) {
    await generateDemo({ warehouse, endDate: '2026-01-15', days: 35, now });
    const real = createAnalyst({ warehouse, tasks, clock: { now }, tz: 'Asia/Kolkata', logger });
    used = {
      ask: (request, onStatus) => {
        analyst.requests.push(request);
        return real.ask(request, onStatus);
      },
      dailyBrief: (scope, onStatus) => real.dailyBrief(scope, onStatus),
    };
  }
  const config: ConfigValues = {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    ...options.config,
  };
  const door = createSlackDoor({
    getConfig: () => config,
    analyst: used,
    tasks,
    warehouse,
    logger,
    clock: { now },
    retryConfig: { retries: 2, minTimeout: 10, maxTimeout: 50 },
    ...(options.answerTimeoutMs ? { answerTimeoutMs: options.answerTimeoutMs } : {}),
  });

  async function post(rawBody: string, contentType: string, headers: Record<string, string> = {}) {
    const signed = slackSignatureHeaders(SIGNING_SECRET, rawBody, Math.floor(now().getTime() / 1000));
    return door.handle(
      new Request('http://titan.test/slack/events', {
        method: 'POST',
        headers: { 'content-type': contentType, ...signed, ...headers },
        body: rawBody,
      }),
    );
  }

  return {
    fake,
    door,
    analyst,
    tasks,
    warehouse,
    config,
    logs,
    postEvent: (body, headers) => post(JSON.stringify(body), 'application/json', headers),
    postForm: (fields, headers) =>
      post(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', headers),
    settle: () => door.idle(),
    async close() {
      await door.idle();
      await fake.close();
      if (!options.warehouse) await warehouse.close();
    },
  };
}
