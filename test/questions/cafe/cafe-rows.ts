// The café's rows as the generator made them: what the owner's export files say, one object per line.

export type BillStatus = 'Settled' | 'Cancelled' | 'Complimentary';

/** One line of the POS item-wise sales export. Money in ₹ (paise precision), dates ISO. */
export interface SaleLine {
  date: string;
  billNo: string;
  item: string;
  category: string;
  qty: number;
  rate: number;
  discount: number;
  /** Qty × Rate − Discount (0 on a complimentary line, the full value on a cancelled one). */
  amount: number;
  /** Blank on a cancelled bill, as the POS leaves it. */
  paymentMode: string;
  status: BillStatus;
  captain: string;
  /** Guests on the bill, repeated on each of its lines. */
  covers: number;
  /** HH:MM, 24-hour. */
  time: string;
}

export interface ExpenseRow {
  date: string;
  narration: string;
  head: string;
  paidTo: string;
  amount: number;
  mode: string;
}

export interface PurchaseRow {
  date: string;
  vendor: string;
  item: string;
  qty: number;
  unit: string;
  rate: number;
  amount: number;
  invoiceNo: string;
}

/** One item's line in the daily stock register (closing = opening + received − consumed − wastage). */
export interface StockRow {
  date: string;
  item: string;
  unit: string;
  opening: number;
  received: number;
  consumed: number;
  wastage: number;
  closing: number;
  unitCost: number;
}

export interface CafeRows {
  /** Both sales files: the recent export and March 2015. */
  sales: SaleLine[];
  expenses: ExpenseRow[];
  purchases: PurchaseRow[];
  stock: StockRow[];
}

export const round2 = (v: number): number => Math.round(v * 100) / 100;
