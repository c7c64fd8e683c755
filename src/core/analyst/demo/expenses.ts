// The demo café's expenses: rent, weekly wages, utilities, LPG, repairs, packaging, cleaning, marketing.
import type { Row } from '../../warehouse/port.ts';
import { monthShort, weekdayOf } from '../calendar.ts';
import type { LeakPlan } from './leak-plan.ts';
import { PAYROLL } from './people.ts';
import type { Random } from './random.ts';
import type { RowStamp } from './row-stamp.ts';

const SUNDAY = 0;
const MONDAY = 1;
const WEDNESDAY = 3;
const THURSDAY = 4;
const SATURDAY = 6;

const LPG_VENDOR = 'Sri Balaji Gas Agency';
const REPAIRS = [
  'Wet grinder motor rewinding',
  'Refrigerator gas refill',
  'Plumbing: kitchen sink',
  'Exhaust fan repair',
  'Dosa tawa resurfacing',
];

const round10 = (v: number): number => Math.round(v / 10) * 10;

interface Expense {
  description: string;
  category: string;
  vendor: string | null;
  amount: number;
  payment_mode: string;
}

export function generateExpenses(
  random: Random,
  dates: readonly string[],
  plan: LeakPlan,
  stamp: RowStamp,
): Row[] {
  const rows: Row[] = [];
  let cylinderPrice = 1_850;
  const spike = plan.expenseSpike;

  dates.forEach((date, k) => {
    const day = date.slice(8);
    const weekday = weekdayOf(date);
    const month = monthShort(date);
    const out: Expense[] = [];
    // Commercial LPG prices in India are revised on the first of every month.
    if (day === '01' && k > 0) cylinderPrice = round10(cylinderPrice * (1 + 0.02 * random.normal()));
    if (day === '01') {
      out.push({
        description: `Shop rent, ${month}`,
        category: 'rent',
        vendor: 'K. Palanisamy',
        amount: 110_000,
        payment_mode: 'Bank transfer',
      });
    }
    if (day === '05') {
      out.push({
        description: `TNEB electricity bill, ${month}`,
        category: 'utilities',
        vendor: 'TANGEDCO',
        amount: round10(26_000 * (1 + 0.08 * random.normal())),
        payment_mode: 'UPI',
      });
    }
    if (day === '15') {
      out.push({
        description: 'Instagram and pamphlet promotion',
        category: 'marketing',
        vendor: 'Kovai Ads',
        amount: 5_000,
        payment_mode: 'UPI',
      });
    }
    const busy = weekday === SATURDAY || weekday === SUNDAY ? 1 : 0;
    const leaking =
      spike.category === 'gas' && date >= spike.from && random.chance(spike.extraCylinderChance);
    const cylinders = 1 + busy + (leaking ? 1 : 0);
    out.push({
      description: `LPG commercial cylinder x${cylinders}`,
      category: 'gas',
      vendor: LPG_VENDOR,
      amount: cylinders * cylinderPrice,
      payment_mode: 'Cash',
    });
    if (weekday === SATURDAY) {
      for (const e of PAYROLL) {
        out.push({
          description: `Weekly wages: ${e.name} (${e.role})`,
          category: 'salaries',
          vendor: null,
          amount: e.weeklyWage,
          payment_mode: 'Cash',
        });
      }
    }
    if (weekday === MONDAY) {
      out.push({
        description: 'Parcel containers and carry bags',
        category: 'packaging',
        vendor: 'Tiruppur Packaging House',
        amount: round10(2_800 * (1 + 0.08 * random.normal())),
        payment_mode: 'UPI',
      });
    }
    if (weekday === WEDNESDAY) {
      out.push({
        description: 'Water tanker',
        category: 'utilities',
        vendor: 'Noyyal Water Supply',
        amount: round10(1_200 + 60 * random.normal()),
        payment_mode: 'Cash',
      });
    }
    if (weekday === THURSDAY) {
      out.push({
        description: 'Housekeeping supplies',
        category: 'cleaning',
        vendor: 'Sakthi Provision Stores',
        amount: round10(900 + 50 * random.normal()),
        payment_mode: 'Cash',
      });
    }
    if (random.chance(0.08)) {
      out.push({
        description: random.pick(REPAIRS),
        category: 'repairs',
        vendor: 'Local technician',
        amount: round10(random.between(400, 3_500)),
        payment_mode: 'Cash',
      });
    }
    for (const e of out) {
      rows.push({
        org_id: stamp.orgId,
        location_id: stamp.locationId,
        date,
        ...e,
        _source_file: stamp.sourceFile,
        _master_category: 'expenses',
        _ingested_at: stamp.ingestedAt,
      });
    }
  });
  return rows;
}
