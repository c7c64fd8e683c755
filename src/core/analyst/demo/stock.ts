// Daily inventory and the purchases that feed it, consistent with what the recipes say the sales used.
import type { Row } from '../../warehouse/port.ts';
import { daysBetween } from '../calendar.ts';
import { INGREDIENTS, type Ingredient } from './ingredients.ts';
import type { LeakPlan } from './leak-plan.ts';
import type { Random } from './random.ts';
import type { RowStamp } from './row-stamp.ts';

/** Quantities are simulated in thousandths of a unit (grams, millilitres) so stock arithmetic stays exact. */
const MILLI = 1000;
/** Deliveries cover the days until the next one plus this much headroom. */
const ORDER_HEADROOM = 1.1;
/** Suppliers revise prices roughly monthly. */
const PRICE_REVISION_DAYS = 30;

const round2 = (v: number): number => Math.round(v * 100) / 100;
const initials = (vendor: string): string =>
  vendor
    .split(/\s+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join('');

export interface StockOutput {
  inventory: Row[];
  purchases: Row[];
}

/** ₹ per unit on each day: a slow monthly walk, plus the planted creep on one vendor's item. */
function priceSeries(
  random: Random,
  ingredient: Ingredient,
  dates: readonly string[],
  plan: LeakPlan,
): number[] {
  const creep = plan.priceCreep.ingredient === ingredient.name ? plan.priceCreep : null;
  let drift = 1;
  return dates.map((date, k) => {
    if (k > 0 && k % PRICE_REVISION_DAYS === 0) drift = 1 + (drift - 1) * 0.6 + 0.012 * random.normal();
    const steps = creep && date >= creep.from ? Math.floor(daysBetween(creep.from, date) / 7) + 1 : 0;
    return round2(ingredient.basePrice * drift * (1 + (creep?.weeklyStep ?? 0)) ** steps);
  });
}

/** What the kitchen used (recipes × sales, give or take) and threw away each day, in thousandths. */
function dailyUse(
  random: Random,
  index: number,
  dates: readonly string[],
  theoretical: readonly Float64Array[],
  plan: LeakPlan,
): { consumed: number[]; wasted: number[] } {
  const ingredient = INGREDIENTS[index]!;
  const variance = plan.usageVariance.ingredient === ingredient.name ? plan.usageVariance : null;
  const spike = plan.wastage.ingredient === ingredient.name ? plan.wastage : null;
  const consumed: number[] = [];
  const wasted: number[] = [];
  dates.forEach((date, k) => {
    const theory = theoretical[k]![index]!;
    const factor =
      variance && date >= variance.from ? random.between(...variance.factor) : random.between(0.99, 1.02);
    consumed.push(Math.round(theory * factor * MILLI));
    const normal = theory * ingredient.wastageRate * random.between(0.8, 1.2);
    const extra = spike && date >= plan.window.from ? random.between(...spike.extraPerDay) : 0;
    wasted.push(Math.round((normal + extra) * MILLI));
  });
  return { consumed, wasted };
}

export function generateStock(
  random: Random,
  dates: readonly string[],
  theoretical: readonly Float64Array[],
  plan: LeakPlan,
  stamp: RowStamp,
): StockOutput {
  const inventory: Row[] = [];
  const purchases: Row[] = [];
  const lineage = { _source_file: stamp.sourceFile, _ingested_at: stamp.ingestedAt };
  const scope = { org_id: stamp.orgId, location_id: stamp.locationId };

  INGREDIENTS.forEach((ingredient, index) => {
    const prices = priceSeries(random, ingredient, dates, plan);
    const { consumed, wasted } = dailyUse(random, index, dates, theoretical, plan);
    const use = consumed.map((c, k) => c + wasted[k]!);
    const every = ingredient.deliveryEveryDays;
    const pack = ingredient.pack * MILLI;
    const averageUse = use.reduce((a, b) => a + b, 0) / Math.max(1, use.length);
    const cover = (k: number): number =>
      use.slice(k, k + every).reduce((a, b) => a + b, 0) * ORDER_HEADROOM + averageUse;

    let stock = Math.round(cover(0));
    let unitCost = prices[0]!;
    dates.forEach((date, k) => {
      const opening = stock;
      const planned = (k + index) % every === 0 ? Math.max(0, cover(k) - opening) : 0;
      // A spike can empty the store before the next delivery: the vendor then sends an extra lot that day.
      const needed = Math.max(planned, use[k]! - opening);
      const received = needed > 0 ? Math.ceil(needed / pack) * pack : 0;
      if (received > 0) {
        unitCost = prices[k]!;
        const qty = received / MILLI;
        purchases.push({
          ...scope,
          date,
          vendor: ingredient.vendor,
          item: ingredient.name,
          qty,
          unit: ingredient.unit,
          unit_cost: unitCost,
          amount: round2(qty * unitCost),
          invoice_no: `${initials(ingredient.vendor)}/${date.slice(2).replaceAll('-', '')}`,
          _master_category: 'purchases',
          ...lineage,
        });
      }
      stock = opening + received - consumed[k]! - wasted[k]!;
      inventory.push({
        ...scope,
        date,
        item: ingredient.name,
        unit: ingredient.unit,
        opening_qty: opening / MILLI,
        received_qty: received / MILLI,
        consumed_qty: consumed[k]! / MILLI,
        wastage_qty: wasted[k]! / MILLI,
        closing_qty: stock / MILLI,
        unit_cost: unitCost,
        _master_category: 'inventory',
        ...lineage,
      });
    });
  });
  return { inventory, purchases };
}
