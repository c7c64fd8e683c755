// The planted leaks' figures, computed from the generated rows with each metric's own definition.
import type { Period } from '../../model/answer.ts';
import type { Row } from '../../warehouse/port.ts';
import { addDays } from '../calendar.ts';
import { spikeBaseline } from '../metrics/expense-spikes.ts';
import { creepBaseline } from '../metrics/price-creep.ts';
import { median, STAFF_MIN_BILLS } from '../metrics/staff-exceptions.ts';
import { periodDays } from '../periods.ts';
import type { LeakPlan } from './leak-plan.ts';
import { MENU } from './menu.ts';

/**
 * Every figure is for `window` (the 7 complete days before the end date) unless its name says otherwise.
 * Comparisons need history: with fewer than 64 days (the price-creep baseline ends 29 days before the window
 * and spans 28) a figure without a baseline is NaN, stored as null.
 */
export interface DemoGroundTruth {
  seed: number;
  endDate: string;
  days: number;
  window: Period;
  wastage: {
    item: string;
    unit: string;
    qty: number;
    inr: number;
    previousQty: number;
    previousInr: number;
    /** Change in ₹ wasted on the previous 7 days, in percent. */
    changePct: number;
    excessPerWeek: number;
  };
  usageVariance: {
    ingredient: string;
    unit: string;
    actualQty: number;
    theoreticalQty: number;
    variancePct: number;
    varianceInr: number;
  };
  priceCreep: {
    vendor: string;
    item: string;
    unit: string;
    baselinePrice: number;
    currentPrice: number;
    creepPct: number;
    extraPerWeek: number;
  };
  staffExceptions: {
    staff: string;
    ratePct: number;
    medianPct: number;
    voids: number;
    voidInr: number;
    discountInr: number;
    compInr: number;
    excessPerWeek: number;
  };
  expenseSpike: { category: string; amount: number; usual: number; changePct: number; extraPerWeek: number };
}

export interface GeneratedRows {
  sales: readonly Row[];
  inventory: readonly Row[];
  purchases: readonly Row[];
  expenses: readonly Row[];
}

const n = (v: Row[string] | undefined): number => Number(v ?? 0);
const within = (rows: readonly Row[], p: { from: string; to: string }) =>
  rows.filter((r) => String(r.date) >= p.from && String(r.date) <= p.to);
const total = (rows: readonly Row[], value: (r: Row) => number): number =>
  rows.reduce((s, r) => s + value(r), 0);
const perWeek = (value: number, p: Period): number => (value * 7) / periodDays(p);

function wastageTruth(rows: GeneratedRows, plan: LeakPlan): DemoGroundTruth['wastage'] {
  const item = plan.wastage.ingredient;
  const mine = rows.inventory.filter((r) => r.item === item);
  const previous = { from: addDays(plan.window.from, -7), to: addDays(plan.window.from, -1) };
  const now = within(mine, plan.window);
  const before = within(mine, previous);
  const inr = total(now, (r) => n(r.wastage_qty) * n(r.unit_cost));
  const previousInr = total(before, (r) => n(r.wastage_qty) * n(r.unit_cost));
  return {
    item,
    unit: String(mine[0]?.unit ?? ''),
    qty: total(now, (r) => n(r.wastage_qty)),
    inr,
    previousQty: total(before, (r) => n(r.wastage_qty)),
    previousInr,
    changePct: ((inr - previousInr) / previousInr) * 100,
    excessPerWeek: perWeek(inr - previousInr, plan.window),
  };
}

function varianceTruth(rows: GeneratedRows, plan: LeakPlan): DemoGroundTruth['usageVariance'] {
  const ingredient = plan.usageVariance.ingredient;
  const per = new Map(MENU.map((m) => [m.name, m.recipe[ingredient] ?? 0]));
  const served = within(rows.sales, plan.window).filter((r) => r.status !== 'void');
  const theoreticalQty = total(served, (r) => n(r.qty) * (per.get(String(r.item)) ?? 0));
  const stock = within(
    rows.inventory.filter((r) => r.item === ingredient),
    plan.window,
  );
  const actualQty = total(stock, (r) => n(r.consumed_qty));
  const avgCost = total(stock, (r) => n(r.consumed_qty) * n(r.unit_cost)) / actualQty;
  return {
    ingredient,
    unit: String(stock[0]?.unit ?? ''),
    actualQty,
    theoreticalQty,
    variancePct: ((actualQty - theoreticalQty) / theoreticalQty) * 100,
    varianceInr: (actualQty - theoreticalQty) * avgCost,
  };
}

function creepTruth(rows: GeneratedRows, plan: LeakPlan): DemoGroundTruth['priceCreep'] {
  const { vendor, ingredient: item } = plan.priceCreep;
  const mine = rows.purchases.filter((r) => r.vendor === vendor && r.item === item);
  const now = within(mine, plan.window);
  const before = within(mine, creepBaseline(plan.window));
  const qty = total(now, (r) => n(r.qty));
  const currentPrice = total(now, (r) => n(r.amount)) / qty;
  const baselinePrice = total(before, (r) => n(r.amount)) / total(before, (r) => n(r.qty));
  return {
    vendor,
    item,
    unit: String(mine[0]?.unit ?? ''),
    baselinePrice,
    currentPrice,
    creepPct: ((currentPrice - baselinePrice) / baselinePrice) * 100,
    extraPerWeek: perWeek((currentPrice - baselinePrice) * qty, plan.window),
  };
}

function staffTruth(rows: GeneratedRows, plan: LeakPlan): DemoGroundTruth['staffExceptions'] {
  const byStaff = new Map<string, Row[]>();
  for (const r of within(rows.sales, plan.window)) {
    const list = byStaff.get(String(r.staff)) ?? [];
    list.push(r);
    byStaff.set(String(r.staff), list);
  }
  const gross = (r: Row) => n(r.qty) * n(r.unit_price);
  const figures = [...byStaff].map(([staff, lines]) => {
    const g = total(lines, gross);
    const voidInr = total(
      lines.filter((r) => r.status === 'void'),
      gross,
    );
    const discountInr = total(
      lines.filter((r) => r.status === 'completed'),
      (r) => n(r.discount),
    );
    const compInr = total(
      lines.filter((r) => r.status === 'complimentary'),
      gross,
    );
    return {
      staff,
      bills: new Set(lines.map((r) => r.order_id)).size,
      voids: new Set(lines.filter((r) => r.status === 'void').map((r) => r.order_id)).size,
      gross: g,
      voidInr,
      discountInr,
      compInr,
      ratePct: ((voidInr + discountInr + compInr) / g) * 100,
    };
  });
  const counted = figures.filter((f) => f.bills >= STAFF_MIN_BILLS);
  const medianPct = median(counted.map((f) => f.ratePct));
  const leak = counted.find((f) => f.staff === plan.staff.name)!;
  return {
    staff: leak.staff,
    ratePct: leak.ratePct,
    medianPct,
    voids: leak.voids,
    voidInr: leak.voidInr,
    discountInr: leak.discountInr,
    compInr: leak.compInr,
    excessPerWeek: perWeek(((leak.ratePct - medianPct) / 100) * leak.gross, plan.window),
  };
}

function expenseTruth(rows: GeneratedRows, plan: LeakPlan): DemoGroundTruth['expenseSpike'] {
  const category = plan.expenseSpike.category;
  const mine = rows.expenses.filter((r) => r.category === category);
  const baseline = spikeBaseline(plan.window);
  const amount = total(within(mine, plan.window), (r) => n(r.amount));
  const usual =
    (total(within(mine, baseline), (r) => n(r.amount)) * periodDays(plan.window)) / periodDays(baseline);
  return {
    category,
    amount,
    usual,
    changePct: ((amount - usual) / usual) * 100,
    extraPerWeek: perWeek(amount - usual, plan.window),
  };
}

export function computeGroundTruth(
  rows: GeneratedRows,
  plan: LeakPlan,
  meta: { seed: number; endDate: string; days: number },
): DemoGroundTruth {
  return {
    ...meta,
    window: plan.window,
    wastage: wastageTruth(rows, plan),
    usageVariance: varianceTruth(rows, plan),
    priceCreep: creepTruth(rows, plan),
    staffExceptions: staffTruth(rows, plan),
    expenseSpike: expenseTruth(rows, plan),
  };
}
