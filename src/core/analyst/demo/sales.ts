// POS sales lines for the demo café: dayparts, weekday swings, parties, delivery apps, discounts, voids, comps.
import type { Row } from '../../warehouse/port.ts';
import { weekdayOf } from '../calendar.ts';
import { INGREDIENTS } from './ingredients.ts';
import type { LeakPlan } from './leak-plan.ts';
import { type Daypart, MENU, type MenuItem } from './menu.ts';
import { CASHIERS } from './people.ts';
import type { Random } from './random.ts';
import type { RowStamp } from './row-stamp.ts';

/** Sunday … Saturday: weekends are busy, Monday is quiet. */
const WEEKDAY_FACTOR = [1.22, 0.88, 0.92, 0.95, 0.97, 1.05, 1.15];

interface DaypartShape {
  name: Daypart;
  share: number;
  /** Minutes after midnight, [start, end). */
  start: number;
  end: number;
  beverageChance: number;
  deliveryChance: number;
}

const DAYPARTS: readonly DaypartShape[] = [
  { name: 'breakfast', share: 0.38, start: 7 * 60, end: 11 * 60, beverageChance: 0.75, deliveryChance: 0.05 },
  {
    name: 'lunch',
    share: 0.27,
    start: 12 * 60,
    end: 15 * 60 + 30,
    beverageChance: 0.35,
    deliveryChance: 0.12,
  },
  {
    name: 'tiffin',
    share: 0.25,
    start: 16 * 60,
    end: 19 * 60 + 30,
    beverageChance: 0.75,
    deliveryChance: 0.1,
  },
  { name: 'dinner', share: 0.1, start: 19 * 60 + 30, end: 22 * 60, beverageChance: 0.3, deliveryChance: 0.3 },
];

/** How often a cashier's bills are voided, discounted or given away. */
interface CashierHabits {
  voidChance: number;
  discountChance: number;
  discountPcts: readonly number[];
  compChance: number;
}

const NORMAL: CashierHabits = {
  voidChance: 0.01,
  discountChance: 0.06,
  discountPcts: [5, 10],
  compChance: 0.003,
};
const LEAKY: CashierHabits = {
  voidChance: 0.05,
  discountChance: 0.22,
  discountPcts: [10, 15, 20],
  compChance: 0.015,
};

interface Choice {
  items: MenuItem[];
  weights: number[];
}

function choicesFor(daypart: Daypart, categories: (c: MenuItem['category']) => boolean): Choice {
  const items = MENU.filter((i) => i.dayparts.includes(daypart) && categories(i.category));
  return { items, weights: items.map((i) => i.popularity) };
}

const INGREDIENT_INDEX = new Map(INGREDIENTS.map((ing, index) => [ing.name, index]));
/** Each menu item's recipe as [ingredient index, qty per portion] pairs, for the hot loop. */
const RECIPE_INDEX = new Map(
  MENU.map((item) => [
    item.name,
    Object.entries(item.recipe).map(([name, qty]) => [INGREDIENT_INDEX.get(name)!, qty] as const),
  ]),
);

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const round2 = (v: number): number => Math.round(v * 100) / 100;

export interface SalesOutput {
  rows: Row[];
  /** Per day, per ingredient (INGREDIENTS order): what the recipes say was used by food served. */
  theoreticalUsage: Float64Array[];
}

export function generateSales(
  random: Random,
  dates: readonly string[],
  billsPerDay: number,
  plan: LeakPlan,
  stamp: RowStamp,
): SalesOutput {
  const menus = DAYPARTS.map((d) => ({
    food: choicesFor(d.name, (c) => c !== 'beverages' && c !== 'sweets'),
    beverages: choicesFor(d.name, (c) => c === 'beverages'),
    sweets: choicesFor(d.name, (c) => c === 'sweets'),
  }));
  const shareWeights = DAYPARTS.map((d) => d.share);
  const rows: Row[] = [];
  const theoreticalUsage: Float64Array[] = [];

  for (const date of dates) {
    const usage = new Float64Array(INGREDIENTS.length);
    theoreticalUsage.push(usage);
    const bills = Math.round(billsPerDay * WEEKDAY_FACTOR[weekdayOf(date)]! * (1 + 0.05 * random.normal()));
    const times: number[] = [];
    for (let b = 0; b < bills; b++) {
      const d = DAYPARTS[random.weightedIndex(shareWeights)]!;
      times.push(random.int(d.start, d.end - 1));
    }
    times.sort((a, b) => a - b);
    const datePart = date.replaceAll('-', '');

    times.forEach((minute, b) => {
      const dp = DAYPARTS.findIndex((d) => minute < d.end);
      const shape = DAYPARTS[dp]!;
      const menu = menus[dp]!;
      const staff = random.pick(dp < 2 ? CASHIERS.morning : CASHIERS.evening);
      const habits = staff === plan.staff.name ? LEAKY : NORMAL;
      const delivery = random.chance(shape.deliveryChance);
      const covers = delivery ? 0 : random.weightedIndex([35, 35, 15, 15]) + 1;
      const paymentMode = delivery
        ? random.chance(0.55)
          ? 'Swiggy'
          : 'Zomato'
        : ['UPI', 'Cash', 'Card'][random.weightedIndex([55, 35, 10])]!;

      const lines = new Map<MenuItem, number>();
      const add = (choice: Choice, qty: number) => {
        const item = choice.items[random.weightedIndex(choice.weights)]!;
        lines.set(item, (lines.get(item) ?? 0) + qty);
      };
      const mains = delivery ? random.int(1, 3) : Math.min(4, covers + (random.chance(0.3) ? 1 : 0));
      for (let i = 0; i < mains; i++) add(menu.food, random.chance(0.15) ? 2 : 1);
      if (random.chance(delivery ? 0.2 : shape.beverageChance)) {
        add(menu.beverages, Math.max(1, covers - (random.chance(0.3) ? 1 : 0)));
      }
      if (random.chance(0.1)) add(menu.sweets, 1);

      const status = random.chance(habits.voidChance)
        ? 'void'
        : random.chance(habits.compChance)
          ? 'complimentary'
          : 'completed';
      const discountPct =
        status === 'completed' && random.chance(habits.discountChance) ? random.pick(habits.discountPcts) : 0;
      const orderId = `TPR-${datePart}-${String(b + 1).padStart(4, '0')}`;
      const orderTime = hhmm(minute);

      for (const [item, qty] of lines) {
        const gross = item.price * qty;
        const discount = status === 'complimentary' ? gross : round2((gross * discountPct) / 100);
        rows.push({
          org_id: stamp.orgId,
          location_id: stamp.locationId,
          date,
          order_id: orderId,
          item: item.name,
          category: item.category,
          qty,
          unit_price: item.price,
          discount,
          amount: round2(gross - discount),
          payment_mode: paymentMode,
          status,
          staff,
          order_time: orderTime,
          covers,
          _source_file: stamp.sourceFile,
          _master_category: 'sales',
          _ingested_at: stamp.ingestedAt,
        });
        // A voided bill never reached the kitchen; a comp did.
        if (status !== 'void')
          for (const [index, per] of RECIPE_INDEX.get(item.name)!) usage[index]! += per * qty;
      }
    });
  }
  return { rows, theoreticalUsage };
}
