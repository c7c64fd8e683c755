// The café's POS lines, day by day: weekday swings, shifts of captains, discounts, cancellations and comps.
import { weekdayOf } from '../../../src/core/analyst/calendar.ts';
import type { Random } from '../../../src/core/analyst/demo/random.ts';
import { CANCELS_A_LOT, LAST_BILL_TODAY, MENU, type MenuItem, PAYMENT_MODES, TODAY } from './cafe-book.ts';
import { type BillStatus, round2, type SaleLine } from './cafe-rows.ts';

/** Sunday … Saturday. */
const WEEKDAY_FACTOR = [1.35, 0.8, 0.85, 0.9, 0.95, 1.1, 1.3];
const OPEN = 8 * 60;
const CLOSE = 22 * 60 + 30;
const EVENING = 15 * 60;

export interface SalesPlan {
  dates: readonly string[];
  billsPerDay: number;
  /** The price list: today's rates or 2015's. */
  rateOf: (item: MenuItem) => number | null;
  captains: { morning: readonly string[]; evening: readonly string[] };
  firstBillNo: number;
}

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function billStatus(random: Random, captain: string): BillStatus {
  if (random.chance(captain === CANCELS_A_LOT ? 0.09 : 0.02)) return 'Cancelled';
  return random.chance(0.015) ? 'Complimentary' : 'Settled';
}

/** The lines of one bill: 1–4 different items, 1–3 of each. */
function billItems(random: Random, menu: readonly MenuItem[], minute: number): Map<MenuItem, number> {
  const open = menu.filter((i) => i.fromHour * 60 <= minute);
  const weights = open.map((i) => i.popularity);
  const lines = new Map<MenuItem, number>();
  const wanted = random.weightedIndex([40, 35, 17, 8]) + 1;
  for (let tries = 0; lines.size < wanted && tries < 12; tries++) {
    const item = open[random.weightedIndex(weights)]!;
    if (!lines.has(item)) lines.set(item, random.weightedIndex([70, 22, 8]) + 1);
  }
  return lines;
}

export function generateSales(random: Random, plan: SalesPlan): SaleLine[] {
  const menu = MENU.filter((i) => plan.rateOf(i) !== null);
  const lines: SaleLine[] = [];
  let billNo = plan.firstBillNo;
  for (const date of plan.dates) {
    const factor = WEEKDAY_FACTOR[weekdayOf(date)]! * (1 + 0.12 * random.normal());
    const bills = Math.max(5, Math.round(plan.billsPerDay * factor));
    const last = date === TODAY ? LAST_BILL_TODAY : CLOSE;
    const minutes = Array.from({ length: bills }, () => random.int(OPEN, CLOSE))
      .filter((t) => t <= last)
      .sort((a, b) => a - b);
    for (const minute of minutes) {
      const captain = random.pick(minute < EVENING ? plan.captains.morning : plan.captains.evening);
      const status = billStatus(random, captain);
      const discountPct = status === 'Settled' && random.chance(0.08) ? 10 : 0;
      const paymentMode = status === 'Settled' ? PAYMENT_MODES[random.weightedIndex([55, 30, 15])]! : '';
      const covers = random.weightedIndex([30, 40, 15, 15]) + 1;
      const bill = String(billNo++);
      for (const [item, qty] of billItems(random, menu, minute)) {
        const rate = plan.rateOf(item)!;
        const gross = qty * rate;
        const discount = status === 'Complimentary' ? gross : round2((gross * discountPct) / 100);
        lines.push({
          date,
          billNo: bill,
          item: item.name,
          category: item.category,
          qty,
          rate,
          discount,
          amount: round2(gross - discount),
          paymentMode,
          status,
          captain,
          covers,
          time: hhmm(minute),
        });
      }
    }
  }
  return lines;
}
