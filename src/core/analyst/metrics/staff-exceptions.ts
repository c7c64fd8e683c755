// Voids, discounts and complimentary bills by staff member, against the median of their colleagues.
import type { AggregateId } from '../../semantic/model.ts';
import type { LeakCandidate, Metric, MetricContext, MetricOutput } from '../metric.ts';
import { createFactSheet, show } from './fact-sheet.ts';
import { likePattern, perWeek, slug } from './metric-sql.ts';
import { readParts } from './read-parts.ts';

export const STAFF_EXCEPTIONS_METRIC_ID = 'staff-exceptions';
/** A cashier is an outlier at twice the median rate, once the excess is worth a conversation. */
export const STAFF_MIN_TIMES_MEDIAN = 2;
export const STAFF_MIN_EXCESS_PER_WEEK = 300;
/** Fewer bills rung (sale, void or comp; a bill being an order_id on a date) and a rate says nothing. */
export const STAFF_MIN_BILLS = 20;

export interface StaffExceptions {
  staff: string;
  bills: number;
  voids: number;
  gross: number;
  voidInr: number;
  discountInr: number;
  compInr: number;
  /** (void + discount + comp ₹) ÷ gross billed, in percent. */
  ratePct: number;
}

/** The median of a list (mean of the middle two when even). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The model's figures per cashier: bills rung, voided bills and value, discounts, comps, gross billed. */
const STAFF_PARTS = [
  'bills_any',
  'void_count',
  'gross_sales',
  'void_value',
  'comp_value',
  'discounts',
] as const satisfies AggregateId[];

export const staffExceptions: Metric = {
  id: STAFF_EXCEPTIONS_METRIC_ID,
  description: 'Voids, discounts and complimentary bills by staff member, against the median of the team.',
  status: 'Looking for unusual voids and discounts by staff…',
  async run(ctx: MetricContext): Promise<MetricOutput> {
    const { groups, rowsScanned } = await readParts(ctx, {
      period: ctx.period,
      parts: STAFF_PARTS,
      groupBy: 'staff',
    });
    const staff: StaffExceptions[] = groups
      .flatMap(({ key, part }) => {
        // Lines that name no cashier are nobody's exceptions.
        if (key === null) return [];
        const voidInr = part('void_value') ?? 0;
        const discountInr = part('discounts') ?? 0;
        const compInr = part('comp_value') ?? 0;
        // Every line is a sale, a void or a comp: together they are everything billed.
        const gross = (part('gross_sales') ?? 0) + voidInr + compInr;
        return {
          staff: key,
          bills: part('bills_any') ?? 0,
          voids: part('void_count') ?? 0,
          gross,
          voidInr,
          discountInr,
          compInr,
          ratePct: gross > 0 ? ((voidInr + discountInr + compInr) / gross) * 100 : 0,
        };
      })
      .filter((s) => s.bills >= STAFF_MIN_BILLS)
      .sort((a, b) => b.ratePct - a.ratePct || a.staff.localeCompare(b.staff));

    const sheet = createFactSheet(STAFF_EXCEPTIONS_METRIC_ID, ctx.period);
    const leaks: LeakCandidate[] = [];
    if (staff.length === 0) return { facts: sheet.facts, leaks, rowsScanned };
    const typical = median(staff.map((s) => s.ratePct));
    const medianFact = sheet.add('staff.median_pct', 'Median void + discount + comp rate', typical, '%');
    const wanted = ctx.filter?.staff ? likePattern(ctx.filter.staff).slice(1, -1) : null;

    for (const s of staff) {
      const excessPerWeek = perWeek(((s.ratePct - typical) / 100) * s.gross, ctx.period);
      const isLeak =
        typical > 0 &&
        s.ratePct >= STAFF_MIN_TIMES_MEDIAN * typical &&
        excessPerWeek >= STAFF_MIN_EXCESS_PER_WEEK;
      if (!isLeak && !(wanted !== null && s.staff.toLowerCase().includes(wanted))) continue;
      const id = `staff.${slug(s.staff)}`;
      const rate = sheet.add(
        `${id}.rate_pct`,
        `${s.staff}: voids + discounts + comps, share of billed value`,
        s.ratePct,
        '%',
      );
      const voids = sheet.add(`${id}.voids`, `${s.staff}: bills voided`, s.voids, 'voids');
      const voidInr = sheet.add(`${id}.void_inr`, `${s.staff}: value voided`, s.voidInr, 'INR');
      const discountInr = sheet.add(
        `${id}.discount_inr`,
        `${s.staff}: discounts given`,
        s.discountInr,
        'INR',
      );
      const compInr = sheet.add(`${id}.comp_inr`, `${s.staff}: complimentary value`, s.compInr, 'INR');
      const excess = sheet.add(
        `${id}.excess_week`,
        `${s.staff}: above the median, per week`,
        excessPerWeek,
        'INR/week',
      );
      if (!isLeak) continue;
      const times = sheet.add(`${id}.times_median`, `${s.staff}: rate vs median`, s.ratePct / typical, 'x');
      leaks.push({
        key: `staff:${slug(s.staff)}:${ctx.period.from}..${ctx.period.to}`,
        headline: `${s.staff}: ${show(rate)} of billed value voided, discounted or comped, ${show(times)} the ${show(medianFact)} median (${show(voids)} worth ${show(voidInr)}, discounts ${show(discountInr)}, comps ${show(compInr)}): ${show(excess)} above the team`,
        rootCause: `Voids and discounts concentrate on ${s.staff}'s bills: the pattern of cash kept on cancelled bills or unapproved discounts.`,
        action: `Require a manager PIN for every void and discount at ${s.staff}'s counter and review this period's voids with ${s.staff}`,
        deadlineHours: 24,
        impactPerWeek: excessPerWeek,
        factIds: [
          rate.id,
          times.id,
          medianFact.id,
          voids.id,
          voidInr.id,
          discountInr.id,
          compInr.id,
          excess.id,
        ],
        remeasure: {
          metric: STAFF_EXCEPTIONS_METRIC_ID,
          value: excess.value,
          factId: excess.id,
          filter: { staff: s.staff },
        },
        staffLevel: true,
      });
    }
    // No chart: it would name every cashier, and staff-level detail stays out of public channels.
    return { facts: sheet.facts, leaks, rowsScanned };
  },
};
