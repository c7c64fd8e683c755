// The café's books besides the POS: the expense register, the purchase register and the daily stock register.
import { monthShort, weekdayOf } from '../../../src/core/analyst/calendar.ts';
import type { Random } from '../../../src/core/analyst/demo/random.ts';
import { INGREDIENTS, type Ingredient, KAVERI, NANDINI, PAYROLL } from './cafe-book.ts';
import { type ExpenseRow, type PurchaseRow, round2, type StockRow } from './cafe-rows.ts';

const MONDAY = 1;
const THURSDAY = 4;
const REPAIRS = [
  'Coffee machine service',
  'Refrigerator gas refill',
  'Plumber, wash area',
  'Exhaust fan repair',
];

const round10 = (v: number): number => Math.round(v / 10) * 10;
const monthYear = (iso: string): string => `${monthShort(iso)} ${iso.slice(0, 4)}`;
/** The month before the one `iso` falls in, as "Oct 2026". */
const previousMonth = (iso: string): string => {
  const [y, mo] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7))];
  const prev = mo === 1 ? `${y - 1}-12-01` : `${y}-${String(mo - 1).padStart(2, '0')}-01`;
  return monthYear(prev);
};

export function generateExpenses(random: Random, dates: readonly string[]): ExpenseRow[] {
  const rows: ExpenseRow[] = [];
  const add = (date: string, narration: string, head: string, paidTo: string, amount: number, mode: string) =>
    rows.push({ date, narration, head, paidTo, amount, mode });
  dates.forEach((date, k) => {
    const day = date.slice(8);
    if (day === '01') {
      add(date, `Shop rent for ${monthYear(date)}`, 'Rent', 'R. Venkatesh (Landlord)', 85_000, 'NEFT');
      for (const p of PAYROLL) {
        add(date, `Salary ${previousMonth(date)}, ${p.role}`, 'Salaries', p.name, p.monthly, 'NEFT');
      }
    }
    if (day === '08') {
      const bill = round10(16_000 + 1_500 * random.normal());
      add(date, `BESCOM bill ${monthYear(date)}`, 'Electricity', 'BESCOM', bill, 'UPI');
    }
    if (k % 4 === 0) {
      const cylinder = date >= '2026-11-01' ? 1_835 : 1_780;
      add(date, 'Commercial LPG 19 kg x2', 'Gas', 'Sri Lakshmi Gas Agency', 2 * cylinder, 'Cash');
    }
    if (weekdayOf(date) === MONDAY) {
      const amount = round10(random.between(1_200, 2_200));
      add(date, 'Takeaway cups, lids and carry bags', 'Packaging', 'Hotpack Packaging', amount, 'UPI');
    }
    if (weekdayOf(date) === THURSDAY) {
      add(
        date,
        'Cleaning supplies',
        'Housekeeping',
        'Sri Sai Stores',
        round10(random.between(600, 950)),
        'Cash',
      );
    }
    if (random.chance(0.06)) {
      const amount = round10(random.between(500, 4_000));
      add(date, random.pick(REPAIRS), 'Repairs & Maintenance', 'Cool Tech Services', amount, 'Cash');
    }
  });
  return rows;
}

/** The list rate on a date: the last revision on or before it. */
function listRate(ingredient: Ingredient, date: string): number {
  let rate = ingredient.rate;
  for (const [from, value] of ingredient.revisions) if (date >= from) rate = value;
  return rate;
}

const INVOICE: Record<string, (seq: number) => string> = {
  [KAVERI]: (seq) => `KT/26-27/${String(seq).padStart(4, '0')}`,
  [NANDINI]: (seq) => `ND${String(40_000 + seq)}`,
};
const invoiceOf = (vendor: string, seq: number): string =>
  (INVOICE[vendor] ?? ((s) => `GB-${1_100 + s}`))(seq);

/** Each vendor numbers its invoices in date order; one delivery day is one invoice, whatever it carries. */
function numberInvoices(purchases: PurchaseRow[]): void {
  const byDay = new Map<string, string>();
  const seqs = new Map<string, number>();
  for (const p of [...purchases].sort((a, b) => a.date.localeCompare(b.date))) {
    const key = `${p.vendor}|${p.date}`;
    if (!byDay.has(key)) {
      const seq = (seqs.get(p.vendor) ?? 0) + 1;
      seqs.set(p.vendor, seq);
      byDay.set(key, invoiceOf(p.vendor, seq));
    }
    p.invoiceNo = byDay.get(key)!;
  }
}

/** Deliveries and the daily stock register they feed. Quantities are kept in tenths so sums stay exact. */
export function generateStock(
  random: Random,
  dates: readonly string[],
): { purchases: PurchaseRow[]; stock: StockRow[] } {
  const purchases: PurchaseRow[] = [];
  const stock: StockRow[] = [];
  for (const ingredient of INGREDIENTS) {
    const [lo, hi] = ingredient.lot;
    const dailyUse = ((lo + hi) / 2 / ingredient.every) * 10;
    let onHand = Math.round(hi * 15);
    let unitCost = listRate(ingredient, dates[0]!);
    dates.forEach((date, k) => {
      const opening = onHand;
      let received = 0;
      if (k >= ingredient.offset && (k - ingredient.offset) % ingredient.every === 0) {
        const qty = random.int(lo, hi);
        const swing = ingredient.jitter ? random.int(-ingredient.jitter, ingredient.jitter) : 0;
        unitCost = listRate(ingredient, date) + swing;
        received = qty * 10;
        purchases.push({
          date,
          vendor: ingredient.vendor,
          item: ingredient.name,
          qty,
          unit: ingredient.unit,
          rate: unitCost,
          amount: round2(qty * unitCost),
          invoiceNo: '',
        });
      }
      const available = opening + received;
      const wanted = Math.round(dailyUse * random.between(0.8, 1.1));
      const wastage = Math.min(available, Math.round(wanted * ingredient.wastage * random.between(0.4, 1.6)));
      const consumed = Math.min(available - wastage, wanted);
      onHand = available - consumed - wastage;
      stock.push({
        date,
        item: ingredient.name,
        unit: ingredient.unit,
        opening: opening / 10,
        received: received / 10,
        consumed: consumed / 10,
        wastage: wastage / 10,
        closing: onHand / 10,
        unitCost,
      });
    });
  }
  numberInvoices(purchases);
  return { purchases, stock };
}
