// A tiny café, row by row: a dozen sales lines (a void, a comp, discounts, covers repeated per line, lines
// without an order id), expenses with salaries, two ingredients from two vendors at changing rates, stock sheets.
import type { Period } from '../../../src/core/model/answer.ts';
import { DEFAULT_SCOPE } from '../../../src/core/model/scope.ts';
import type { Row, Warehouse } from '../../../src/core/warehouse/port.ts';

export const scope = DEFAULT_SCOPE;
/** Rows of another café: never in an answer for `scope`. */
const elsewhere = { org_id: 'cafe_999', location_id: 'elsewhere' };

/** Thursday 29 Oct – Wednesday 4 Nov 2026: crosses a week and a month boundary. */
export const WEEK: Period = { from: '2026-10-29', to: '2026-11-04', label: 'test week' };

export interface SaleRow {
  date: string;
  order_id: string | null;
  item: string;
  category: string | null;
  qty: number;
  unit_price: number | null;
  discount: number;
  amount: number;
  payment_mode: string;
  status: string | null;
  staff: string | null;
  order_time: string | null;
  covers: number | null;
  order_type: string | null;
}

const sale = (
  date: string,
  order_id: string | null,
  item: string,
  category: string | null,
  [qty, unit_price, discount, amount]: [number, number | null, number, number],
  payment_mode: string,
  status: string | null,
  staff: string | null,
  order_time: string | null,
  covers: number | null,
  order_type: string | null = null,
): SaleRow => ({
  date,
  order_id,
  item,
  category,
  qty,
  unit_price,
  discount,
  amount,
  payment_mode,
  status,
  staff,
  order_time,
  covers,
  order_type,
});

export const SALES: SaleRow[] = [
  // Bill B1 on 30 Oct: three lines, covers 3 on each; one line discounted (status "Success" is a sale).
  sale(
    '2026-10-30',
    'B1',
    'Masala Dosa',
    'Mains',
    [2, 120, 0, 240],
    'UPI',
    null,
    'Ravi',
    '09:15',
    3,
    'Dine In',
  ),
  sale(
    '2026-10-30',
    'B1',
    'Filter Coffee',
    'Beverages',
    [3, 40, 0, 120],
    'UPI',
    null,
    'Ravi',
    '09:15',
    3,
    'Dine In',
  ),
  sale(
    '2026-10-30',
    'B1',
    'Vada',
    'Snacks',
    [1, 50, 10, 40],
    'UPI',
    'Success',
    'Ravi',
    '09:15',
    3,
    'Dine In',
  ),
  // Bill B2: one line sold, one voided.
  sale(
    '2026-10-30',
    'B2',
    'Filter Coffee',
    'Beverages',
    [2, 40, 0, 80],
    'Cash',
    null,
    'Meena',
    '13:40',
    2,
    'Delivery',
  ),
  sale(
    '2026-10-30',
    'B2',
    'Masala Dosa',
    'Mains',
    [1, 120, 0, 120],
    'Cash',
    'Void',
    'Meena',
    '13:40',
    2,
    'Delivery',
  ),
  // Bill B3: on the house.
  sale(
    '2026-10-31',
    'B3',
    'Masala Dosa',
    'Mains',
    [1, 120, 0, 0],
    'Cash',
    'complimentary',
    'Meena',
    '20:05',
    1,
  ),
  sale('2026-10-31', 'B4', 'Vada', 'Snacks', [4, 50, 20, 180], 'Card', null, 'Ravi', '20:30', 4, 'Swiggy'),
  // Two lines with no order id (and no time, no covers): a bill each. The second has no unit price.
  sale('2026-10-31', null, 'Filter Coffee', 'Beverages', [1, 40, 0, 40], 'Cash', null, 'Ravi', null, null),
  sale('2026-10-31', null, 'Vada', 'Snacks', [2, null, 5, 95], 'Cash', null, null, null, null),
  // B1 again, on another day: another bill.
  sale('2026-11-02', 'B1', 'Masala Dosa', 'Mains', [2, 120, 0, 240], 'UPI', null, 'Meena', '12:10', 2),
  sale('2026-11-02', 'B5', 'Filter Coffee', null, [1, 40, 0, 40], 'UPI', null, 'Meena', '12:20', 1),
  // B6: the whole bill cancelled.
  sale('2026-11-02', 'B6', 'Vada', 'Snacks', [1, 50, 0, 50], 'Card', 'cancelled', 'Ravi', '18:00', 1),
  sale(
    '2026-11-03',
    'B7',
    'Masala Dosa',
    'Mains',
    [1, 120, 30, 90],
    'Card',
    null,
    'Ravi',
    '08:45',
    2,
    'Delivery',
  ),
  // Outside the week: the week before (Sat 24 and Wed 28 Oct), a month before, a year before.
  sale('2026-10-24', 'B9', 'Masala Dosa', 'Mains', [1, 120, 0, 120], 'Cash', null, 'Ravi', '10:00', 2),
  sale('2026-10-28', 'B10', 'Filter Coffee', 'Beverages', [5, 40, 0, 200], 'UPI', null, 'Meena', '11:00', 3),
  sale('2026-09-30', 'B11', 'Vada', 'Snacks', [2, 50, 0, 100], 'Cash', null, 'Ravi', '19:00', 2),
  sale('2025-10-31', 'B12', 'Masala Dosa', 'Mains', [3, 120, 0, 360], 'Card', null, 'Ravi', '13:00', 4),
];

export interface ExpenseRow {
  date: string;
  description: string;
  category: string;
  vendor: string | null;
  amount: number;
  payment_mode: string;
}

export const EXPENSES: ExpenseRow[] = [
  {
    date: '2026-10-30',
    description: 'October rent',
    category: 'Rent',
    vendor: 'Landlord',
    amount: 5000,
    payment_mode: 'Bank',
  },
  {
    date: '2026-10-31',
    description: 'Staff salaries',
    category: 'Salaries',
    vendor: null,
    amount: 12000,
    payment_mode: 'Bank',
  },
  {
    date: '2026-11-02',
    description: 'Daily wages',
    category: 'wages',
    vendor: 'Ramesh',
    amount: 800,
    payment_mode: 'Cash',
  },
  {
    date: '2026-11-03',
    description: 'Gas cylinder',
    category: 'Utilities',
    vendor: 'HP Gas',
    amount: 1100,
    payment_mode: 'Cash',
  },
  {
    date: '2026-10-25',
    description: 'Advance',
    category: 'Salaries',
    vendor: null,
    amount: 3000,
    payment_mode: 'Bank',
  },
];

export interface PurchaseRow {
  date: string;
  vendor: string;
  item: string;
  qty: number | null;
  unit: string | null;
  unit_cost: number | null;
  amount: number;
  invoice_no: string;
}

const purchase = (
  date: string,
  vendor: string,
  item: string,
  qty: number | null,
  unit_cost: number | null,
  amount: number,
  invoice_no: string,
): PurchaseRow => ({
  date,
  vendor,
  item,
  qty,
  unit: item === 'Milk' ? 'l' : 'kg',
  unit_cost,
  amount,
  invoice_no,
});

export const PURCHASES: PurchaseRow[] = [
  purchase('2026-10-29', 'Sri Traders', 'Rice', 10, 50, 500, 'INV1'),
  purchase('2026-10-31', 'Sri Traders', 'Rice', 5, 55, 275, 'INV2'),
  // No unit cost: the price paid is amount ÷ qty = 58, as on every line.
  purchase('2026-11-02', 'Fresh Farms', 'Rice', 10, null, 580, 'INV3'),
  purchase('2026-10-30', 'Fresh Farms', 'Milk', 20, 30, 600, 'INV4'),
  // Two vendors' milk on the same last day. The sheet's rate says 30, the invoice charged ₹320 for 10 l
  // (delivery added): ₹32 a litre was paid, and that is the unit rate.
  purchase('2026-11-03', 'Fresh Farms', 'Milk', 10, 30, 320, 'INV5'),
  purchase('2026-11-03', 'Sri Traders', 'Milk', 5, 31, 155, 'INV6'),
  // A delivery charge: money, no quantity, so no rate.
  purchase('2026-11-01', 'Sri Traders', 'Rice', null, null, 40, 'INV7'),
  purchase('2026-10-20', 'Sri Traders', 'Rice', 10, 45, 450, 'INV0'),
];

export interface InventoryRow {
  date: string;
  item: string;
  unit: string;
  opening_qty: number;
  received_qty: number;
  consumed_qty: number;
  wastage_qty: number;
  closing_qty: number;
  unit_cost: number;
}

const stock = (
  date: string,
  item: string,
  [opening_qty, received_qty, consumed_qty, wastage_qty, closing_qty]: number[],
  unit_cost: number,
): InventoryRow => ({
  date,
  item,
  unit: item === 'Milk' ? 'l' : 'kg',
  opening_qty: opening_qty!,
  received_qty: received_qty!,
  consumed_qty: consumed_qty!,
  wastage_qty: wastage_qty!,
  closing_qty: closing_qty!,
  unit_cost,
});

export const INVENTORY: InventoryRow[] = [
  stock('2026-10-29', 'Rice', [20, 10, 8, 1, 21], 50),
  stock('2026-11-01', 'Rice', [21, 5, 7, 0.5, 18.5], 52),
  stock('2026-11-04', 'Rice', [18.5, 10, 16, 0.5, 12], 55),
  stock('2026-10-30', 'Milk', [5, 20, 8, 2, 15], 30),
  stock('2026-11-03', 'Milk', [15, 15, 18, 2, 10], 32),
  // After the week: not yet on the shelf at its end.
  stock('2026-11-06', 'Milk', [10, 0, 6, 1, 3], 32),
  // Before the week: sugar was last counted on 15 Oct, and is still on hand at the week's end.
  stock('2026-10-15', 'Sugar', [10, 0, 3, 0, 7], 40),
  stock('2026-10-22', 'Rice', [15, 10, 2, 3, 20], 48),
];

/** Loads every row in scope, and a copy of a few in another café with huge values. */
export async function loadDataset(warehouse: Warehouse): Promise<void> {
  const scoped = { org_id: scope.orgId, location_id: scope.locationId };
  const load = async (table: string, rows: object[], huge: Row) => {
    await warehouse.insertRows(
      table,
      rows.map((r) => ({ ...scoped, ...r }) as Row),
    );
    await warehouse.insertRows(
      table,
      rows.slice(0, 2).map((r) => ({ ...r, ...elsewhere, ...huge }) as Row),
    );
  };
  await load('sales', SALES, { amount: 99_999, qty: 999, covers: 99 });
  await load('expenses_master', EXPENSES, { amount: 99_999 });
  await load('purchases_master', PURCHASES, { amount: 99_999, qty: 999 });
  await load('inventory_master', INVENTORY, { wastage_qty: 999, closing_qty: 999 });
}
