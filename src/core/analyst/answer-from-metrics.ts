// One metric-backed answer end to end: count rows, announce them, run the plan's metrics, compose, queue its tasks.
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import type { Answer, Period } from '../model/answer.ts';
import type { Scope } from '../model/scope.ts';
import type { TaskQueue } from '../tasks/task-service.ts';
import type { SqlParams, Warehouse } from '../warehouse/port.ts';
import { CATEGORIES, CATEGORY_TABLE } from '../warehouse/tables.ts';
import { formatCount } from './format.ts';
import { type IntentPlan, ROW_NOUN } from './intent-plans.ts';
import type { Metric, MetricContext } from './metric.ts';
import { composeMetricAnswer } from './metric-answer.ts';
import { previousPeriod } from './periods.ts';
import type { Audience, StatusListener } from './port.ts';
import { runMetrics } from './run-metrics.ts';
import { countRows, readSources } from './sources.ts';
import { emptyPeriodAnswer, noDataAnswer } from './static-answers.ts';

/** What every analyst answer builder needs; built once by createAnalyst. */
export interface AnalystDeps {
  warehouse: Warehouse;
  tasks: TaskQueue;
  clock: Clock;
  tz: string;
  metricById: ReadonlyMap<string, Metric>;
  dailyRevenueTarget: () => number | undefined;
  inboxDir: string;
  logger?: Logger;
}

export interface MetricQuestion {
  intent: string;
  plan: IntentPlan;
  scope: Scope;
  period: Period;
  audience: Audience;
  filter?: MetricContext['filter'];
  /** Overrides the plan's title ("Daily brief"). */
  title?: string;
}

/** True when the scope has any business row at all (distinguishes "no data yet" from "none in this period"). */
export async function hasAnyData(warehouse: Warehouse, scope: Scope): Promise<boolean> {
  const params: SqlParams = { org_id: scope.orgId, location_id: scope.locationId };
  for (const category of CATEGORIES) {
    const rows = await warehouse.query(
      `SELECT 1 AS present FROM ${warehouse.dialect.table(CATEGORY_TABLE[category])}
       WHERE org_id = @org_id AND location_id = @location_id LIMIT 1`,
      params,
    );
    if (rows.length) return true;
  }
  return false;
}

export const planMetrics = (plan: IntentPlan, deps: AnalystDeps): Metric[] =>
  plan.metrics.flatMap((id) => deps.metricById.get(id) ?? []);

export interface MetricAnswer {
  answer: Answer;
  /** False when the answer says there is no data (none at all, or none in the period). */
  hasData: boolean;
}

export async function answerFromMetrics(
  deps: AnalystDeps,
  question: MetricQuestion,
  onStatus: StatusListener,
): Promise<MetricAnswer> {
  const { warehouse } = deps;
  const { scope, period, plan } = question;
  const title = question.title ?? plan.title;
  const counts = await countRows(warehouse, scope, period);
  if (CATEGORIES.every((c) => counts[c] === 0)) {
    const { sources } = await readSources(warehouse, scope, period, counts);
    const answer = (await hasAnyData(warehouse, scope))
      ? emptyPeriodAnswer(question.intent, title, sources)
      : noDataAnswer(question.intent, { scope, inboxDir: deps.inboxDir, sources });
    return { answer, hasData: false };
  }
  onStatus(`Scanning ${formatCount(counts[plan.reads])} ${ROW_NOUN[plan.reads]}…`);
  const ctx: MetricContext = {
    warehouse,
    scope,
    period,
    previous: previousPeriod(period),
    ...(question.filter ? { filter: question.filter } : {}),
    ...(deps.dailyRevenueTarget() !== undefined ? { dailyRevenueTarget: deps.dailyRevenueTarget()! } : {}),
  };
  const { runs, failures } = await runMetrics(planMetrics(plan, deps), ctx, onStatus, deps.logger);
  const { sources, facts } = await readSources(warehouse, scope, period, counts);
  const answer = composeMetricAnswer(
    { intent: question.intent, title, runs, sources, baseFacts: facts, scan: plan.scan, failures },
    { now: deps.clock.now(), tz: deps.tz, audience: question.audience, period },
  );
  return { answer, hasData: true };
}
