// Prime cost %: cost of goods sold plus labour, over sales; reported only when labour expenses exist.
import { MEASURES } from '../../semantic/model.ts';
import type { LeakCandidate, Metric, MetricContext, MetricOutput } from '../metric.ts';
import { costAgainstCeiling, queryCostOfGoods } from './cogs.ts';
import { createFactSheet, show } from './fact-sheet.ts';

export const PRIME_COST_METRIC_ID = 'prime-cost';
/** Restaurants aim to keep prime cost at or under about 60–65% of sales. */
export const PRIME_COST_CEILING_PCT = 65;

export const primeCost: Metric = {
  id: PRIME_COST_METRIC_ID,
  description: 'Prime cost %: cost of goods sold plus labour, divided by sales (needs labour expenses).',
  status: 'Adding labour to the cost of goods…',
  async run(ctx: MetricContext): Promise<MetricOutput> {
    // Labour is the model's: expenses under a labour head (semantic/predicates.ts, LABOUR_CATEGORIES).
    const c = await queryCostOfGoods(ctx, MEASURES.prime_cost_pct.parts);
    const share = MEASURES.prime_cost_pct.value(c.part);
    const labour = c.part('labour');
    const sheet = createFactSheet(PRIME_COST_METRIC_ID, ctx.period);
    const leaks: LeakCandidate[] = [];
    if (share === null || labour === null || c.cogs === null) {
      return { facts: sheet.facts, leaks, rowsScanned: c.rowsScanned };
    }

    const labourFact = sheet.add('prime_cost.labour', 'Labour', labour, 'INR');
    sheet.add('prime_cost.labour_pct', 'Labour % of sales', MEASURES.labour_pct.value(c.part) ?? 0, '%');
    sheet.add('prime_cost.cogs', 'Cost of goods sold', c.cogs, 'INR');
    const sales = sheet.add('prime_cost.sales', 'Sales', c.sales, 'INR');
    const prime = sheet.add('prime_cost.total', 'Prime cost', c.cogs + labour, 'INR');
    const { pct, over } = costAgainstCeiling(sheet, ctx.period, {
      id: 'prime_cost',
      label: 'Prime cost',
      share,
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
    return { facts: sheet.facts, leaks, rowsScanned: c.rowsScanned };
  },
};
