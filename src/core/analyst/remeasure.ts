// After a task's deadline: re-run its finding's metric and say whether the fix worked, in ₹ per week.
import type { Fact, Period } from '../model/answer.ts';
import type { Scope } from '../model/scope.ts';
import type { StoredTask } from '../tasks/task-service.ts';
import { findingStem } from '../tasks/task-service.ts';
import type { Warehouse } from '../warehouse/port.ts';
import { addDays, dateInZone, daysBetween } from './calendar.ts';
import { formatChange, formatFact } from './format.ts';
import type { Metric, MetricOutput } from './metric.ts';
import { periodDays, previousPeriod } from './periods.ts';

/** How long after it was done a task's effect keeps appearing in the brief. */
export const EFFECT_REPORT_DAYS = 14;

/** Units whose values are totals over the period (so compared per day); rates and prices compare as they are. */
const isPeriodTotal = (unit: string): boolean => !(unit === '%' || unit === 'x' || unit.startsWith('INR/'));

export interface EffectDeps {
  warehouse: Warehouse;
  metrics: ReadonlyMap<string, Metric>;
  scope: Scope;
  now: Date;
  tz: string;
}

export interface TaskEffects {
  facts: Fact[];
  lines: string[];
}

/** Done tasks past their deadline, done within the last EFFECT_REPORT_DAYS, that carry a metric to re-run. */
export function tasksToRemeasure(tasks: readonly StoredTask[], now: Date): StoredTask[] {
  const since = now.getTime() - EFFECT_REPORT_DAYS * 86_400_000;
  return tasks.filter(
    (t) =>
      t.status === 'Done' &&
      t.doneAt !== null &&
      Date.parse(t.doneAt) >= since &&
      t.dueAt !== null &&
      Date.parse(t.dueAt) <= now.getTime() &&
      t.metric !== null &&
      t.baseline !== null &&
      t.remeasure !== null,
  );
}

interface Measured {
  value: number;
  unit: string;
  label: string;
  /** ₹/week the finding still costs (0 when the metric no longer flags it). */
  impactNow: number;
}

/** The task's figure in a fresh run: its baseline fact, else the same finding's figure if it is still flagged. */
function measured(task: StoredTask, output: MetricOutput): Measured | null {
  const stem = task.findingKey ? findingStem(task.findingKey) : null;
  const leak = output.leaks.find((l) => stem !== null && findingStem(l.key) === stem);
  const factId = task.remeasure?.factId ?? leak?.remeasure.factId;
  const fact =
    output.facts.find((f) => f.id === factId) ??
    (leak && output.facts.find((f) => leak.factIds.includes(f.id) && f.value === leak.remeasure.value));
  if (!fact) return null;
  return { value: fact.value, unit: fact.unit, label: fact.label, impactNow: leak?.impactPerWeek ?? 0 };
}

async function effectOf(task: StoredTask, deps: EffectDeps, index: number): Promise<TaskEffects | null> {
  const metric = deps.metrics.get(task.metric!);
  const remeasure = task.remeasure!;
  if (!metric) return null;
  const today = dateInZone(deps.now, deps.tz);
  const doneDate = dateInZone(new Date(task.doneAt!), deps.tz);
  // Only whole days after the fix count, and no more of them than the baseline covered.
  const to = addDays(today, -1);
  const from = [addDays(doneDate, 1), addDays(to, 1 - remeasure.periodDays)].sort().at(-1)!;
  if (from > to) return null;
  const period: Period = { from, to, label: `since the task was done` };
  const output = await metric.run({
    warehouse: deps.warehouse,
    scope: deps.scope,
    period,
    previous: previousPeriod(period),
    filter: remeasure.filter ?? (remeasure.item ? { item: remeasure.item } : {}),
  });
  const now = measured(task, output);
  if (!now) return null;
  const perDay = isPeriodTotal(now.unit);
  const before = perDay ? task.baseline! / remeasure.periodDays : task.baseline!;
  const after = perDay ? now.value / periodDays(period) : now.value;
  if (before === 0) return null;
  const id = `effect.${index}`;
  const fact = (suffix: string, label: string, value: number, unit: string): Fact => ({
    id: `${id}.${suffix}`,
    label: `${task.title}: ${label}`,
    value,
    unit,
    period,
    query: metric.id,
  });
  const daysAgo = daysBetween(doneDate, today);
  const days = fact('days_since_done', 'days since done', daysAgo, daysAgo === 1 ? 'day' : 'days');
  const change = fact(
    'change_pct',
    `${now.label} change`,
    Math.round(((after - before) / before) * 1000) / 10,
    '%',
  );
  const saved = fact(
    'saved_per_week',
    'saved per week',
    Math.max(0, Math.round(remeasure.impactPerWeek - now.impactNow)),
    'INR/week',
  );
  const ago = daysAgo === 0 ? 'today' : `${formatFact(days)} ago`;
  const line = `${task.title} — done ${ago}: ${now.label} ${formatChange(change.value)}, ${formatFact(saved)} saved.`;
  return { facts: [days, change, saved], lines: [line] };
}

/** The effect of every task due for re-measurement; a task whose metric cannot be re-run is skipped. */
export async function measureTaskEffects(
  tasks: readonly StoredTask[],
  deps: EffectDeps,
): Promise<TaskEffects> {
  const results = await Promise.all(tasksToRemeasure(tasks, deps.now).map((t, i) => effectOf(t, deps, i)));
  return {
    facts: results.flatMap((r) => r?.facts ?? []),
    lines: results.flatMap((r) => r?.lines ?? []),
  };
}
