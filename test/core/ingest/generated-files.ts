// Writes big, realistic ingest files on the fly (tests and the bench), streaming so they cost no memory to make.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';

export const SALES_HEADERS = [
  'Date',
  'Order ID',
  'Item',
  'Category',
  'Qty',
  'Unit Price',
  'Discount',
  'Amount',
  'Payment Mode',
  'Status',
  'Staff',
];

const ITEMS = [
  ['Masala Dosa', 'Food', 120],
  ['Filter Coffee', 'Beverage', 40],
  ['Idli Vada', 'Food', 80],
  ['Paneer Butter Masala', 'Food', 240],
  ['Sweet Lassi', 'Beverage', 70],
] as const;
const PAYMENTS = ['Cash', 'UPI', 'Card'];
const STATUSES = ['Settled', 'Settled', 'Settled', 'Cancelled', 'Complimentary'];

/** Bill lines a day, so a big file spans years in date order, as a POS export does. */
const ROWS_PER_DAY = 300;
const FIRST_DAY = Date.UTC(2020, 0, 1);

/** dd/mm/yyyy of the day a row falls on. */
function dayOf(i: number): string {
  const d = new Date(FIRST_DAY + Math.floor(i / ROWS_PER_DAY) * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

/** The i-th sales row: deterministic, dated dd/mm/yyyy in order from 2020, amounts like a POS export. */
export function salesRow(i: number): string[] {
  const [item, category, price] = ITEMS[i % ITEMS.length]!;
  const qty = 1 + (i % 3);
  return [
    dayOf(i),
    `ORD-${100000 + i}`,
    item,
    category,
    String(qty),
    String(price),
    i % 10 === 0 ? '10' : '0',
    String(qty * price - (i % 10 === 0 ? 10 : 0)),
    PAYMENTS[i % PAYMENTS.length]!,
    STATUSES[i % STATUSES.length]!,
    `Staff ${i % 7}`,
  ];
}

export const EXPENSE_HEADERS = ['Date', 'Narration', 'Head', 'Paid To', 'Amt (Rs)', 'Mode'];
const HEADS = ['Gas', 'Electricity', 'Rent', 'Repairs', 'Packaging', 'Salaries', 'Cleaning'];
const MODES = ['Cash', 'UPI', 'Bank Transfer', 'Card'];
const EXPENSE_ROWS_PER_DAY = 100;

/** "6,726.87": rupees as a ledger prints them, grouped in thousands, quoted because of the comma. */
function groupedRupees(paise: number): string {
  const rupees = Math.floor(paise / 100).toLocaleString('en-US');
  return `"${rupees}.${String(paise % 100).padStart(2, '0')}"`;
}

/**
 * The i-th row of an expenses ledger in a human layout: dd/mm/yyyy, a narration unique to the row, 50 vendors,
 * quoted amounts with thousands separators (the layout of #16's measurements).
 */
export function expensesRow(i: number): string[] {
  const d = new Date(FIRST_DAY + Math.floor(i / EXPENSE_ROWS_PER_DAY) * 86_400_000);
  const date = `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
  return [
    date,
    `Item ${i} purchase`,
    HEADS[i % HEADS.length]!,
    `Vendor ${i % 50}`,
    groupedRupees(10_000 + ((i * 7919) % 900_000)),
    MODES[i % MODES.length]!,
  ];
}

/** An expenses CSV of `rows` data rows in the human layout above. */
export async function writeExpensesCsv(path: string, rows: number): Promise<void> {
  await writeStreamed(path, async (write) => {
    await write(`${EXPENSE_HEADERS.join(',')}\n`);
    await writeRows(write, 0, rows, expensesRow);
  });
}

type Write = (text: string) => Promise<void>;

/** Writes a file with backpressure: `body` writes its text piece by piece, and the file is closed after. */
async function writeStreamed(path: string, body: (write: Write) => Promise<void>): Promise<void> {
  const out = createWriteStream(path);
  await body(async (text) => {
    if (!out.write(text)) await once(out, 'drain');
  });
  out.end();
  await once(out, 'close');
}

/** Rows `from` to `to` (exclusive) as CSV lines, about 64 KB a write. */
async function writeRows(
  write: Write,
  from: number,
  to: number,
  row: (i: number) => string[],
): Promise<void> {
  let chunk = '';
  for (let i = from; i < to; i += 1) {
    chunk += `${row(i).join(',')}\n`;
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
}

/** A sales CSV of `rows` data rows, written with backpressure. */
export async function writeSalesCsv(
  path: string,
  rows: number,
  row: (i: number) => string[] = salesRow,
): Promise<void> {
  await writeStreamed(path, async (write) => {
    await write(`${SALES_HEADERS.join(',')}\n`);
    await writeRows(write, 0, rows, row);
  });
}

/** Text a pasted document puts in a cell: commas, line breaks and doubled (escaped) quotes. */
const PASTED = 'Masala Dosa, ""extra"" chutney\nand sambar ';

/**
 * A sales CSV whose row `at` holds, as its Item, one quoted field of at least `fieldChars` characters,
 * written a block at a time so the field is never whole in memory.
 */
export async function writeSalesCsvWithHugeField(
  path: string,
  rows: number,
  at: number,
  fieldChars: number,
): Promise<void> {
  const block = PASTED.repeat(Math.ceil((1 << 16) / PASTED.length));
  await writeStreamed(path, async (write) => {
    await write(`${SALES_HEADERS.join(',')}\n`);
    await writeRows(write, 0, at, salesRow);
    const [date, order, , ...rest] = salesRow(at);
    await write(`${date},${order},"`);
    // Whole blocks only: a cut through a doubled quote would close the field early.
    for (let written = 0; written < fieldChars; written += block.length) await write(block);
    await write(`",${rest.join(',')}\n`);
    await writeRows(write, at + 1, rows, salesRow);
  });
}

/** A file of one line of at least `chars` characters and no line break (an export with its line breaks lost). */
export async function writeOneLine(path: string, chars: number): Promise<void> {
  const block = 'Masala Dosa 120 UPI Settled '.repeat(2400);
  await writeStreamed(path, async (write) => {
    for (let written = 0; written < chars; written += block.length) await write(block);
  });
}

/** A sales workbook of `rows` data rows, numbers stored as numbers, through exceljs's streaming writer. */
export async function writeSalesXlsx(
  path: string,
  rows: number,
  row: (i: number) => string[] = salesRow,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Sales');
  sheet.addRow(SALES_HEADERS).commit();
  const numeric = new Set([4, 5, 6, 7]);
  for (let i = 0; i < rows; i += 1) {
    sheet
      .addRow(
        row(i).map((cell, c) =>
          numeric.has(c) && cell !== '' && !Number.isNaN(Number(cell)) ? Number(cell) : cell,
        ),
      )
      .commit();
  }
  sheet.commit();
  await workbook.commit();
}
