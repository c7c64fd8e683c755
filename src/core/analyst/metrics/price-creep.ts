// Unit-price creep by vendor and item: what each unit costs now against four weeks a month or two back.
import type { Period } from '../../model/answer.ts';
import type { SqlParams } from '../../warehouse/port.ts';
import { addDays } from '../calendar.ts';
import { formatChange } from '../format.ts';
import type { LeakCandidate, Metric, MetricContext, MetricOutput } from '../metric.ts';
import { createFactSheet, show } from './fact-sheet.ts';
import {
  dateBetween,
  inScope,
  likePattern,
  num,
  periodParams,
  perWeek,
  slug,
  str,
  titleCase,
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
  const current = `date >= ${d.dateParam('from')}`;
  const filters = [
    ctx.filter?.item ? 'LOWER(item) LIKE @item_like' : '',
    ctx.filter?.vendor ? 'LOWER(vendor) LIKE @vendor_like' : '',
  ].filter(Boolean);
  return `
    SELECT vendor, item, MAX(unit) AS unit,
      SUM(CASE WHEN ${current} THEN amount ELSE 0 END) AS amount,
      SUM(CASE WHEN ${current} THEN qty ELSE 0 END) AS qty,
      SUM(CASE WHEN ${current} THEN 0 ELSE amount END) AS base_amount,
      SUM(CASE WHEN ${current} THEN 0 ELSE qty END) AS base_qty,
      COUNT(*) AS n
    FROM ${d.table('purchases_master')}
    WHERE ${inScope()} AND qty > 0
      AND (${dateBetween(d, 'date', 'base_from', 'base_to')} OR ${dateBetween(d, 'date', 'from', 'to')})
      ${filters.map((f) => `AND ${f}`).join(' ')}
    GROUP BY vendor, item`;
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

    const lines = rows
      .filter((r) => num(r.qty) > 0 && num(r.base_qty) > 0)
      .map((r) => {
        const current = num(r.amount) / num(r.qty);
        const before = num(r.base_amount) / num(r.base_qty);
        return {
          vendor: str(r.vendor),
          item: str(r.item),
          unit: str(r.unit) || 'unit',
          current,
          before,
          pct: ((current - before) / before) * 100,
          extraPerWeek: perWeek((current - before) * num(r.qty), ctx.period),
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
