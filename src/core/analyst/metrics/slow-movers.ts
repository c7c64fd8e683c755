// Slow movers: menu items that sold less than one portion a day, from the items on sale in the last four weeks.
import { addDays } from '../calendar.ts';
import type { Metric, MetricContext, MetricOutput } from '../metric.ts';
import { periodDays } from '../periods.ts';
import { createFactSheet } from './fact-sheet.ts';
import {
  byWindow,
  dateBetween,
  inRupeesOf,
  inScope,
  modelAggregate,
  modelRows,
  num,
  periodParams,
  slug,
  str,
  windowPart,
} from './metric-sql.ts';

export const SLOW_MOVERS_METRIC_ID = 'slow-movers';
/** Below one portion a day, an item costs more in prep, stock and menu space than it earns. */
export const SLOW_MOVER_PER_DAY = 1;
/** An item counts as on the menu if it sold at least once in this many days up to the period's end. */
const MENU_WINDOW_DAYS = 28;
const LISTED = 5;

export const slowMovers: Metric = {
  id: SLOW_MOVERS_METRIC_ID,
  description: 'Slow movers: menu items selling under one portion a day, with their share of revenue.',
  status: 'Ranking menu items by portions sold…',
  async run(ctx: MetricContext): Promise<MetricOutput> {
    const d = ctx.warehouse.dialect;
    const days = periodDays(ctx.period);
    // Portions and revenue are the model's items sold and revenue; an item with any line in the window is on
    // the menu, sold this period or not.
    const sql = `
      SELECT item, ${windowPart(d)},
        ${modelAggregate(d, 'items_sold')} AS qty, ${modelAggregate(d, 'revenue')} AS revenue, COUNT(*) AS n
      FROM (
        ${modelRows(d, 'sales', ['item'])}
        WHERE ${inScope()} AND ${dateBetween(d, 'date', 'menu_from', 'to')} ${inRupeesOf('sales')}
      ) s
      GROUP BY item, part`;
    const params = {
      ...periodParams(ctx),
      menu_from: addDays(ctx.period.to, -(Math.max(MENU_WINDOW_DAYS, days) - 1)),
    };
    const rows = await ctx.warehouse.query(sql, params);
    const items = [...byWindow(rows, (r) => str(r.item))].map(([item, { current }]) => ({
      item,
      qty: num(current?.qty),
      revenue: num(current?.revenue),
    }));
    const totalRevenue = items.reduce((s, i) => s + i.revenue, 0);
    const slow = items
      .filter((i) => i.qty / days < SLOW_MOVER_PER_DAY)
      .sort((a, b) => a.qty - b.qty || a.item.localeCompare(b.item));

    const sheet = createFactSheet(SLOW_MOVERS_METRIC_ID, ctx.period);
    const rowsScanned = rows.reduce((s, r) => s + num(r.n), 0);
    if (items.length === 0) return { facts: sheet.facts, leaks: [], rowsScanned };
    sheet.add('slow.menu_items', 'Menu items on sale', items.length, 'items');
    sheet.add('slow.count', 'Items selling under one a day', slow.length, 'items');
    if (totalRevenue > 0) {
      const slowRevenue = slow.reduce((s, i) => s + i.revenue, 0);
      sheet.add(
        'slow.revenue_share_pct',
        'Slow movers, share of revenue',
        (slowRevenue / totalRevenue) * 100,
        '%',
      );
    }
    for (const i of slow.slice(0, LISTED)) {
      sheet.add(`slow.${slug(i.item)}.qty`, `${i.item} sold`, i.qty, 'portions');
      sheet.add(`slow.${slug(i.item)}.revenue`, `${i.item} revenue`, i.revenue, 'INR');
    }
    return {
      facts: sheet.facts,
      leaks: [],
      rowsScanned,
      chart: {
        kind: 'bar',
        title: 'Slowest items (portions sold)',
        x: 'item',
        y: 'portions',
        unit: 'portions',
        points: slow.slice(0, 10).map((i) => ({ x: i.item, y: i.qty })),
      },
    };
  },
};
