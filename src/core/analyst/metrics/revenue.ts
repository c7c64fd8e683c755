// Revenue for the period against the daily target and against a like-for-like period (like-for-like.ts).
import { createSemanticExecutor } from '../../semantic/execute.ts';
import type { Metric, MetricContext, MetricOutput } from '../metric.ts';
import { periodDays } from '../periods.ts';
import { createFactSheet } from './fact-sheet.ts';
import { likeForLike } from './like-for-like.ts';
import { pctChange } from './metric-sql.ts';

export const REVENUE_METRIC_ID = 'revenue';

export const revenue: Metric = {
  id: REVENUE_METRIC_ID,
  description:
    'Revenue vs the daily target and vs the same weekdays last week (a longer period: the previous one), with the daily trend.',
  status: 'Totting up sales by day…',
  async run(ctx: MetricContext): Promise<MetricOutput> {
    const like = likeForLike(ctx.period);
    const result = await createSemanticExecutor({ warehouse: ctx.warehouse }).run(
      { measures: ['revenue', 'bills'], groupBy: 'day', period: ctx.period, compare: like.compare },
      ctx.scope,
    );
    // A day with a sale line has a bill; one with only voids or comps is not a trading day.
    const daily = result.rows
      .filter((r) => (r.values.bills ?? 0) > 0)
      .map((r) => ({ date: r.key!, revenue: r.values.revenue ?? 0 }));

    const sheet = createFactSheet(REVENUE_METRIC_ID, ctx.period);
    const rowsScanned = result.rowsScanned.sales ?? 0;
    if (daily.length === 0) return { facts: sheet.facts, leaks: [], rowsScanned };

    const total = result.totals.revenue ?? 0;
    sheet.add('revenue.total', 'Revenue', total, 'INR');
    sheet.add('revenue.days_with_sales', 'Days with sales', daily.length, 'days');
    sheet.add('revenue.daily_avg', 'Average revenue per trading day', total / daily.length, 'INR');
    const before = result.comparison?.totals.revenue ?? 0;
    const change = pctChange(total, before);
    if (change !== null) {
      // Fact ids say which comparison it is, so "last week" is never read off a 30-day trend.
      const id = like.sameWeekdays ? 'last_week' : 'previous';
      sheet.add(`revenue.${id}`, `Revenue, ${like.label}`, before, 'INR');
      sheet.add(`revenue.vs_${id}_pct`, `Revenue vs ${like.label}`, change, '%');
    }
    if (ctx.dailyRevenueTarget && ctx.dailyRevenueTarget > 0) {
      const target = ctx.dailyRevenueTarget * periodDays(ctx.period);
      sheet.add('revenue.target', 'Revenue target', target, 'INR');
      sheet.add('revenue.vs_target_pct', 'Revenue vs target', ((total - target) / target) * 100, '%');
      sheet.add('revenue.gap_to_target', 'Revenue short of target', Math.max(0, target - total), 'INR');
    }
    return {
      facts: sheet.facts,
      leaks: [],
      rowsScanned,
      chart: {
        kind: 'line',
        title: 'Revenue by day (₹)',
        x: 'date',
        y: 'revenue',
        unit: 'INR',
        points: daily.map((r) => ({ x: r.date, y: Math.round(r.revenue) })),
      },
    };
  },
};
