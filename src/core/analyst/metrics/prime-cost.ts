// Prime cost %: cost of goods sold plus labour, over sales; reported only when labour expenses exist.
import type { LeakCandidate, Metric, MetricContext, MetricOutput } from '../metric.ts';
import { costAgainstCeiling, queryCostOfGoods } from './cogs.ts';
import { createFactSheet, show } from './fact-sheet.ts';
import { dateBetween, inScope, num, periodParams } from './metric-sql.ts';

export const PRIME_COST_METRIC_ID = 'prime-cost';
/** Restaurants aim to keep prime cost at or under about 60–65% of sales. */
export const PRIME_COST_CEILING_PCT = 65;
/** Expense categories that are labour. */
export const LABOUR_CATEGORIES = ['salaries', 'salary', 'wages', 'labour', 'labor', 'staff'];

export const primeCost: Metric = {
  id: PRIME_COST_METRIC_ID,
  description: 'Prime cost %: cost of goods sold plus labour, divided by sales (needs labour expenses).',
  status: 'Adding labour to the cost of goods…',
  async run(ctx: MetricContext): Promise<MetricOutput> {
    const d = ctx.warehouse.dialect;
    const labourSql = `
      SELECT SUM(amount) AS labour, COUNT(*) AS n
      FROM ${d.table('expenses_master')}
      WHERE ${inScope()} AND ${dateBetween(d, 'date', 'from', 'to')}
        AND LOWER(category) IN (${LABOUR_CATEGORIES.map((c) => `'${c}'`).join(', ')})`;
    const [c, [labourRow]] = await Promise.all([
      queryCostOfGoods(ctx),
      ctx.warehouse.query(labourSql, periodParams(ctx)),
    ]);
    const labour = num(labourRow?.labour);
    const rowsScanned = c.rowsScanned + num(labourRow?.n);
    const sheet = createFactSheet(PRIME_COST_METRIC_ID, ctx.period);
    const leaks: LeakCandidate[] = [];
    if (labour <= 0 || c.cogs === null || c.sales <= 0) return { facts: sheet.facts, leaks, rowsScanned };

    const labourFact = sheet.add('prime_cost.labour', 'Labour', labour, 'INR');
    sheet.add('prime_cost.labour_pct', 'Labour % of sales', (labour / c.sales) * 100, '%');
    sheet.add('prime_cost.cogs', 'Cost of goods sold', c.cogs, 'INR');
    const sales = sheet.add('prime_cost.sales', 'Sales', c.sales, 'INR');
    const prime = sheet.add('prime_cost.total', 'Prime cost', c.cogs + labour, 'INR');
    const { pct, over } = costAgainstCeiling(sheet, ctx.period, {
      id: 'prime_cost',
      label: 'Prime cost',
      amount: c.cogs + labour,
      sales: c.sales,
      ceilingPct: PRIME_COST_CEILING_PCT,
    });
    if (over) {
      const { ceiling, impact, excessPerWeek } = over;
      leaks.push({
        key: `prime-cost:${ctx.period.from}..${ctx.period.to}`,
        headline: `Prime cost ${show(pct)} of sales (${show(prime)} on ${show(sales)}, labour ${show(labourFact)}), above the ${show(ceiling)} ceiling: ${show(impact)}`,
        rootCause:
          'Food and labour together leave too little for rent and profit: staffing is not following the daypart rush.',
        action:
          'Match shift rosters to the breakfast and lunch peaks and cut idle hours in the afternoon lull',
        deadlineHours: 72,
        impactPerWeek: excessPerWeek,
        factIds: [pct.id, prime.id, sales.id, labourFact.id, ceiling.id, impact.id],
        remeasure: { metric: PRIME_COST_METRIC_ID, value: pct.value, factId: pct.id },
      });
    }
    return { facts: sheet.facts, leaks, rowsScanned };
  },
};
