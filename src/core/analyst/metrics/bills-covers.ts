// Bills, covers and average ticket for the period, each with its change on the previous equal period.
import type { Metric, MetricContext, MetricOutput } from '../metric.ts';
import { createFactSheet } from './fact-sheet.ts';
import { dateBetween, inScope, isSale, num, pctChange, periodParams, str } from './metric-sql.ts';

export const BILLS_COVERS_METRIC_ID = 'bills-covers';

export const billsCovers: Metric = {
  id: BILLS_COVERS_METRIC_ID,
  description: 'Bills, covers (guests) and average ticket, with the change on the previous equal period.',
  status: 'Counting bills and covers…',
  async run(ctx: MetricContext): Promise<MetricOutput> {
    const d = ctx.warehouse.dialect;
    // One row per bill first: covers repeat on every line of a bill, so they are taken once (MAX).
    const sql = `
      SELECT CASE WHEN b.date >= ${d.dateParam('from')} THEN 'current' ELSE 'previous' END AS part,
        COUNT(*) AS bills, SUM(b.covers) AS covers, COUNT(b.covers) AS bills_with_covers,
        SUM(b.revenue) AS revenue, SUM(b.n) AS n
      FROM (
        SELECT date, order_id, MAX(covers) AS covers, SUM(amount) AS revenue, COUNT(*) AS n
        FROM ${d.table('sales')}
        WHERE ${inScope()} AND ${dateBetween(d, 'date', 'prev_from', 'to')} AND ${isSale()}
        GROUP BY date, order_id
      ) b
      GROUP BY part`;
    const rows = await ctx.warehouse.query(sql, periodParams(ctx));
    const part = (name: string) => rows.find((r) => str(r.part) === name);
    const now = part('current');
    const before = part('previous');
    const sheet = createFactSheet(BILLS_COVERS_METRIC_ID, ctx.period);
    const rowsScanned = rows.reduce((s, r) => s + num(r.n), 0);
    if (!now || num(now.bills) === 0) return { facts: sheet.facts, leaks: [], rowsScanned };

    const bills = num(now.bills);
    const ticket = num(now.revenue) / bills;
    sheet.add('bills.count', 'Bills', bills, 'bills');
    sheet.add('bills.avg_ticket', 'Average ticket', ticket, 'INR');
    if (num(now.bills_with_covers) > 0) {
      sheet.add('bills.covers', 'Covers (dine-in guests)', num(now.covers), 'covers');
    }
    const prevBills = num(before?.bills);
    const billsChange = pctChange(bills, prevBills);
    if (billsChange !== null) {
      sheet.add('bills.change_pct', 'Bills vs previous period', billsChange, '%');
      const ticketChange = pctChange(ticket, num(before?.revenue) / prevBills);
      if (ticketChange !== null)
        sheet.add('bills.avg_ticket_change_pct', 'Average ticket vs previous period', ticketChange, '%');
      const coversChange = pctChange(num(now.covers), num(before?.covers));
      if (coversChange !== null && num(now.bills_with_covers) > 0) {
        sheet.add('bills.covers_change_pct', 'Covers vs previous period', coversChange, '%');
      }
    }
    return { facts: sheet.facts, leaks: [], rowsScanned };
  },
};
