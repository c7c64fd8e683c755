// Which leaks the demo plants, on what, and when: chosen by the seed so several seeds test different targets.
import type { Period } from '../../model/answer.ts';
import { addDays } from '../calendar.ts';
import { INGREDIENT_BY_NAME } from './ingredients.ts';
import { ALL_CASHIERS } from './people.ts';
import type { Random } from './random.ts';

export interface LeakPlan {
  /** The 7 complete days before the end date: what "last 7 days" means on the end date. */
  window: Period;
  wastage: { ingredient: string; extraPerDay: readonly [number, number] };
  usageVariance: { ingredient: string; from: string; factor: readonly [number, number] };
  priceCreep: { ingredient: string; vendor: string; from: string; weeklyStep: number };
  staff: { name: string };
  expenseSpike: { category: string; from: string; extraCylinderChance: number };
}

/** High-volume or high-value ingredients, where a leak is worth a task. */
const VARIANCE_CANDIDATES = ['ghee', 'coffee powder', 'oil', 'urad dal', 'milk'];
const CREEP_CANDIDATES = ['milk', 'coffee powder', 'oil', 'ghee', 'rice', 'urad dal'];

/** Weeks of price creep before the window: long enough to look like a trend, after the metric's baseline. */
const CREEP_WEEKS_BEFORE_WINDOW = 4;
/** The kitchen over-portions for three weeks before anyone looks. */
const VARIANCE_DAYS = 21;

export function planLeaks(random: Random, endDate: string): LeakPlan {
  const window: Period = { from: addDays(endDate, -7), to: addDays(endDate, -1), label: 'last 7 days' };
  const varianceIngredient = random.pick(VARIANCE_CANDIDATES);
  const creepIngredient = random.pick(CREEP_CANDIDATES.filter((name) => name !== varianceIngredient));
  return {
    window,
    wastage: { ingredient: 'maida', extraPerDay: [1.6, 2.4] },
    usageVariance: {
      ingredient: varianceIngredient,
      from: addDays(endDate, -VARIANCE_DAYS),
      factor: [1.14, 1.2],
    },
    priceCreep: {
      ingredient: creepIngredient,
      vendor: INGREDIENT_BY_NAME.get(creepIngredient)!.vendor,
      from: addDays(window.from, -7 * CREEP_WEEKS_BEFORE_WINDOW),
      weeklyStep: 0.025,
    },
    staff: { name: random.pick(ALL_CASHIERS) },
    expenseSpike: { category: 'gas', from: window.from, extraCylinderChance: 0.85 },
  };
}
