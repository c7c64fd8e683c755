// Expense spikes by category: spend in the period against the average of the four equal periods before it.
import type { Period } from '../../model/answer.ts';
import type { Row, SqlParams } from '../../warehouse/port.ts';
import { addDays } from '../calendar.ts';
import { formatChange } from '../format.ts';
import type { LeakCandidate, Metric, MetricContext, MetricOutput } from '../metric.ts';
import { periodDays } from '../periods.ts';
import { createFactSheet, show } from './fact-sheet.ts';
import {
  byWindow,
  dateBetween,
  inRupeesOf,
  inScope,
  likePattern,
  modelAggregate,
  num,
  pctChange,
  periodParams,
  perWeek,
  slug,
  str,
  titleCase,
  windowPart,
} from './metric-sql.ts';

export const EXPENSE_SPIKES_METRIC_ID = 'expense-spikes';
export const SPIKE_BASELINE_PERIODS = 4;
export const SPIKE_MIN_CHANGE_PCT = 30;
export const SPIKE_MIN_EXTRA_PER_WEEK = 1_000;

/** The four equal-length periods just before `period`, as one range. */
export function spikeBaseline(period: Period): Period {
  const days = periodDays(period);
  return {
    from: addDays(period.from, -SPIKE_BASELINE_PERIODS * days),
    to: addDays(period.from, -1),
    label: `previous ${SPIKE_BASELINE_PERIODS} periods`,
  };
}

/** Why a category usually jumps, and the first thing to do about it. */
const PLAYBOOK: Record<string, { rootCause: string; action: string }> = {
  gas: {
    rootCause:
      'More LPG cylinders than sales explain: a leaking burner or regulator, or cylinders going missing.',
    action:
      'Soap-test every burner, hose and regulator for leaks and log each cylinder change with its weight',
  },
  repairs: {
    rootCause: 'Repeated repairs on ageing equipment: patching costs more than servicing.',
    action: 'Put the grinders, fridges and exhaust on an annual service contract and stop ad-hoc call-outs',
  },
  utilities: {
    rootCause: 'Power or water use jumped: equipment left running after close or a leak.',
    action:
      'Switch off the cold room, exhaust and geysers at close with a checklist and read the meter daily',
  },
};

interface HeadSpend {
  category: string;
  amount: number;
  /** Spend in an average one of the baseline periods. */
  usual: number;
  /** Paid on at least one day per baseline period: a head with a run rate to spike from. */
  regular: boolean;
}

/** One entry per expense head from its rows of the period and of the baseline. */
function headsOf(rows: readonly Row[]): HeadSpend[] {
  const heads = byWindow(rows, (r) => str(r.category) || 'uncategorised');
  return [...heads].map(([category, { current, before }]) => ({
    category,
    amount: num(current?.amount),
    usual: num(before?.amount) / SPIKE_BASELINE_PERIODS,
    // A head paid less often than once a period (rent, a monthly bill) has no run rate to spike from.
    regular: num(before?.days) >= SPIKE_BASELINE_PERIODS,
  }));
}

export const expenseSpikes: Metric = {
  id: EXPENSE_SPIKES_METRIC_ID,
  description:
    'Expense spikes by category: spend in the period vs the average of the four equal periods before.',
  status: 'Checking expenses against their usual run rate…',
  async run(ctx: MetricContext): Promise<MetricOutput> {
    const d = ctx.warehouse.dialect;
    const baseline = spikeBaseline(ctx.period);
    const params: SqlParams = { ...periodParams(ctx), base_from: baseline.from };
    if (ctx.filter?.category) params.category_like = likePattern(ctx.filter.category);
    // Spend is the model's expenses figure, per head and window; a head's earlier days say how regular it is.
    const sql = `
      SELECT LOWER(category) AS category, ${windowPart(d)},
        ${modelAggregate(d, 'expenses')} AS amount, COUNT(DISTINCT date) AS days, COUNT(*) AS n
      FROM ${d.table('expenses_master')}
      WHERE ${inScope()} AND ${dateBetween(d, 'date', 'base_from', 'to')} ${inRupeesOf('expenses')}
        ${ctx.filter?.category ? 'AND LOWER(category) LIKE @category_like' : ''}
      GROUP BY LOWER(category), part`;
    const rows = await ctx.warehouse.query(sql, params);

    const sheet = createFactSheet(EXPENSE_SPIKES_METRIC_ID, ctx.period);
    const leaks: LeakCandidate[] = [];
    const categories = headsOf(rows).sort(
      (a, b) => b.amount - a.amount || a.category.localeCompare(b.category),
    );
    const total = categories.reduce((s, c) => s + c.amount, 0);
    if (categories.length > 0) sheet.add('expense.total.inr', 'Expenses, all categories', total, 'INR');

    for (const c of categories) {
      const id = `expense.${slug(c.category)}`;
      const name = titleCase(c.category);
      const amount = sheet.add(`${id}.inr`, `${name} spend`, c.amount, 'INR');
      const level = sheet.add(
        `${id}.inr_week`,
        `${name} spend per week`,
        perWeek(c.amount, ctx.period),
        'INR/week',
      );
      const change = pctChange(c.amount, c.usual);
      if (!c.regular || change === null) continue;
      const usual = sheet.add(`${id}.usual`, `${name} spend in an average earlier period`, c.usual, 'INR');
      const changeFact = sheet.add(`${id}.change_pct`, `${name} spend vs usual`, change, '%');
      const extraPerWeek = perWeek(c.amount - c.usual, ctx.period);
      if (change < SPIKE_MIN_CHANGE_PCT || extraPerWeek < SPIKE_MIN_EXTRA_PER_WEEK) continue;
      const extra = sheet.add(
        `${id}.extra_week`,
        `${name} spend above usual, per week`,
        extraPerWeek,
        'INR/week',
      );
      const playbook = PLAYBOOK[c.category] ?? {
        rootCause: `${name} spend jumped above its usual run rate with no matching rise in sales.`,
        action: `Check every ${c.category} bill in the period against its purpose and approve ${c.category} spend above the usual in advance`,
      };
      leaks.push({
        key: `expense-spike:${slug(c.category)}:${ctx.period.from}..${ctx.period.to}`,
        headline: `${name} spend: ${show(amount)} vs ${show(usual)} usual (${formatChange(changeFact.value)}), ${show(extra)} extra`,
        rootCause: playbook.rootCause,
        action: playbook.action,
        deadlineHours: 48,
        impactPerWeek: extraPerWeek,
        factIds: [amount.id, usual.id, changeFact.id, extra.id],
        remeasure: {
          metric: EXPENSE_SPIKES_METRIC_ID,
          value: level.value,
          factId: level.id,
          filter: { category: c.category },
        },
      });
    }
    return {
      facts: sheet.facts,
      leaks,
      rowsScanned: rows.reduce((s, r) => s + num(r.n), 0),
      chart:
        categories.length > 0
          ? {
              kind: 'bar',
              title: 'Expenses by category (₹)',
              x: 'category',
              y: 'spend',
              unit: 'INR',
              points: categories.map((c) => ({ x: c.category, y: Math.round(c.amount) })),
            }
          : undefined,
    };
  },
};
