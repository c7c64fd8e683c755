// The Teams door wired to the fake Bot Connector, an in-memory SQLite warehouse, the real task queue and an analyst double.
import {
  type AdaptiveCard,
  CARD_CONTENT_TYPE,
  type CardElement,
} from '../../../src/bot/render/adaptive-card.ts';
import { renderChartPng } from '../../../src/bot/render/chart-png.ts';
import type { RenderChart } from '../../../src/bot/teams/chart-image.ts';
import { createTeamsDoor, type TeamsDoor } from '../../../src/bot/teams/teams-door.ts';
import type { ConfigValues } from '../../../src/core/config/schema.ts';
import { createLogger } from '../../../src/core/logger.ts';
import { createTaskService, type TaskQueue } from '../../../src/core/tasks/task-service.ts';
import type { Warehouse } from '../../../src/core/warehouse/port.ts';
import { createSqliteWarehouse } from '../../../src/core/warehouse/sqlite.ts';
import {
  type ConnectorCall,
  type FakeBotConnector,
  startFakeBotConnector,
} from '../../fakes/bot-connector.ts';
import { createScriptedAnalyst, type ScriptedAnalyst } from '../../helpers/scripted-analyst.ts';
import { readRecorded } from './json-schemas.ts';

export const NOW = new Date('2026-01-15T04:30:00.000Z');
/** The app and bot of the recorded Teams payloads. */
export const APP_ID = '11111111-2222-3333-4444-555555555555';
export const BOT_ID = `28:${APP_ID}`;
export const APP_PASSWORD = 'test-teams-app-password-0001';
export const TENANT_ID = 'a1b2c3d4-e5f6-7890-abcd-ef1234567890';
export const USER_AAD = '00000000-1111-2222-3333-444444444444';

export type Activity = Record<string, unknown>;

export interface Harness {
  fake: FakeBotConnector;
  door: TeamsDoor;
  analyst: ScriptedAnalyst;
  tasks: TaskQueue;
  warehouse: Warehouse;
  /** Mutable: tests change keys between requests, as PATCH /config would. */
  config: ConfigValues;
  logs: string[];
  /** Moves the clock the door and the task queue read. */
  advance(ms: number): void;
  /** A recorded Teams activity (file, key) pointed at the fake's serviceUrl, with overrides. */
  recorded(file: string, key: string, overrides?: Activity): Activity;
  /** POSTs an activity; in app-id mode it carries a token the fake signed unless `authorization` says otherwise. */
  post(
    activity: Activity,
    options?: { authorization?: string | null; remoteAddress?: string },
  ): Promise<Response>;
  /** Waits for all background work of the handled requests. */
  settle(): Promise<void>;
  messages(): ConnectorCall[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Verify tokens (TEAMS_APP_ID set) or run in emulator mode. */
  mode: 'app' | 'emulator';
  config?: ConfigValues;
  answerTimeoutMs?: number;
  /** Least time between a stream's updates; none unless a test is about the pace. */
  streamGapMs?: number;
  /** Draws answer charts; the real PNG renderer unless a test is about the chart's size. */
  renderChart?: RenderChart;
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const fake = await startFakeBotConnector({ clientId: APP_ID, clientSecret: APP_PASSWORD });
  const warehouse = createSqliteWarehouse({ path: ':memory:' });
  await warehouse.migrate();
  let now = NOW;
  const clock = { now: () => now };
  const tasks = createTaskService({ warehouse, clock });
  const analyst = createScriptedAnalyst(tasks);
  const config: ConfigValues = {
    ...(options.mode === 'app'
      ? { TEAMS_APP_ID: APP_ID, TEAMS_APP_PASSWORD: APP_PASSWORD, TEAMS_TENANT_ID: TENANT_ID }
      : {}),
    ...options.config,
  };
  const logs: string[] = [];
  const logger = createLogger({
    level: 'info',
    secrets: () => [APP_PASSWORD],
    destination: { write: (line) => logs.push(line) },
  });
  const door = createTeamsDoor({
    getConfig: () => config,
    analyst,
    tasks,
    warehouse,
    logger,
    clock,
    endpoints: fake.endpoints,
    renderChart: options.renderChart ?? ((chart, scale) => renderChartPng(chart, { scale })),
    ...(options.answerTimeoutMs ? { answerTimeoutMs: options.answerTimeoutMs } : {}),
    streamGapMs: options.streamGapMs ?? 0,
  });

  return {
    fake,
    door,
    analyst,
    tasks,
    warehouse,
    config,
    logs,
    advance(ms) {
      now = new Date(now.getTime() + ms);
    },
    recorded(file, key, overrides = {}) {
      const activity = structuredClone(readRecorded(file)[key]!);
      return { ...activity, serviceUrl: fake.serviceUrl, ...overrides };
    },
    post(activity, postOptions = {}) {
      const authorization =
        postOptions.authorization === undefined
          ? config.TEAMS_APP_ID
            ? `Bearer ${fake.signToken(config.TEAMS_APP_ID, { serviceurl: activity.serviceUrl })}`
            : null
          : postOptions.authorization;
      return door.handle(
        new Request('http://titan.test/api/messages', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(authorization ? { authorization } : {}),
          },
          body: JSON.stringify(activity),
        }),
        { remoteAddress: postOptions.remoteAddress ?? '127.0.0.1' },
      );
    },
    settle: () => door.idle(),
    messages: () => fake.calls.filter((c) => c.body.type === 'message'),
    async close() {
      await door.idle();
      await fake.close();
      await warehouse.close();
    },
  };
}

/**
 * The call that left the answer display as the user sees it: the final message of a stream (1:1 chats) or the
 * last edit of the status card (channels, group chats, and chats that could not stream).
 */
export function finalCall(calls: ConnectorCall[]): ConnectorCall {
  const final = calls.filter(
    (c) =>
      c.method === 'PUT' ||
      (c.body.channelData as { streamType?: string } | undefined)?.streamType === 'final',
  );
  return final.at(-1)!;
}

/** The Adaptive Cards an outbound activity carries. */
export function cardsOf(call: ConnectorCall): AdaptiveCard[] {
  const attachments = (call.body.attachments ?? []) as { contentType: string; content: AdaptiveCard }[];
  return attachments.filter((a) => a.contentType === CARD_CONTENT_TYPE).map((a) => a.content);
}

/** Every text on a card (TextBlocks, containers, table rows as "cell | cell"), in order, for assertions a reader would make. */
export function cardTexts(card: AdaptiveCard): string[] {
  const walk = (elements: CardElement[]): string[] =>
    elements.flatMap((e) => {
      if (e.type === 'TextBlock') return [e.text];
      if (e.type === 'Container') return walk(e.items);
      if (e.type === 'Table')
        return e.rows.map((r) => r.cells.map((c) => walk(c.items).join(' ')).join(' | '));
      return [];
    });
  return walk(card.body);
}
