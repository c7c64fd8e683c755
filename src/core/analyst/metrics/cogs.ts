// Cost of goods sold for a period (opening stock + purchases − closing stock), the sales it fed, and cost shares.
import type { Fact, Period } from '../../model/answer.ts';
import type { MetricContext } from '../metric.ts';
import type { FactSheet } from './fact-sheet.ts';
import { dateBetween, inScope, isSale, num, periodParams, perWeek } from './metric-sql.ts';

export interface CostOfGoods {
  /** Stock value at the start of the period (each item's first stock row in it). */
  opening: number;
  purchases: number;
  /** Stock value at the end of the period (each item's last stock row in it). */
  closing: number;
  /** opening + purchases − closing; null when there is no stock sheet for the period. */
  cogs: number | null;
  /** Food and beverage sales (neither voided nor complimentary). */
  sales: number;
  rowsScanned: number;
}

export async function queryCostOfGoods(ctx: MetricContext): Promise<CostOfGoods> {
  const d = ctx.warehouse.dialect;
  const params = periodParams(ctx);
  const period = dateBetween(d, 'date', 'from', 'to');
  const stockSql = `
    SELECT
      SUM(CASE WHEN i.date = f.first_date THEN i.opening_qty * COALESCE(i.unit_cost, 0) ELSE 0 END) AS opening,
      SUM(CASE WHEN i.date = f.last_date THEN i.closing_qty * COALESCE(i.unit_cost, 0) ELSE 0 END) AS closing,
      COUNT(*) AS n
    FROM ${d.table('inventory_master')} i
    JOIN (
      SELECT item, MIN(date) AS first_date, MAX(date) AS last_date
      FROM ${d.table('inventory_master')}
      WHERE ${inScope()} AND ${period}
      GROUP BY item
    ) f ON f.item = i.item
    WHERE ${inScope('i')} AND ${dateBetween(d, 'i.date', 'from', 'to')}`;
  const purchasesSql = `
    SELECT SUM(amount) AS purchases, COUNT(*) AS n
    FROM ${d.table('purchases_master')}
    WHERE ${inScope()} AND ${period}`;
  const salesSql = `
    SELECT SUM(amount) AS sales, COUNT(*) AS n
    FROM ${d.table('sales')}
    WHERE ${inScope()} AND ${period} AND ${isSale()}`;
  const [[stock], [bought], [sold]] = await Promise.all([
    ctx.warehouse.query(stockSql, params),
    ctx.warehouse.query(purchasesSql, params),
    ctx.warehouse.query(salesSql, params),
  ]);
  const stockRows = num(stock?.n);
  const opening = num(stock?.opening);
  const purchases = num(bought?.purchases);
  const closing = num(stock?.closing);
  return {
    opening,
    purchases,
    closing,
    cogs: stockRows > 0 ? opening + purchases - closing : null,
    sales: num(sold?.sales),
    rowsScanned: stockRows + num(bought?.n) + num(sold?.n),
  };
}

/** A cost's share of sales against its ceiling, once the cost is over it: the ceiling and ₹/week above it. */
export interface OverCeiling {
  ceiling: Fact;
  impact: Fact;
  excessPerWeek: number;
}

/**
 * Adds `<id>.pct` (the figure an answer about this cost leads with) and, when it is above `ceilingPct`,
 * `<id>.ceiling_pct` and `<id>.impact_week`.
 */
export function costAgainstCeiling(
  sheet: FactSheet,
  period: Period,
  cost: { id: string; label: string; amount: number; sales: number; ceilingPct: number },
): { pct: Fact; over: OverCeiling | null } {
  const share = (cost.amount / cost.sales) * 100;
  const pct = sheet.lead(sheet.add(`${cost.id}.pct`, `${cost.label} %`, share, '%'));
  const excessPerWeek = perWeek(((share - cost.ceilingPct) / 100) * cost.sales, period);
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
