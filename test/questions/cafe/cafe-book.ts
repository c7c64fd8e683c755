// Brew & Bites Café, Indiranagar: the fixed facts of the small café the question suite asks about.

/** "Today" for the whole suite: Thursday 3 Dec 2026, 3 PM in Kolkata (the clock Titan is given). */
export const TODAY = '2026-12-03';
export const NOW = new Date('2026-12-03T09:30:00Z');
export const TZ = 'Asia/Kolkata';
/** The POS export runs from here to today (bills up to 2:59 PM today); the other registers stop yesterday. */
export const FIRST_DAY = '2026-09-06';
export const YESTERDAY = '2026-12-02';
/** Bills rung up after this on TODAY have not happened yet. */
export const LAST_BILL_TODAY = 14 * 60 + 59;
/** The old POS file the owner found: March 2015, at the café's old prices. */
export const OLD_MONTH = { from: '2015-03-01', to: '2015-03-31' } as const;

export type MenuCategory = 'Beverages' | 'Snacks' | 'Meals' | 'Desserts';

export interface MenuItem {
  name: string;
  category: MenuCategory;
  /** ₹ per portion today. */
  rate: number;
  /** ₹ per portion in 2015, or null when it was not on the menu then. */
  rate2015: number | null;
  /** Relative chance of being ordered. */
  popularity: number;
  /** Served from this hour (breakfast items from 8, meals from 12). */
  fromHour: number;
}

const m = (
  name: string,
  category: MenuCategory,
  rate: number,
  rate2015: number | null,
  popularity: number,
  fromHour = 8,
): MenuItem => ({ name, category, rate, rate2015, popularity, fromHour });

export const MENU: readonly MenuItem[] = [
  m('Filter Coffee', 'Beverages', 40, 18, 30),
  m('Masala Chai', 'Beverages', 30, 12, 22),
  m('Cappuccino', 'Beverages', 140, 90, 9),
  m('Cold Coffee', 'Beverages', 160, null, 11),
  m('Fresh Lime Soda', 'Beverages', 80, 40, 6),
  m('Veg Sandwich', 'Snacks', 120, 60, 10),
  m('Samosa (2 pcs)', 'Snacks', 50, 20, 14),
  m('French Fries', 'Snacks', 110, null, 8),
  m('Vada Pav', 'Snacks', 45, 20, 7),
  m('Paneer Puff', 'Snacks', 60, 25, 5),
  m('Masala Dosa', 'Meals', 90, 45, 13),
  m('Veg Thali', 'Meals', 180, 90, 8, 12),
  m('Paneer Wrap', 'Meals', 150, null, 6, 12),
  m('Veg Biryani', 'Meals', 200, 110, 7, 12),
  m('Chocolate Brownie', 'Desserts', 120, null, 5),
  m('Gulab Jamun', 'Desserts', 60, 30, 4),
];

/** Captains who ring up bills: the morning pair until 3 PM, the evening pair after. */
export const CAPTAINS = { morning: ['Ramesh', 'Anita'], evening: ['Suresh', 'Farhan'] } as const;
/** The one who cancels far more bills than the others. */
export const CANCELS_A_LOT = 'Suresh';
export const CAPTAINS_2015 = ['Ramesh', 'Kumar'] as const;

export const PAYMENT_MODES = ['UPI', 'Cash', 'Card'] as const;

export interface Ingredient {
  name: string;
  unit: 'Kg' | 'Ltr';
  vendor: string;
  /** A delivery every N days, starting `offset` days into the range. */
  every: number;
  offset: number;
  /** Kilos (or litres) per delivery: [min, max]; a fixed amount when both are equal. */
  lot: readonly [number, number];
  /** ₹ per unit: the rate at the start and how it moves per delivery (a walk within ±jitter around steps). */
  rate: number;
  /** Rate revisions: from this date on the rate is this. */
  revisions: readonly (readonly [string, number])[];
  /** Random swing of each delivery's rate, ₹ (vegetables move every delivery). */
  jitter: number;
  /** Share of each day's use thrown away. */
  wastage: number;
}

export const KAVERI = 'Kaveri Traders';
export const NANDINI = 'Nandini Dairy';
export const GREEN_BASKET = 'Green Basket Vegetables';

const ing = (i: Ingredient): Ingredient => i;

export const INGREDIENTS: readonly Ingredient[] = [
  ing({
    name: 'Rice',
    unit: 'Kg',
    vendor: KAVERI,
    every: 7,
    offset: 0,
    lot: [50, 50],
    rate: 56,
    revisions: [
      ['2026-10-01', 58],
      ['2026-10-26', 60.5],
      ['2026-11-20', 62],
    ],
    jitter: 0,
    wastage: 0.005,
  }),
  ing({
    name: 'Sugar',
    unit: 'Kg',
    vendor: KAVERI,
    every: 7,
    offset: 3,
    lot: [20, 20],
    rate: 44,
    revisions: [['2026-11-05', 46]],
    jitter: 0,
    wastage: 0.002,
  }),
  ing({
    name: 'Sunflower Oil',
    unit: 'Ltr',
    vendor: KAVERI,
    every: 10,
    offset: 2,
    lot: [15, 15],
    rate: 155,
    revisions: [
      ['2026-10-15', 159],
      ['2026-11-18', 164],
    ],
    jitter: 0,
    wastage: 0.003,
  }),
  ing({
    name: 'Coffee Powder',
    unit: 'Kg',
    vendor: KAVERI,
    every: 10,
    offset: 5,
    lot: [5, 5],
    rate: 640,
    revisions: [['2026-11-01', 680]],
    jitter: 0,
    wastage: 0.002,
  }),
  ing({
    name: 'Milk',
    unit: 'Ltr',
    vendor: NANDINI,
    every: 1,
    offset: 0,
    lot: [18, 26],
    rate: 52,
    revisions: [['2026-11-01', 54]],
    jitter: 0,
    wastage: 0.03,
  }),
  ing({
    name: 'Paneer',
    unit: 'Kg',
    vendor: NANDINI,
    every: 2,
    offset: 1,
    lot: [4, 6],
    rate: 380,
    revisions: [['2026-10-20', 400]],
    jitter: 0,
    wastage: 0.04,
  }),
  ing({
    name: 'Onion',
    unit: 'Kg',
    vendor: GREEN_BASKET,
    every: 2,
    offset: 0,
    lot: [8, 12],
    rate: 38,
    revisions: [],
    jitter: 8,
    wastage: 0.05,
  }),
  ing({
    name: 'Tomato',
    unit: 'Kg',
    vendor: GREEN_BASKET,
    every: 2,
    offset: 1,
    lot: [6, 10],
    rate: 30,
    revisions: [],
    jitter: 12,
    wastage: 0.08,
  }),
  ing({
    name: 'Potato',
    unit: 'Kg',
    vendor: GREEN_BASKET,
    every: 3,
    offset: 0,
    lot: [10, 15],
    rate: 28,
    revisions: [],
    jitter: 4,
    wastage: 0.03,
  }),
];

/** Monthly pay, paid on the 1st for the month before. */
export const PAYROLL: readonly { name: string; role: string; monthly: number }[] = [
  { name: 'Manjunath', role: 'Head chef', monthly: 32_000 },
  { name: 'Lokesh', role: 'Cook', monthly: 21_000 },
  { name: 'Shilpa', role: 'Barista', monthly: 18_000 },
  { name: 'Ramesh', role: 'Captain', monthly: 17_000 },
  { name: 'Anita', role: 'Captain', monthly: 17_000 },
  { name: 'Suresh', role: 'Captain', monthly: 16_500 },
  { name: 'Farhan', role: 'Captain', monthly: 16_500 },
  { name: 'Gowramma', role: 'Housekeeping', monthly: 12_000 },
];

export const EXPENSE_HEADS = [
  'Rent',
  'Salaries',
  'Electricity',
  'Gas',
  'Repairs & Maintenance',
  'Packaging',
  'Housekeeping',
] as const;
