// Unit-price creep by vendor and item: what each unit costs now against four weeks a month or two back.
import type { Period } from '../../model/answer.ts';
import type { SqlParams } from '../../warehouse/port.ts';
import { addDays } from '../calendar.ts';
import { formatChange } from '../format.ts';
import type { LeakCandidate, Metric, MetricContext, MetricOutput } from '../metric.ts';
import { createFactSheet, show } from './fact-sheet.ts';
import {
  byWindow,
  dateBetween,
  inRupeesOf,
  inScope,
  likePattern,
  modelAggregate,
  modelRows,
  num,
  periodParams,
  perWeek,
  slug,
  str,
  titleCase,
  windowPart,
} from './metric-sql.ts';

export const PRICE_CREEP_METRIC_ID = 'price-creep';
export const CREEP_MIN_PCT = 5;
export const CREEP_MIN_EXTRA_PER_WEEK = 300;
/** Vendor items listed when no filter is given, biggest ₹ effect first. */
const TOP_PAIRS = 5;

/**
 * The four weeks that ended four weeks before the period: far enough back that a creeping price has not
 * yet crept, close enough that it is still the same vendor relationship.
 */
export function creepBaseline(period: Period): Period {
  return { from: addDays(period.from, -56), to: addDays(period.from, -29), label: 'two months back' };
}

function creepSql(ctx: MetricContext): string {
  const d = ctx.warehouse.dialect;
  const filters = [
    ctx.filter?.item ? 'LOWER(item) LIKE @item_like' : '',
    ctx.filter?.vendor ? 'LOWER(vendor) LIKE @vendor_like' : '',
  ].filter(Boolean);
  // The price is the model's average unit rate (Σ amount ÷ Σ qty) over the model's purchase rows, per
  // vendor × item × window: a semantic query groups by one dimension and compares totals only.
  return `
    SELECT vendor, item, ${windowPart(d)}, MAX(unit) AS unit,
      ${modelAggregate(d, 'unit_rate_avg')} AS rate, ${modelAggregate(d, 'purchase_qty')} AS qty, COUNT(*) AS n
    FROM (
      ${modelRows(d, 'purchases', ['vendor', 'item', 'unit'])}
      WHERE ${inScope()} AND qty > 0 ${inRupeesOf('purchases')}
        AND (${dateBetween(d, 'date', 'base_from', 'base_to')} OR ${dateBetween(d, 'date', 'from', 'to')})
        ${filters.map((f) => `AND ${f}`).join(' ')}
    ) p
    GROUP BY vendor, item, part`;
}

export const priceCreep: Metric = {
  id: PRICE_CREEP_METRIC_ID,
  description:
    'Unit-price creep by vendor and item: average price paid now vs two months back, and the ₹ it adds.',
  status: 'Comparing vendor prices with two months back…',
  async run(ctx: MetricContext): Promise<MetricOutput> {
    const baseline = creepBaseline(ctx.period);
    const params: SqlParams = { ...periodParams(ctx), base_from: baseline.from, base_to: baseline.to };
    if (ctx.filter?.item) params.item_like = likePattern(ctx.filter.item);
    if (ctx.filter?.vendor) params.vendor_like = likePattern(ctx.filter.vendor);
    const rows = await ctx.warehouse.query(creepSql(ctx), params);
    const filtered = Boolean(ctx.filter?.item || ctx.filter?.vendor);

    const pairs = byWindow(rows, (r) => JSON.stringify([str(r.vendor), str(r.item)]));
    const lines = [...pairs.values()]
      .flatMap(({ current: now, before: then }) => {
        const [current, before, qty] = [num(now?.rate), num(then?.rate), num(now?.qty)];
        // A price needs something bought in both windows, and a baseline paid for.
        if (!now || !then || qty <= 0 || num(then.qty) <= 0 || before <= 0) return [];
        return {
          vendor: str(now.vendor),
          item: str(now.item),
          unit: str(now.unit) || str(then.unit) || 'unit',
          current,
          before,
          pct: ((current - before) / before) * 100,
          extraPerWeek: perWeek((current - before) * qty, ctx.period),
        };
      })
      .sort((a, b) => b.extraPerWeek - a.extraPerWeek || a.item.localeCompare(b.item));

    const sheet = createFactSheet(PRICE_CREEP_METRIC_ID, ctx.period);
    const leaks: LeakCandidate[] = [];
    if (lines.length > 0) sheet.add('price.pairs_compared', 'Vendor items compared', lines.length, 'items');
    for (const [rank, p] of lines.entries()) {
      const isLeak = p.pct >= CREEP_MIN_PCT && p.extraPerWeek >= CREEP_MIN_EXTRA_PER_WEEK;
      if (!isLeak && !filtered && rank >= TOP_PAIRS) continue;
      const id = `price.${slug(p.vendor)}.${slug(p.item)}`;
      const name = titleCase(p.item);
      const before = sheet.add(
        `${id}.baseline`,
        `${name} price from ${p.vendor}, two months back`,
        p.before,
        `INR/${p.unit}`,
      );
      const now = sheet.add(
        `${id}.current`,
        `${name} price from ${p.vendor}, now`,
        p.current,
        `INR/${p.unit}`,
      );
      const pct = sheet.add(`${id}.creep_pct`, `${name} price change at ${p.vendor}`, p.pct, '%');
      const extra = sheet.add(
        `${id}.extra_week`,
        `${name} price creep cost per week`,
        p.extraPerWeek,
        'INR/week',
      );
      if (!isLeak) continue;
      leaks.push({
        key: `price-creep:${slug(p.vendor)}:${slug(p.item)}:${ctx.period.from}..${ctx.period.to}`,
        headline: `${name} from ${p.vendor}: ${show(now)} vs ${show(before)} two months back (${formatChange(pct.value)}), ${show(extra)} extra`,
        rootCause: `${p.vendor} has raised the ${p.item} price step by step with no renegotiation or second quote on record.`,
        action: `Get two competing quotes for ${p.item} and renegotiate the rate with ${p.vendor}`,
        deadlineHours: 72,
        impactPerWeek: p.extraPerWeek,
        factIds: [now.id, before.id, pct.id, extra.id],
        remeasure: {
          metric: PRICE_CREEP_METRIC_ID,
          value: extra.value,
          item: p.item,
          factId: extra.id,
          filter: { item: p.item, vendor: p.vendor },
        },
      });
    }
    return { facts: sheet.facts, leaks, rowsScanned: rows.reduce((s, r) => s + num(r.n), 0) };
  },
};
