// Food cost %: cost of goods sold (opening + purchases − closing stock) over food and beverage sales.
import { MEASURES } from '../../semantic/model.ts';
import type { LeakCandidate, Metric, MetricContext, MetricOutput } from '../metric.ts';
import { costAgainstCeiling, queryCostOfGoods } from './cogs.ts';
import { createFactSheet, show } from './fact-sheet.ts';

export const FOOD_COST_METRIC_ID = 'food-cost';
/** Above this share of sales, a South-Indian café is giving margin away (industry rule of thumb: 28–35%). */
export const FOOD_COST_CEILING_PCT = 35;

export const foodCost: Metric = {
  id: FOOD_COST_METRIC_ID,
  description: 'Food cost %: cost of goods sold (opening + purchases − closing stock) divided by food sales.',
  status: 'Cross-referencing purchases vs inventory…',
  async run(ctx: MetricContext): Promise<MetricOutput> {
    const c = await queryCostOfGoods(ctx);
    const sheet = createFactSheet(FOOD_COST_METRIC_ID, ctx.period);
    const leaks: LeakCandidate[] = [];
    const sales = sheet.add('food_cost.sales', 'Food and beverage sales', c.sales, 'INR');
    sheet.add('food_cost.purchases', 'Purchases', c.purchases, 'INR');
    if (c.cogs !== null) {
      sheet.add('food_cost.opening_stock', 'Opening stock value', c.opening, 'INR');
      sheet.add('food_cost.closing_stock', 'Closing stock value', c.closing, 'INR');
      const cogs = sheet.add('food_cost.cogs', 'Cost of goods sold', c.cogs, 'INR');
      const share = MEASURES.food_cost_pct.value(c.part);
      if (share !== null) {
        const { pct, over } = costAgainstCeiling(sheet, ctx.period, {
          id: 'food_cost',
          label: 'Food cost',
          share,
          sales: c.sales,
          ceilingPct: FOOD_COST_CEILING_PCT,
        });
        if (over) {
          const { ceiling, impact, excessPerWeek } = over;
          leaks.push({
            key: `food-cost:${ctx.period.from}..${ctx.period.to}`,
            headline: `Food cost ${show(pct)} of sales (${show(cogs)} on ${show(sales)}), above the ${show(ceiling)} ceiling: ${show(impact)}`,
            rootCause:
              'Ingredient spend is outrunning menu prices: vendor prices, wastage and portion sizes all feed it.',
            action:
              'Re-cost the ten best-selling dishes at current vendor prices and re-price or re-portion the worst',
            deadlineHours: 72,
            impactPerWeek: excessPerWeek,
            factIds: [pct.id, cogs.id, sales.id, ceiling.id, impact.id],
            remeasure: { metric: FOOD_COST_METRIC_ID, value: pct.value, factId: pct.id },
          });
        }
      }
    }
    return { facts: sheet.facts, leaks, rowsScanned: c.rowsScanned };
  },
};
