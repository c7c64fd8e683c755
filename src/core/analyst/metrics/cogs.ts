// Cost of goods sold for a period (opening stock + purchases − closing stock), the sales it fed, and cost shares.
import type { Fact, Period } from '../../model/answer.ts';
import { type AggregateId, MEASURES, type PartReader } from '../../semantic/model.ts';
import type { MetricContext } from '../metric.ts';
import type { FactSheet } from './fact-sheet.ts';
import { perWeek } from './metric-sql.ts';
import { readParts } from './read-parts.ts';

export interface CostOfGoods {
  /** Stock value at the start of the period (each item's first stock row in it). */
  opening: number;
  purchases: number;
  /** Stock value at the end of the period (each item's last stock row in it). */
  closing: number;
  /** opening + purchases − closing; null when there is no stock sheet for the period. */
  cogs: number | null;
  /** Food and beverage sales: revenue (neither voided nor complimentary). */
  sales: number;
  /** The model's parts, for the measures built on them (food cost %, prime cost %, labour). */
  part: PartReader;
  rowsScanned: number;
}

/** The model's cost of goods and revenue over the period, with any further parts asked for (labour). */
export async function queryCostOfGoods(
  ctx: MetricContext,
  also: readonly AggregateId[] = [],
): Promise<CostOfGoods> {
  const { total: part, rowsScanned } = await readParts(ctx, {
    period: ctx.period,
    parts: [...MEASURES.food_cost_pct.parts, ...also],
  });
  return {
    opening: part('stock_opening') ?? 0,
    purchases: part('purchases') ?? 0,
    closing: part('stock_closing') ?? 0,
    cogs: MEASURES.cogs.value(part),
    sales: part('revenue') ?? 0,
    part,
    rowsScanned,
  };
}

/** A cost's share of sales against its ceiling, once the cost is over it: the ceiling and ₹/week above it. */
export interface OverCeiling {
  ceiling: Fact;
  impact: Fact;
  excessPerWeek: number;
}

/**
 * Adds `<id>.pct`, the cost's `share` of sales in % as the model computes it (the figure an answer about this
 * cost leads with) and, when it is above `ceilingPct`, `<id>.ceiling_pct` and `<id>.impact_week`.
 */
export function costAgainstCeiling(
  sheet: FactSheet,
  period: Period,
  cost: { id: string; label: string; share: number; sales: number; ceilingPct: number },
): { pct: Fact; over: OverCeiling | null } {
  const pct = sheet.lead(sheet.add(`${cost.id}.pct`, `${cost.label} %`, cost.share, '%'));
  const excessPerWeek = perWeek(((cost.share - cost.ceilingPct) / 100) * cost.sales, period);
  if (excessPerWeek <= 0) return { pct, over: null };
  const ceiling = sheet.add(`${cost.id}.ceiling_pct`, `${cost.label} ceiling`, cost.ceilingPct, '%');
  const impact = sheet.add(
    `${cost.id}.impact_week`,
    `${cost.label} above the ceiling, per week`,
    excessPerWeek,
    'INR/week',
  );
  return { pct, over: { ceiling, impact, excessPerWeek } };
}
