// The whole café from one seed: ~90 days of POS lines, expenses, purchases and stock, plus March 2015's sales.
import { addDays, daysBetween } from '../../../src/core/analyst/calendar.ts';
import { createRandom } from '../../../src/core/analyst/demo/random.ts';
import { CAPTAINS, CAPTAINS_2015, FIRST_DAY, OLD_MONTH, TODAY, YESTERDAY } from './cafe-book.ts';
import type { CafeRows, SaleLine } from './cafe-rows.ts';
import { generateExpenses, generateStock } from './generate-registers.ts';
import { generateSales } from './generate-sales.ts';

export const CAFE_SEED = 2026;

/** Every date from `from` to `to`, both included. */
export function datesFrom(from: string, to: string): string[] {
  return Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => addDays(from, i));
}

export interface Cafe extends CafeRows {
  /** The recent POS export and the March 2015 one, apart (they are two files). */
  recentSales: SaleLine[];
  oldSales: SaleLine[];
}

export function generateCafe(seed = CAFE_SEED): Cafe {
  const random = createRandom(seed);
  const recentSales = generateSales(random, {
    dates: datesFrom(FIRST_DAY, TODAY),
    billsPerDay: 36,
    rateOf: (item) => item.rate,
    captains: CAPTAINS,
    firstBillNo: 20_001,
  });
  const oldSales = generateSales(random, {
    dates: datesFrom(OLD_MONTH.from, OLD_MONTH.to),
    billsPerDay: 22,
    rateOf: (item) => item.rate2015,
    captains: { morning: [CAPTAINS_2015[0]], evening: [CAPTAINS_2015[1]] },
    firstBillNo: 1,
  });
  const registerDates = datesFrom(FIRST_DAY, YESTERDAY);
  const expenses = generateExpenses(random, registerDates);
  const { purchases, stock } = generateStock(random, registerDates);
  return { recentSales, oldSales, sales: [...oldSales, ...recentSales], expenses, purchases, stock };
}
