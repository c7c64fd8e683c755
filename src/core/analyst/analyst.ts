// The offline analyst: routes a question to its intent, answers from the warehouse's numbers, queues its tasks.
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import type { Answer, Period } from '../model/answer.ts';
import type { TaskQueue } from '../tasks/task-service.ts';
import type { Warehouse } from '../warehouse/port.ts';
import { type AnalystDeps, answerFromMetrics } from './answer-from-metrics.ts';
import { dateInZone } from './calendar.ts';
import { composeDailyBrief } from './daily-brief.ts';
import { INTENT_PLANS, type MetricIntentId } from './intent-plans.ts';
import { classifyIntent } from './intents.ts';
import { knownItems, matchItem } from './items.ts';
import type { Metric } from './metric.ts';
import { METRICS } from './metrics/index.ts';
import { resolvePeriod } from './periods.ts';
import type { Analyst, AskRequest, Audience, StatusListener } from './port.ts';
import { helpAnswer, privateOnlyAnswer, unknownAnswer } from './static-answers.ts';
import { openTasksAnswer } from './task-lines.ts';

/** A later path (Gemini) for questions outside the offline intents; null hands the question back. */
export type FreeQuestionHook = (
  request: AskRequest,
  context: { period: Period; today: string; onStatus: StatusListener },
) => Promise<Answer | null>;

export interface AnalystOptions {
  warehouse: Warehouse;
  tasks: TaskQueue;
  clock: Clock;
  /** IANA time zone of the business (TITAN_TZ). */
  tz: string;
  /** ₹ per day; a function so a PATCHed config applies without a restart. */
  dailyRevenueTarget?: number | (() => number | undefined);
  logger?: Logger;
  /** The metric registry; METRICS unless a test supplies its own. */
  metrics?: Readonly<Record<string, Metric>>;
  /** Shown in the "no data yet" answer: where files dropped for ingest go. */
  inboxDir?: string;
  freeQuestion?: FreeQuestionHook;
}

const silent: StatusListener = () => {};

export function createAnalyst(options: AnalystOptions): Analyst {
  const target = options.dailyRevenueTarget;
  const deps: AnalystDeps = {
    warehouse: options.warehouse,
    tasks: options.tasks,
    clock: options.clock,
    tz: options.tz,
    metricById: new Map(Object.values(options.metrics ?? METRICS).map((m) => [m.id, m])),
    dailyRevenueTarget: typeof target === 'function' ? target : () => target,
    inboxDir: options.inboxDir ?? 'data/inbox',
    ...(options.logger ? { logger: options.logger } : {}),
  };

  async function metricAnswer(
    request: AskRequest,
    id: MetricIntentId,
    named: string | undefined,
    context: { period: Period; audience: Audience; onStatus: StatusListener },
  ): Promise<Answer> {
    const { period, audience, onStatus } = context;
    // The warehouse's own item names beat the word next to "wastage" ("urad dal", not "dal").
    const item =
      id === 'wastage'
        ? (matchItem(request.question, await knownItems(deps.warehouse, request.scope)) ?? named)
        : undefined;
    const { answer } = await answerFromMetrics(
      deps,
      {
        intent: id,
        plan: INTENT_PLANS[id],
        scope: request.scope,
        period,
        audience,
        ...(item ? { filter: { item } } : {}),
        ...(request.threadId ? { threadRef: request.threadId } : {}),
      },
      onStatus,
    );
    return answer;
  }

  return {
    async ask(request, onStatus = silent) {
      const today = dateInZone(deps.clock.now(), deps.tz);
      const period = resolvePeriod(request.question, { today });
      const intent = classifyIntent(request.question);
      const audience = request.audience ?? 'private';
      switch (intent.id) {
        case 'help':
          return helpAnswer(period);
        case 'unknown':
          return (
            (await options.freeQuestion?.(request, { period, today, onStatus })) ?? unknownAnswer(period)
          );
        case 'open-tasks':
          return openTasksAnswer(
            await deps.tasks.list({ scope: request.scope }),
            deps.clock.now(),
            deps.tz,
            period,
          );
        case 'daily-brief':
          return composeDailyBrief(
            deps,
            request.scope,
            { audience, ...(request.threadId ? { threadRef: request.threadId } : {}) },
            onStatus,
          );
        case 'staff-exceptions':
          if (audience === 'public') return privateOnlyAnswer(intent.id, period);
          return metricAnswer(request, intent.id, undefined, { period, audience, onStatus });
        default:
          return metricAnswer(request, intent.id, intent.item, { period, audience, onStatus });
      }
    },

    dailyBrief(scope, onStatus = silent, briefOptions = {}) {
      return composeDailyBrief(
        deps,
        scope,
        {
          audience: briefOptions.audience ?? 'private',
          ...(briefOptions.threadId ? { threadRef: briefOptions.threadId } : {}),
        },
        onStatus,
      );
    },
  };
}
