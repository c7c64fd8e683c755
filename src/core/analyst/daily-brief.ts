// The morning brief: top leaks in ₹/week, yesterday against target, tasks past deadline, and what finished tasks achieved.
import type { Answer, Fact, Period } from '../model/answer.ts';
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

interface DayLine {
  facts: Fact[];
  line: string | null;
}

/** "Yesterday: revenue ₹42,310 against a target of ₹50,000 (down 15.4%); up 4.1% on the same day last week." */
async function dayAgainstTarget(deps: AnalystDeps, scope: Scope, day: Period): Promise<DayLine> {
  const metric = deps.metricById.get(REVENUE_METRIC_ID);
  if (!metric) return { facts: [], line: null };
  const target = deps.dailyRevenueTarget();
  const output = await metric.run({
    warehouse: deps.warehouse,
    scope,
    period: day,
    previous: { from: addDays(day.from, -1), to: addDays(day.from, -1), label: 'the day before' },
    ...(target !== undefined ? { dailyRevenueTarget: target } : {}),
  });
  // Fact ids carry no period, so the day's get a prefix to stay distinct from the week's.
  const facts = output.facts.map((f) => ({ ...f, id: `yesterday.${f.id}` }));
  const byId = (id: string) => facts.find((f) => f.id === `yesterday.revenue.${id}`);
  const total = byId('total');
  const name = day.label.charAt(0).toUpperCase() + day.label.slice(1);
  if (!total) return { facts, line: `${name}: no sales recorded.` };
  const goal = byId('target');
  const vsTarget = byId('vs_target_pct');
  const vsLastWeek = byId('vs_last_week_pct');
  const parts = [`revenue ${formatFact(total)}`];
  if (goal && vsTarget)
    parts[0] += ` against a target of ${formatFact(goal)} (${formatChange(vsTarget.value)})`;
  if (vsLastWeek) parts.push(`${formatChange(vsLastWeek.value)} on the same day last week`);
  return { facts, line: `${name}: ${parts.join('; ')}.` };
}

/**
 * The brief of one day (yesterday unless `day` is given: "how did we do last Saturday"): that day against target
 * and the same day last week, and the leaks of the 7 days ending on it.
 */
export async function composeDailyBrief(
  deps: AnalystDeps,
  scope: Scope,
  options: { audience: Audience; day?: Period },
  onStatus: StatusListener,
): Promise<Answer> {
  const now = deps.clock.now();
  const today = dateInZone(now, deps.tz);
  const yesterday = addDays(today, -1);
  const day = options.day ?? { from: yesterday, to: yesterday, label: 'yesterday' };
  const period =
    day.to === yesterday
      ? lastDays(7, today)
      : { ...lastDays(7, addDays(day.to, 1)), label: `the 7 days to ${day.label}` };
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

  onStatus(`Checking ${day.label} against target and the task queue…`);
  const [dayLine, stored] = await Promise.all([
    dayAgainstTarget(deps, scope, day),
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
    ...(dayLine.line ? [dayLine.line] : []),
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
    facts: [...answer.facts, ...dayLine.facts, overdueFact, ...effects.facts],
    ...(details.length ? { details } : {}),
  };
}
