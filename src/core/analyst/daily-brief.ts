// The morning brief: top leaks in ₹/week, yesterday against target, tasks past deadline, and what finished tasks achieved.
import type { Answer, Fact } from '../model/answer.ts';
import type { Scope } from '../model/scope.ts';
import { type AnalystDeps, answerFromMetrics } from './answer-from-metrics.ts';
import { addDays, dateInZone } from './calendar.ts';
import { formatChange, formatFact } from './format.ts';
import { INTENT_PLANS } from './intent-plans.ts';
import { REVENUE_METRIC_ID } from './metrics/revenue.ts';
import { lastDays } from './periods.ts';
import type { Audience, StatusListener } from './port.ts';
import { measureTaskEffects } from './remeasure.ts';
import { countFact, isOverdue, taskLine } from './task-lines.ts';

/** How many overdue tasks the brief names. */
const OVERDUE_SHOWN = 5;

interface Yesterday {
  facts: Fact[];
  line: string | null;
}

/** "Yesterday: revenue ₹42,310 against a target of ₹50,000 (down 15.4%); up 4.1% on the same day last week." */
async function yesterdayAgainstTarget(deps: AnalystDeps, scope: Scope, today: string): Promise<Yesterday> {
  const metric = deps.metricById.get(REVENUE_METRIC_ID);
  if (!metric) return { facts: [], line: null };
  const day = addDays(today, -1);
  const target = deps.dailyRevenueTarget();
  const output = await metric.run({
    warehouse: deps.warehouse,
    scope,
    period: { from: day, to: day, label: 'yesterday' },
    previous: { from: addDays(day, -1), to: addDays(day, -1), label: 'the day before' },
    ...(target !== undefined ? { dailyRevenueTarget: target } : {}),
  });
  // Fact ids carry no period, so yesterday's get a prefix to stay distinct from the week's.
  const facts = output.facts.map((f) => ({ ...f, id: `yesterday.${f.id}` }));
  const byId = (id: string) => facts.find((f) => f.id === `yesterday.revenue.${id}`);
  const total = byId('total');
  if (!total) return { facts, line: 'Yesterday: no sales recorded.' };
  const goal = byId('target');
  const vsTarget = byId('vs_target_pct');
  const vsLastWeek = byId('vs_last_week_pct');
  const parts = [`revenue ${formatFact(total)}`];
  if (goal && vsTarget)
    parts[0] += ` against a target of ${formatFact(goal)} (${formatChange(vsTarget.value)})`;
  if (vsLastWeek) parts.push(`${formatChange(vsLastWeek.value)} on the same day last week`);
  return { facts, line: `Yesterday: ${parts.join('; ')}.` };
}

export async function composeDailyBrief(
  deps: AnalystDeps,
  scope: Scope,
  options: { audience: Audience },
  onStatus: StatusListener,
): Promise<Answer> {
  const now = deps.clock.now();
  const today = dateInZone(now, deps.tz);
  const period = lastDays(7, today);
  const { answer, hasData } = await answerFromMetrics(
    deps,
    {
      intent: 'daily-brief',
      plan: INTENT_PLANS['leak-scan'],
      title: 'Daily brief',
      scope,
      period,
      audience: options.audience,
    },
    onStatus,
  );
  if (!hasData) return answer;

  onStatus('Checking yesterday against target and the task queue…');
  const [yesterday, stored] = await Promise.all([
    yesterdayAgainstTarget(deps, scope, today),
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
    ...(yesterday.line ? [yesterday.line] : []),
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
    facts: [...answer.facts, ...yesterday.facts, overdueFact, ...effects.facts],
    ...(details.length ? { details } : {}),
  };
}
