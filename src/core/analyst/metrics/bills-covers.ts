// Bills, covers and average ticket for the period, each with its change on a like-for-like period.
import { createSemanticExecutor } from '../../semantic/execute.ts';
import type { Metric, MetricContext, MetricOutput } from '../metric.ts';
import { createFactSheet } from './fact-sheet.ts';
import { likeForLike } from './like-for-like.ts';
import { pctChange } from './metric-sql.ts';

export const BILLS_COVERS_METRIC_ID = 'bills-covers';

export const billsCovers: Metric = {
  id: BILLS_COVERS_METRIC_ID,
  description:
    'Bills, covers (guests) and average ticket, with the change on the same weekdays last week (a longer period: the previous one).',
  status: 'Counting bills and covers…',
  async run(ctx: MetricContext): Promise<MetricOutput> {
    const like = likeForLike(ctx.period);
    const result = await createSemanticExecutor({ warehouse: ctx.warehouse }).run(
      { measures: ['bills', 'covers', 'average_bill'], period: ctx.period, compare: like.compare },
      ctx.scope,
    );
    const sheet = createFactSheet(BILLS_COVERS_METRIC_ID, ctx.period);
    const rowsScanned = result.rowsScanned.sales ?? 0;
    const now = result.totals;
    const before = result.comparison?.totals ?? {};
    const bills = now.bills ?? 0;
    if (bills === 0) return { facts: sheet.facts, leaks: [], rowsScanned };

    sheet.add('bills.count', 'Bills', bills, 'bills');
    sheet.add('bills.avg_ticket', 'Average ticket', now.average_bill ?? 0, 'INR');
    // No covers figure when no bill records covers (a POS export without them).
    if (now.covers != null) sheet.add('bills.covers', 'Covers (dine-in guests)', now.covers, 'covers');
    const billsChange = pctChange(bills, before.bills ?? 0);
    if (billsChange !== null) {
      sheet.add('bills.change_pct', `Bills vs ${like.label}`, billsChange, '%');
      const ticketChange = pctChange(now.average_bill ?? 0, before.average_bill ?? 0);
      if (ticketChange !== null)
        sheet.add('bills.avg_ticket_change_pct', `Average ticket vs ${like.label}`, ticketChange, '%');
      const coversChange = now.covers != null ? pctChange(now.covers, before.covers ?? 0) : null;
      if (coversChange !== null)
        sheet.add('bills.covers_change_pct', `Covers vs ${like.label}`, coversChange, '%');
    }
    return { facts: sheet.facts, leaks: [], rowsScanned };
  },
};
