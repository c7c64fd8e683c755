// The café's rows written the way its exports look: dd/mm/yyyy, Indian digit grouping, a report title, a Total row.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Category } from '../../../src/core/warehouse/tables.ts';
import type { ExpenseRow, PurchaseRow, SaleLine, StockRow } from './cafe-rows.ts';
import type { Cafe } from './generate-cafe.ts';

const ddmmyyyy = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const RUPEES = new Intl.NumberFormat('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const money = (n: number): string => RUPEES.format(n);
const qty = (n: number): string => String(n);
/** "14:05" → "02:05 PM", as the POS prints it. */
function time12(hhmm: string): string {
  const [h, m] = [Number(hhmm.slice(0, 2)), hhmm.slice(3)];
  return `${String(h % 12 === 0 ? 12 : h % 12).padStart(2, '0')}:${m} ${h < 12 ? 'AM' : 'PM'}`;
}
const cell = (v: string): string => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const line = (cells: readonly string[]): string => cells.map(cell).join(',');
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

function salesCsv(rows: readonly SaleLine[]): string {
  const header = [
    'Date',
    'Bill No',
    'Item',
    'Category',
    'Qty',
    'Rate',
    'Discount',
    'Amount',
    'Payment Mode',
    'Status',
    'Captain',
    'Covers',
    'Time',
  ];
  const blanks = (n: number) => Array.from({ length: n }, () => '');
  return [
    'Brew & Bites Cafe - Indiranagar, Bengaluru',
    'Item Wise Sales Report',
    `Period: ${ddmmyyyy(rows[0]!.date)} to ${ddmmyyyy(rows.at(-1)!.date)}`,
    '',
    line(header),
    ...rows.map((r) =>
      line([
        ddmmyyyy(r.date),
        r.billNo,
        r.item,
        r.category,
        qty(r.qty),
        money(r.rate),
        money(r.discount),
        money(r.amount),
        r.paymentMode,
        r.status,
        r.captain,
        String(r.covers),
        time12(r.time),
      ]),
    ),
    line([
      'Total',
      ...blanks(3),
      qty(sum(rows.map((r) => r.qty))),
      '',
      money(sum(rows.map((r) => r.discount))),
      money(sum(rows.map((r) => r.amount))),
      ...blanks(5),
    ]),
  ].join('\r\n');
}

const expensesCsv = (rows: readonly ExpenseRow[]): string =>
  [
    line(['Date', 'Narration', 'Head', 'Paid To', 'Amt (Rs)', 'Mode']),
    ...rows.map((r) => line([ddmmyyyy(r.date), r.narration, r.head, r.paidTo, money(r.amount), r.mode])),
  ].join('\r\n');

const purchasesCsv = (rows: readonly PurchaseRow[]): string =>
  [
    line(['Date', 'Vendor', 'Item', 'Qty', 'Unit', 'Rate', 'Amount', 'Invoice No']),
    ...rows.map((r) =>
      line([
        ddmmyyyy(r.date),
        r.vendor,
        r.item,
        qty(r.qty),
        r.unit,
        money(r.rate),
        money(r.amount),
        r.invoiceNo,
      ]),
    ),
  ].join('\r\n');

const stockCsv = (rows: readonly StockRow[]): string =>
  [
    line(['Date', 'Item', 'Unit', 'Opening', 'Received', 'Consumed', 'Wastage', 'Closing', 'Unit Cost']),
    ...rows.map((r) =>
      line([
        ddmmyyyy(r.date),
        r.item,
        r.unit,
        qty(r.opening),
        qty(r.received),
        qty(r.consumed),
        qty(r.wastage),
        qty(r.closing),
        money(r.unitCost),
      ]),
    ),
  ].join('\r\n');

export interface CafeFile {
  category: Category;
  path: string;
  /** Data rows in the file (not its title, header or Total row). */
  rows: number;
}

/** Writes the five export files into `dir`; stock is sorted by date, as a register is kept. */
export function writeCafeFiles(cafe: Cafe, dir: string): CafeFile[] {
  const stock = [...cafe.stock].sort((a, b) => a.date.localeCompare(b.date) || a.item.localeCompare(b.item));
  const purchases = [...cafe.purchases].sort((a, b) => a.date.localeCompare(b.date));
  const files: [Category, string, string, number][] = [
    ['sales', 'ItemWiseSales_06Sep2026_03Dec2026.csv', salesCsv(cafe.recentSales), cafe.recentSales.length],
    ['sales', 'ItemWiseSales_Mar2015.csv', salesCsv(cafe.oldSales), cafe.oldSales.length],
    ['expenses', 'Expenses Register Sep-Dec 2026.csv', expensesCsv(cafe.expenses), cafe.expenses.length],
    ['purchases', 'Purchase Register.csv', purchasesCsv(purchases), purchases.length],
    ['inventory', 'Stock Register.csv', stockCsv(stock), stock.length],
  ];
  return files.map(([category, name, text, rows]) => {
    const file = path.join(dir, name);
    writeFileSync(file, `${text}\r\n`);
    return { category, path: file, rows };
  });
}
