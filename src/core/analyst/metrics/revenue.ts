// Revenue for the period against the daily target and against the same weekdays one week earlier.
import { addDays } from '../calendar.ts';
import type { Metric, MetricContext, MetricOutput } from '../metric.ts';
import { periodDays } from '../periods.ts';
import { createFactSheet } from './fact-sheet.ts';
import { dateBetween, inScope, isSale, num, pctChange, periodParams, str } from './metric-sql.ts';

export const REVENUE_METRIC_ID = 'revenue';

export const revenue: Metric = {
  id: REVENUE_METRIC_ID,
  description: 'Revenue vs the daily target and vs the same weekdays last week, with the daily trend.',
  status: 'Totting up sales by day…',
  async run(ctx: MetricContext): Promise<MetricOutput> {
    const d = ctx.warehouse.dialect;
    const lastWeek = { from: addDays(ctx.period.from, -7), to: addDays(ctx.period.to, -7) };
    const sql = `
      SELECT date, SUM(amount) AS revenue, COUNT(*) AS n
      FROM ${d.table('sales')}
      WHERE ${inScope()} AND ${dateBetween(d, 'date', 'lw_from', 'to')} AND ${isSale()}
      GROUP BY date
      ORDER BY date`;
    const rows = await ctx.warehouse.query(sql, { ...periodParams(ctx), lw_from: lastWeek.from });
    // Both engines hand dates back as ISO text (the BigQuery port unwraps its DATE objects).
    const daily = rows.map((r) => ({ date: str(r.date).slice(0, 10), revenue: num(r.revenue) }));
    const sum = (from: string, to: string) =>
      daily.filter((r) => r.date >= from && r.date <= to).reduce((s, r) => s + r.revenue, 0);
    const current = daily.filter((r) => r.date >= ctx.period.from);

    const sheet = createFactSheet(REVENUE_METRIC_ID, ctx.period);
    const rowsScanned = rows.reduce((s, r) => s + num(r.n), 0);
    if (current.length === 0) return { facts: sheet.facts, leaks: [], rowsScanned };

    const total = sum(ctx.period.from, ctx.period.to);
    const days = periodDays(ctx.period);
    sheet.add('revenue.total', 'Revenue', total, 'INR');
    sheet.add('revenue.days_with_sales', 'Days with sales', current.length, 'days');
    sheet.add('revenue.daily_avg', 'Average revenue per trading day', total / current.length, 'INR');
    const before = sum(lastWeek.from, lastWeek.to);
    const change = pctChange(total, before);
    if (change !== null) {
      sheet.add('revenue.last_week', 'Revenue, same weekdays last week', before, 'INR');
      sheet.add('revenue.vs_last_week_pct', 'Revenue vs same weekdays last week', change, '%');
    }
    if (ctx.dailyRevenueTarget && ctx.dailyRevenueTarget > 0) {
      const target = ctx.dailyRevenueTarget * days;
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
        points: current.map((r) => ({ x: r.date, y: Math.round(r.revenue) })),
      },
    };
  },
};
