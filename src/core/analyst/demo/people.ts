// The demo café's people: cashiers who ring up bills by shift, and everyone on the weekly payroll.

/** Cashiers on the morning shift (breakfast, lunch) and the evening shift (tiffin, dinner). */
export const CASHIERS = {
  morning: ['Murugan', 'Lakshmi', 'Karthik'],
  evening: ['Priya', 'Senthil', 'Divya'],
} as const;

export const ALL_CASHIERS: readonly string[] = [...CASHIERS.morning, ...CASHIERS.evening];

export interface Employee {
  name: string;
  role: string;
  /** ₹ paid every Saturday. */
  weeklyWage: number;
}

const KITCHEN_AND_FLOOR: readonly Employee[] = [
  { name: 'Arumugam', role: 'head cook', weeklyWage: 6_500 },
  { name: 'Selvam', role: 'dosa master', weeklyWage: 5_200 },
  { name: 'Mani', role: 'dosa master', weeklyWage: 4_800 },
  { name: 'Ganesan', role: 'parotta master', weeklyWage: 5_000 },
  { name: 'Saravanan', role: 'meals cook', weeklyWage: 4_600 },
  { name: 'Ponnusamy', role: 'tea and coffee master', weeklyWage: 4_200 },
  { name: 'Velu', role: 'kitchen helper', weeklyWage: 3_200 },
  { name: 'Kannan', role: 'kitchen helper', weeklyWage: 3_200 },
  { name: 'Muthu', role: 'server', weeklyWage: 3_000 },
  { name: 'Raja', role: 'server', weeklyWage: 3_000 },
  { name: 'Bala', role: 'server', weeklyWage: 3_000 },
  { name: 'Saroja', role: 'cleaning', weeklyWage: 2_600 },
  { name: 'Jaya', role: 'cleaning', weeklyWage: 2_600 },
];

export const PAYROLL: readonly Employee[] = [
  ...ALL_CASHIERS.map((name) => ({ name, role: 'cashier', weeklyWage: 3_600 })),
  ...KITCHEN_AND_FLOOR,
];
