// The morning brief: top leaks in ₹/week, yesterday against target, tasks past deadline, and what finished tasks achieved.
import type { Answer, Fact, Period } from '../model/answer.ts';
import type { Scope } from '../model/scope.ts';
import { type AnalystDeps, answerFromMetrics } from './answer-from-metrics.ts';
import { addDays, dateInZone } from './calendar.ts';
import { formatFact } from './format.ts';
import { INTENT_PLANS, REVENUE_METRIC } from './intent-plans.ts';
import { resolvePeriod } from './periods.ts';
import type { Audience, StatusListener } from './port.ts';
import { measureTaskEffects } from './remeasure.ts';
import { countFact, isOverdue, taskLine } from './task-lines.ts';

/** How many facts of the revenue metric the "Yesterday:" line states. */
const YESTERDAY_FACTS = 3;
/** How many overdue tasks the brief names. */
const OVERDUE_SHOWN = 5;

const describe = (fact: Fact): string => `${fact.label} ${formatFact(fact)}`;

/** Yesterday's revenue facts (against the daily target when one is configured), ids prefixed to stay unique. */
async function yesterdayFacts(deps: AnalystDeps, scope: Scope, today: string): Promise<Fact[]> {
  const metric = deps.metricById.get(REVENUE_METRIC);
  if (!metric) return [];
  const day = addDays(today, -1);
  const period: Period = { from: day, to: day, label: 'yesterday' };
  const target = deps.dailyRevenueTarget();
  const output = await metric.run({
    warehouse: deps.warehouse,
    scope,
    period,
    previous: { from: addDays(day, -7), to: addDays(day, -7), label: 'same day last week' },
    ...(target !== undefined ? { dailyRevenueTarget: target } : {}),
  });
  return output.facts.slice(0, YESTERDAY_FACTS).map((f) => ({ ...f, id: `yesterday.${f.id}` }));
}

export async function composeDailyBrief(
  deps: AnalystDeps,
  scope: Scope,
  options: { audience: Audience; threadRef?: string },
  onStatus: StatusListener,
): Promise<Answer> {
  const now = deps.clock();
  const today = dateInZone(now, deps.tz);
  const period = resolvePeriod('last 7 days', { today });
  const { answer, hasData } = await answerFromMetrics(
    deps,
    {
      intent: 'daily-brief',
      plan: INTENT_PLANS['leak-scan'],
      title: 'Daily brief',
      scope,
      period,
      audience: options.audience,
      ...(options.threadRef ? { threadRef: options.threadRef } : {}),
    },
    onStatus,
  );
  if (!hasData) return answer;

  onStatus('Checking yesterday against target and the task queue…');
  const [yesterday, stored] = await Promise.all([
    yesterdayFacts(deps, scope, today),
    deps.tasks.listStored({ scope }),
  ]);
  const overdue = stored.filter((t) => isOverdue(t, now));
  const effects = await measureTaskEffects(stored, {
    warehouse: deps.warehouse,
    metrics: deps.metricById,
    scope,
    now,
    tz: deps.tz,
  });
  const overdueFact = countFact('tasks.overdue', 'tasks past deadline', overdue.length, period);
  const details = [
    ...(yesterday.length ? [`Yesterday: ${yesterday.map(describe).join('; ')}.`] : []),
    ...(overdue.length
      ? [
          `Past deadline: ${formatFact(overdueFact)}.`,
          ...overdue.slice(0, OVERDUE_SHOWN).map((t) => taskLine(t, deps.tz)),
        ]
      : []),
    ...effects.lines,
    ...(answer.details ?? []),
  ];
  return {
    ...answer,
    facts: [...answer.facts, ...yesterday, overdueFact, ...effects.facts],
    ...(details.length ? { details } : {}),
  };
}
