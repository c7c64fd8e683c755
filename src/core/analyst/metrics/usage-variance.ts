// Actual vs theoretical usage by ingredient: stock consumed against what recipes × items sold call for.
import type { LeakCandidate, Metric, MetricContext, MetricOutput } from '../metric.ts';
import { createFactSheet, show } from './fact-sheet.ts';
import {
  dateBetween,
  inScope,
  isVoid,
  likePattern,
  num,
  periodParams,
  perWeek,
  slug,
  str,
  titleCase,
} from './metric-sql.ts';
import { CONSUMED_QTY } from './wastage.ts';

export const USAGE_VARIANCE_METRIC_ID = 'usage-variance';
/** Recipes are never exact; beyond this the gap is portioning or pilferage. */
export const VARIANCE_MIN_PCT = 5;
export const VARIANCE_MIN_INR_PER_WEEK = 300;
/** Ingredients listed when no filter is given, biggest ₹ gap first. */
const TOP_INGREDIENTS = 5;

function theoreticalSql(ctx: MetricContext): string {
  const d = ctx.warehouse.dialect;
  const period = `${inScope()} AND ${dateBetween(d, 'date', 'from', 'to')}`;
  // Comps were cooked and served, so they use ingredients; voids never reached the kitchen. The LEFT JOIN
  // keeps one row (with the true count of lines read) even when no recipe matches.
  return `
    SELECT LOWER(r.ingredient) AS ingredient, SUM(s.qty * r.qty_per_item) AS theoretical, c.sales_lines
    FROM (SELECT COUNT(*) AS sales_lines FROM ${d.table('sales')} WHERE ${period}) c
    CROSS JOIN (
      SELECT LOWER(item) AS item, SUM(qty) AS qty
      FROM ${d.table('sales')}
      WHERE ${period} AND NOT (${isVoid()})
      GROUP BY LOWER(item)
    ) s
    LEFT JOIN ${d.table('recipes')} r ON LOWER(r.menu_item) = s.item AND ${inScope('r')}
    GROUP BY LOWER(r.ingredient), c.sales_lines`;
}

function actualSql(ctx: MetricContext): string {
  const d = ctx.warehouse.dialect;
  return `
    SELECT LOWER(item) AS ingredient, MAX(unit) AS unit, SUM(${CONSUMED_QTY}) AS actual,
      SUM(${CONSUMED_QTY} * COALESCE(unit_cost, 0)) AS actual_inr, COUNT(*) AS n
    FROM ${d.table('inventory_master')}
    WHERE ${inScope()} AND ${dateBetween(d, 'date', 'from', 'to')}
    GROUP BY LOWER(item)`;
}

export const usageVariance: Metric = {
  id: USAGE_VARIANCE_METRIC_ID,
  description: 'Actual vs theoretical usage by ingredient: stock consumed against recipes × items sold.',
  status: 'Checking stock used against recipes × items sold…',
  async run(ctx: MetricContext): Promise<MetricOutput> {
    const params = periodParams(ctx);
    const [theory, actual] = await Promise.all([
      ctx.warehouse.query(theoreticalSql(ctx), params),
      ctx.warehouse.query(actualSql(ctx), params),
    ]);
    const rowsScanned = num(theory[0]?.sales_lines) + actual.reduce((s, r) => s + num(r.n), 0);
    const theoretical = new Map(theory.map((r) => [str(r.ingredient), num(r.theoretical)]));
    const wanted = ctx.filter?.item ? likePattern(ctx.filter.item).slice(1, -1) : null;

    const sheet = createFactSheet(USAGE_VARIANCE_METRIC_ID, ctx.period);
    const leaks: LeakCandidate[] = [];
    const rows = actual
      .map((r) => {
        const ingredient = str(r.ingredient);
        const used = num(r.actual);
        const expected = theoretical.get(ingredient) ?? 0;
        const avgCost = used > 0 ? num(r.actual_inr) / used : 0;
        const varianceQty = used - expected;
        return {
          ingredient,
          unit: str(r.unit) || 'units',
          used,
          expected,
          varianceQty,
          pct: expected > 0 ? (varianceQty / expected) * 100 : 0,
          inr: varianceQty * avgCost,
        };
      })
      .filter((v) => v.expected > 0 && (wanted === null || v.ingredient.includes(wanted)))
      .sort((a, b) => b.inr - a.inr || a.ingredient.localeCompare(b.ingredient));

    if (rows.length > 0)
      sheet.add('variance.ingredients_compared', 'Ingredients with recipes and stock', rows.length, 'items');
    for (const [rank, v] of rows.entries()) {
      const inrPerWeek = perWeek(v.inr, ctx.period);
      const isLeak = v.pct >= VARIANCE_MIN_PCT && inrPerWeek >= VARIANCE_MIN_INR_PER_WEEK;
      if (!isLeak && wanted === null && rank >= TOP_INGREDIENTS) continue;
      const id = `variance.${slug(v.ingredient)}`;
      const name = titleCase(v.ingredient);
      const used = sheet.add(`${id}.actual`, `${name} used (stock)`, v.used, v.unit);
      const expected = sheet.add(`${id}.theoretical`, `${name} the recipes call for`, v.expected, v.unit);
      const pct = sheet.add(`${id}.pct`, `${name} used above recipes`, v.pct, '%');
      const inr = sheet.add(`${id}.inr`, `${name} unaccounted, value`, v.inr, 'INR');
      const level = sheet.add(`${id}.inr_week`, `${name} unaccounted per week`, inrPerWeek, 'INR/week');
      if (!isLeak) continue;
      leaks.push({
        key: `variance:${slug(v.ingredient)}:${ctx.period.from}..${ctx.period.to}`,
        headline: `${name}: ${show(used)} used vs ${show(expected)} the recipes call for (${show(pct)} over), ${show(inr)} unaccounted`,
        rootCause: `Over-portioning or pilferage: more ${v.ingredient} left the store than the dishes sold need.`,
        action: `Set a standard ${v.ingredient} measure for every dish, put the ladle or scoop at the station, and count ${v.ingredient} at each shift change`,
        deadlineHours: 48,
        impactPerWeek: inrPerWeek,
        factIds: [used.id, expected.id, pct.id, inr.id],
        remeasure: {
          metric: USAGE_VARIANCE_METRIC_ID,
          value: level.value,
          item: v.ingredient,
          factId: level.id,
          filter: { item: v.ingredient },
        },
      });
    }
    return { facts: sheet.facts, leaks, rowsScanned };
  },
};
