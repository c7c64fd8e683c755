// The offline analyst: reads a question (a query, an analysis, or an honest decline) and answers from the warehouse's numbers.
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import type { Answer, Period } from '../model/answer.ts';
import { readQuestion } from '../reader/read-question.ts';
import { formatDay } from '../reader/reading-text.ts';
import { createSemanticExecutor, type SemanticExecutor } from '../semantic/execute.ts';
import type { AnalysisId } from '../semantic/reading.ts';
import type { TaskQueue } from '../tasks/task-service.ts';
import type { Warehouse } from '../warehouse/port.ts';
import { analysisPeriodProblem } from './analysis-period.ts';
import { type AnalystDeps, answerFromMetrics } from './answer-from-metrics.ts';
import { answerQuery } from './answer-query.ts';
import { dateInZone } from './calendar.ts';
import { composeDailyBrief } from './daily-brief.ts';
import { declinedAnswer } from './declined-answer.ts';
import { INTENT_PLANS, type MetricIntentId } from './intent-plans.ts';
import type { Metric } from './metric.ts';
import { METRICS } from './metrics/index.ts';
import type { Analyst, AskRequest, Audience, StatusListener } from './port.ts';
import { createQuestionVocabulary } from './question-vocabulary.ts';
import { helpAnswer, noDataAnswer, noSources, privateOnlyAnswer } from './static-answers.ts';
import { openTasksAnswer } from './task-lines.ts';
import { withTaskQueue } from './with-task-queue.ts';

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
  /** Runs semantic queries; one over `warehouse` unless the caller shares its own. */
  executor?: SemanticExecutor;
}

const silent: StatusListener = () => {};

/** A day as the brief names it: "yesterday", "today", else its date ("Sat 5 Dec 2026"). */
const namedDay = (day: Period): Period =>
  day.label === 'yesterday' || day.label === 'today' ? day : { ...day, label: formatDay(day.from) };

/** The offline analyst with its answers' tasks queued: what a door or the CLI asks when no model words answers. */
export const createAnalyst = (options: AnalystOptions): Analyst =>
  withTaskQueue(createOfflineAnalyst(options), options.tasks);

/** Answers only: the model's analyst words these, and the tasks are queued once, from the final words. */
export function createOfflineAnalyst(options: AnalystOptions): Analyst {
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
  const executor = options.executor ?? createSemanticExecutor({ warehouse: options.warehouse });
  const vocabulary = createQuestionVocabulary({
    warehouse: options.warehouse,
    executor,
    clock: options.clock,
  });

  async function metricAnswer(
    request: AskRequest,
    id: MetricIntentId,
    named: string | undefined,
    context: { period: Period; audience: Audience; onStatus: StatusListener },
  ): Promise<Answer> {
    const { period, audience, onStatus } = context;
    // The reader already matched the item against the scope's stored names ("urad dal", not "dal").
    const item = id === 'wastage' ? named : undefined;
    const { answer } = await answerFromMetrics(
      deps,
      {
        intent: id,
        plan: INTENT_PLANS[id],
        scope: request.scope,
        period,
        audience,
        ...(item ? { filter: { item } } : {}),
      },
      onStatus,
    );
    return answer;
  }

  async function analysisAnswer(
    request: AskRequest,
    analysis: AnalysisId,
    context: { period: Period; item?: string; audience: Audience; onStatus: StatusListener },
  ): Promise<Answer> {
    const { period, audience, onStatus } = context;
    const problem = analysisPeriodProblem(analysis, period);
    if (problem) return declinedAnswer(problem.reason, problem.suggestions, period);
    switch (analysis) {
      case 'help':
        return helpAnswer(period);
      case 'open-tasks':
        return openTasksAnswer(
          await deps.tasks.list({ scope: request.scope }),
          deps.clock.now(),
          deps.tz,
          period,
        );
      case 'daily-brief':
        return composeDailyBrief(deps, request.scope, { audience, day: namedDay(period) }, onStatus);
      case 'staff-exceptions':
        if (audience === 'public') return privateOnlyAnswer(analysis, period);
        return metricAnswer(request, analysis, undefined, { period, audience, onStatus });
      default:
        return metricAnswer(request, analysis, context.item, { period, audience, onStatus });
    }
  }

  return {
    async ask(request, onStatus = silent) {
      const today = dateInZone(deps.clock.now(), deps.tz);
      const words = await vocabulary.get(request.scope);
      const reading = readQuestion(request.question, { today, vocabulary: words });
      const audience = request.audience ?? 'private';
      // Before any data is loaded every question has the same answer: how to load some (names can't be read yet).
      if (reading.kind !== 'analysis' && Object.values(words.coverage).every((c) => c === null)) {
        return noDataAnswer('query', {
          scope: request.scope,
          inboxDir: deps.inboxDir,
          sources: noSources({ from: today, to: today, label: 'today' }),
        });
      }
      switch (reading.kind) {
        case 'decline':
          return declinedAnswer(reading.reason, reading.suggestions, {
            from: today,
            to: today,
            label: 'today',
          });
        case 'query':
          return answerQuery(
            { warehouse: deps.warehouse, executor },
            {
              query: reading.query,
              text: reading.text,
              unread: reading.unread,
              scope: request.scope,
              audience,
              vocabulary: words,
            },
            onStatus,
          );
        case 'analysis':
          return analysisAnswer(request, reading.analysis, {
            period: reading.period,
            ...(reading.item ? { item: reading.item } : {}),
            audience,
            onStatus,
          });
      }
    },

    dailyBrief(scope, onStatus = silent, briefOptions = {}) {
      return composeDailyBrief(deps, scope, { audience: briefOptions.audience ?? 'private' }, onStatus);
    },
  };
}
