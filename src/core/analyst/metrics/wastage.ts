// Wastage by item: quantity and ₹ thrown away, and the change against the previous equal period.
import type { Row } from '../../warehouse/port.ts';
import { formatChange } from '../format.ts';
import type { LeakCandidate, Metric, MetricContext, MetricOutput } from '../metric.ts';
import { createFactSheet, show } from './fact-sheet.ts';
import {
  byWindow,
  dateBetween,
  inScope,
  likePattern,
  modelAggregate,
  num,
  pctChange,
  periodParams,
  perWeek,
  slug,
  str,
  titleCase,
  windowPart,
} from './metric-sql.ts';

export const WASTAGE_METRIC_ID = 'wastage-by-item';
/** A rise smaller than this is noise; a smaller ₹ excess is not worth a task. */
export const WASTAGE_MIN_CHANGE_PCT = 25;
export const WASTAGE_MIN_EXCESS_PER_WEEK = 300;
/** Items listed when no filter is given. */
const TOP_ITEMS = 5;

/** Consumption as recorded, or derived from the stock movement when the sheet has no consumed column. */
export const CONSUMED_QTY =
  'COALESCE(consumed_qty, opening_qty + received_qty - closing_qty - COALESCE(wastage_qty, 0))';

function wastageSql(ctx: MetricContext): string {
  const d = ctx.warehouse.dialect;
  const itemFilter = ctx.filter?.item ? ' AND LOWER(item) LIKE @item_like' : '';
  // Wastage qty and ₹ are the model's (wastage_qty, wastage_value); each item once per period, and its unit.
  return `
    SELECT item, ${windowPart(d)}, MAX(unit) AS unit,
      ${modelAggregate(d, 'wastage_qty')} AS qty, ${modelAggregate(d, 'wastage_value')} AS inr,
      SUM(${CONSUMED_QTY}) AS used, COUNT(*) AS n
    FROM ${d.table('inventory_master')}
    WHERE ${inScope()} AND ${dateBetween(d, 'date', 'prev_from', 'to')}${itemFilter}
    GROUP BY item, part`;
}

interface ItemWastage {
  item: string;
  unit: string;
  qty: number;
  inr: number;
  prevQty: number;
  prevInr: number;
  used: number;
  prevUsed: number;
}

/** One entry per item from its rows of the period and of the previous one. */
function itemsOf(rows: readonly Row[]): ItemWastage[] {
  return [...byWindow(rows, (r) => str(r.item))].map(([item, { current: now, before }]) => ({
    item,
    unit: str(now?.unit) || str(before?.unit) || 'units',
    qty: num(now?.qty),
    inr: num(now?.inr),
    prevQty: num(before?.qty),
    prevInr: num(before?.inr),
    used: num(now?.used),
    prevUsed: num(before?.used),
  }));
}

export const wastageByItem: Metric = {
  id: WASTAGE_METRIC_ID,
  description:
    'Wastage by item: quantity and ₹ thrown away, and the change against the previous equal period.',
  status: 'Weighing wastage against last period…',
  async run(ctx: MetricContext): Promise<MetricOutput> {
    const params = periodParams(ctx);
    if (ctx.filter?.item) params.item_like = likePattern(ctx.filter.item);
    const rows = await ctx.warehouse.query(wastageSql(ctx), params);
    const items = itemsOf(rows).sort((a, b) => b.inr - a.inr || a.item.localeCompare(b.item));

    const sheet = createFactSheet(WASTAGE_METRIC_ID, ctx.period);
    const leaks: LeakCandidate[] = [];
    const total = items.reduce((sum, i) => sum + i.inr, 0);
    if (items.length > 0) sheet.add('wastage.total.inr', 'Wastage, all items', total, 'INR');

    items.forEach((w, rank) => {
      const change = pctChange(w.inr, w.prevInr);
      const excessPerWeek = perWeek(w.inr - w.prevInr, ctx.period);
      const isLeak =
        change !== null && change >= WASTAGE_MIN_CHANGE_PCT && excessPerWeek >= WASTAGE_MIN_EXCESS_PER_WEEK;
      if (!isLeak && !ctx.filter?.item && rank >= TOP_ITEMS) return;

      const id = `wastage.${slug(w.item)}`;
      const name = titleCase(w.item);
      const qty = sheet.add(`${id}.qty`, `${name} wasted`, w.qty, w.unit);
      const inr = sheet.add(`${id}.inr`, `${name} wasted, value`, w.inr, 'INR');
      const level = sheet.add(
        `${id}.inr_week`,
        `${name} wastage per week`,
        perWeek(w.inr, ctx.period),
        'INR/week',
      );
      const changeFact =
        change === null
          ? null
          : sheet.add(`${id}.change_pct`, `${name} wastage vs previous period`, change, '%');
      if (!isLeak || !changeFact) return;

      const impact = sheet.add(
        `${id}.impact_week`,
        `${name} wastage above last period, per week`,
        excessPerWeek,
        'INR/week',
      );
      const usedChange = pctChange(w.used, w.prevUsed) ?? 0;
      leaks.push({
        key: `wastage:${slug(w.item)}:${ctx.period.from}..${ctx.period.to}`,
        headline: `${name} wastage: ${show(qty)} (${show(inr)}), ${formatChange(changeFact.value)} on the previous period, ${show(impact)} extra`,
        rootCause:
          usedChange < changeFact.value / 4
            ? `Over-prep or spoilage: ${w.item} thrown away jumped while ${w.item} used in dishes stayed about the same.`
            : `Wastage outgrew sales: more ${w.item} went into dishes, but discards grew much faster.`,
        action: `Weigh and log every ${w.item} discard at close with a reason, and cut ${w.item} prep batches to the day's sales forecast`,
        deadlineHours: 24,
        impactPerWeek: excessPerWeek,
        factIds: [qty.id, inr.id, changeFact.id, impact.id],
        remeasure: {
          metric: WASTAGE_METRIC_ID,
          value: level.value,
          item: w.item,
          factId: level.id,
          filter: { item: w.item },
        },
      });
    });

    return {
      facts: sheet.facts,
      leaks,
      rowsScanned: rows.reduce((sum, r) => sum + num(r.n), 0),
      chart:
        items.length > 0
          ? {
              kind: 'bar',
              title: 'Wastage by item (₹)',
              x: 'item',
              y: 'wastage',
              unit: 'INR',
              points: items.slice(0, 10).map((w) => ({ x: w.item, y: Math.round(w.inr) })),
            }
          : undefined,
    };
  },
};
