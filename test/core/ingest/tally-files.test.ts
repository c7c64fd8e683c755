// Tally exports, end to end: a Sales or Purchase Register and a Day Book load their vouchers into the category they
// belong to (continuation lines filled down, one amount basis per file, no party in `item`, a supplier's payment
// never an expense), or fail naming the folder they belong in. Expected sums are worked out here from the voucher
// lines, not by Titan's SQL.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCOPE, type Scope } from '../../../src/core/model/scope.ts';
import type { Category } from '../../../src/core/warehouse/tables.ts';
import { createIngestHarness, type IngestHarness } from './ingest-harness.ts';

type Cell = string | number;
const quoted = (c: Cell) => (String(c).includes(',') ? `"${c}"` : String(c));
const csv = (rows: readonly (readonly Cell[])[]) =>
  `${rows.map((r) => r.map(quoted).join(',')).join('\n')}\n`;
/** "1,05,000.00" → 105000: how Tally prints rupees, read back here without Titan's parser. */
const rupees = (text: string) => Number(text.replaceAll(',', ''));

let h: IngestHarness;
beforeEach(async () => {
  h = await createIngestHarness();
});
afterEach(async () => {
  await h.close();
});

const ingest = (name: string, content: string | Buffer, category: Category) =>
  h.ingestFile(name, content, category);
const rows = (sql: string) => h.warehouse.query<Record<string, unknown>>(sql);

describe('a Tally Sales Register', () => {
  const title = [['Spice Route Restaurant'], ['Sales Register'], ['1-Apr-2026 to 30-Nov-2026'], []];
  const header = [
    'Date',
    'Particulars',
    'Voucher Type',
    'Voucher No.',
    'Value',
    'Gross Total',
    'CGST',
    'SGST',
  ];
  // Voucher 1 has two item lines (the second blank in Date and Voucher No.); voucher 2 has only a Gross Total.
  const vouchers = [
    ['1-Apr-2026', 'Sharma Caterers', 'Sales', '1', '1,00,000.00', '1,57,500.00', '3,750.00', '3,750.00'],
    ['', '', '', '', '50,000.00', '', '', ''],
    ['2-Apr-2026', 'Cash', 'Sales', '2', '', '5,250.00', '125.00', '125.00'],
    ['3-Apr-2026', 'Hotel Annapurna', 'Tax Invoice', '3', '12,345.50', '12,962.78', '308.64', '308.64'],
  ];
  const file = csv([
    ...title,
    header,
    ...vouchers,
    ['', 'Grand Total', '', '', '1,62,345.50', '1,75,713.28'],
  ]);
  // Value (before tax) throughout: voucher 2's is its Gross Total less its CGST and SGST; the Grand Total row is no sale.
  const voucher2 = rupees('5,250.00') - rupees('125.00') - rupees('125.00');
  const expected = rupees('1,00,000.00') + rupees('50,000.00') + voucher2 + rupees('12,345.50');

  it('loads its vouchers as sales on Value throughout: a blank Value is Gross Total less the taxes', async () => {
    const outcome = await ingest('sales-register.csv', file, 'sales');
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: 4 });
    const stored = await rows('SELECT date, order_id, item, amount FROM sales ORDER BY date, amount');
    expect(stored.reduce((s, r) => s + Number(r.amount), 0)).toBeCloseTo(expected, 2);
    expect(stored.map((r) => [r.date, r.order_id])).toEqual([
      ['2026-04-01', '1'],
      ['2026-04-01', '1'],
      ['2026-04-02', '2'],
      ['2026-04-03', '3'],
    ]);
    // Particulars is the customer: it never becomes an item.
    expect(stored.map((r) => r.item).filter((i) => i !== null && i !== '')).toEqual([]);
    expect(stored.find((r) => r.order_id === '2')?.amount).toBeCloseTo(voucher2, 2);
    expect(outcome.report?.mapping).toContainEqual({
      source: 'Value, else Gross Total − CGST − SGST',
      column: 'amount',
    });
    expect(outcome.report?.unmapped).toContain('Particulars');
    expect(outcome.report?.unmapped).not.toContain('CGST');
    const notes = outcome.report?.notes?.join(' ') ?? '';
    expect(notes).toMatch(/Tally Sales Register/);
    expect(notes).toMatch(/"Value" \(before tax\) on every voucher.*"Gross Total" less "CGST", "SGST"/);
  });

  it('is refused as purchases, naming the category it belongs to, with nothing stored', async () => {
    const outcome = await ingest('sales-register.csv', file, 'purchases');
    expect(outcome).toMatchObject({ outcome: 'failed', code: 'ingest.wrong_category' });
    expect(outcome.reason).toMatch(/Sales Register.*--category sales/);
    expect(await h.count('purchases_master')).toBe(0);
    expect(await h.count('sales')).toBe(0);
  });
});

describe('a Tally Purchase Register workbook', () => {
  const lines = [
    ['5-Nov-2026', 'Kaveri Traders', 'Purchase', 'KT/118', '42,600.00', '44,730.00'],
    ['', '', '', '', '1,250.00', ''],
    ['9-Nov-2026', 'Fresh Farms', 'Purchase', 'FF-77', '8,400.00', '8,820.00'],
  ];

  async function book(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Purchase Register');
    sheet.addRow(['Spice Route Restaurant']);
    sheet.addRow(['Purchase Register']);
    sheet.addRow([]);
    sheet.addRow(['Date', 'Particulars', 'Voucher Type', 'Voucher No.', 'Value', 'Gross Total']);
    for (const line of lines) sheet.addRow(line);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('stores the party as vendor, the voucher number as invoice number, on Gross Total throughout', async () => {
    // No tax columns to bridge Value and Gross Total, so every voucher is its Gross Total and its item lines add nothing.
    const outcome = await ingest('purchases.xlsx', await book(), 'purchases');
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: 2 });
    const stored = await rows(
      'SELECT date, vendor, invoice_no, amount FROM purchases_master ORDER BY amount',
    );
    expect(stored).toEqual([
      { date: '2026-11-09', vendor: 'Fresh Farms', invoice_no: 'FF-77', amount: rupees(lines[2]![5]!) },
      { date: '2026-11-05', vendor: 'Kaveri Traders', invoice_no: 'KT/118', amount: rupees(lines[0]![5]!) },
    ]);
    expect(outcome.report?.mapping).toContainEqual({ source: 'Gross Total', column: 'amount' });
    expect(outcome.report?.unmapped).toContain('Value');
    expect(outcome.report?.notes?.join(' ')).toMatch(
      /"Gross Total" \(tax included\) on every voucher, never "Value": the file has no tax columns/,
    );
    const skipped = outcome.report?.skipped.map((s) => `${s.rows}: ${s.reason}`) ?? [];
    expect(skipped).toContainEqual(expect.stringMatching(/^1: .*already in its first line's Gross Total/));
  });

  it('is refused as sales', async () => {
    const outcome = await ingest('purchases.xlsx', await book(), 'sales');
    expect(outcome).toMatchObject({ outcome: 'failed', code: 'ingest.wrong_category' });
    expect(outcome.reason).toMatch(/Purchase Register.*--category purchases/);
  });
});

describe('a Tally Day Book', () => {
  // Debit / Credit Amount: a voucher's first line carries its total, its further lines are the ledgers behind it.
  const header = ['Date', 'Particulars', 'Vch Type', 'Vch No.', 'Debit Amount', 'Credit Amount'];
  const voucherLines = [
    ['1-Nov-2026', 'Cash', 'Sales', '101', '5,900.00', ''],
    ['', 'Sales @ 18%', '', '', '', '5,000.00'],
    ['', 'Output CGST', '', '', '', '450.00'],
    ['', 'Output SGST', '', '', '', '450.00'],
    ['1-Nov-2026', 'Electricity Charges', 'Payment', '7', '3,200.00', ''],
    ['', 'HDFC Bank', '', '', '', '3,200.00'],
    ['2-Nov-2026', 'Sharma Caterers', 'Receipt', '12', '', '10,000.00'],
    ['', 'Cash', '', '', '10,000.00', ''],
    ['2-Nov-2026', 'Cash', 'Sales', '102', '2,360.00', ''],
    ['', 'Sales @ 18%', '', '', '', '2,000.00'],
    ['3-Nov-2026', 'Rent', 'Payment', '8', '45,000.00', ''],
    ['3-Nov-2026', 'Depreciation', 'Journal', '3', '1,500.00', ''],
  ];
  const file = csv([['Day Book'], ['1-Nov-2026 to 3-Nov-2026'], [], header, ...voucherLines]);

  it('loads only its Sales vouchers as sales, each once, and says why the rest were left out', async () => {
    const outcome = await ingest('day-book.csv', file, 'sales');
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: 2 });
    const stored = await rows('SELECT date, order_id, amount FROM sales ORDER BY order_id');
    expect(stored).toEqual([
      { date: '2026-11-01', order_id: '101', amount: rupees('5,900.00') },
      { date: '2026-11-02', order_id: '102', amount: rupees('2,360.00') },
    ]);
    const skipped = outcome.report?.skipped.map((s) => s.reason).join(' | ') ?? '';
    expect(skipped).toMatch(/Payment vouchers are expenses/);
    expect(skipped).toMatch(/Receipt vouchers/);
  });

  it('loads only its Payment vouchers as expenses, the ledger paid as description', async () => {
    const outcome = await ingest('day-book.csv', file, 'expenses');
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: 2 });
    const stored = await rows('SELECT date, description, amount FROM expenses_master ORDER BY date');
    expect(stored).toEqual([
      { date: '2026-11-01', description: 'Electricity Charges', amount: rupees('3,200.00') },
      { date: '2026-11-03', description: 'Rent', amount: rupees('45,000.00') },
    ]);
  });

  it('fails whole as purchases, since none of its vouchers are purchases', async () => {
    const outcome = await ingest('day-book.csv', file, 'purchases');
    expect(outcome).toMatchObject({ outcome: 'failed', code: 'ingest.wrong_category' });
    expect(outcome.reason).toMatch(/None of this file's/);
    expect(await h.count('purchases_master')).toBe(0);
  });
});

describe('a Tally Day Book with purchases and payments', () => {
  const header = ['Date', 'Particulars', 'Vch Type', 'Vch No.', 'Debit Amount', 'Credit Amount'];
  // Its first 60 lines are all sales, so no sample of its first rows shows it is a Day Book: its columns do.
  const sales: Cell[][] = [];
  for (let n = 1; n <= 30; n += 1) {
    const total = 1000 + n * 118;
    sales.push(['1-Nov-2026', 'Cash', 'Sales', String(n), total.toFixed(2), '']);
    sales.push(['', 'Sales @ 18%', '', '', '', total.toFixed(2)]);
  }
  /** Payment vouchers: the ledger paid, its amount, and whether it is an expense (else a supplier's bill being settled). */
  const payments = [
    { no: 'P1', ledger: 'Kaveri Traders', amount: '20,000.00', expense: false }, // an advance, billed at the end
    { no: 'P2', ledger: 'Electricity Charges', amount: '3,200.00', expense: true },
    { no: 'P3', ledger: 'FRESH  FARMS', amount: '8,820.00', expense: false }, // Tally matches ledgers case aside
    { no: 'P4', ledger: 'Sharma Gas Agency', amount: '1,500.00', expense: false }, // booked as owed by a journal
    { no: 'P5', ledger: 'Rent', amount: '45,000.00', expense: true },
    { no: 'P6', ledger: 'Staff Salary', amount: '62,000.00', expense: true },
  ];
  const payment = (p: (typeof payments)[number], date: string): Cell[][] => [
    [date, p.ledger, 'Payment', p.no, p.amount, ''],
    ['', 'HDFC Bank', '', '', '', p.amount],
  ];
  const lines: Cell[][] = [
    ...sales,
    ...payment(payments[0]!, '2-Nov-2026'),
    ...payment(payments[1]!, '2-Nov-2026'),
    ['3-Nov-2026', 'Fresh Farms', 'Purchase', 'FF-77', '', '8,820.00'],
    ['', 'Purchase @ 5%', '', '', '8,400.00', ''],
    ['', 'Input CGST', '', '', '210.00', ''],
    ['', 'Input SGST', '', '', '210.00', ''],
    ...payment(payments[2]!, '4-Nov-2026'),
    ['4-Nov-2026', 'Gas Expenses', 'Journal', 'J1', '1,500.00', ''],
    ['', 'Sharma Gas Agency', '', '', '', '1,500.00'],
    ...payment(payments[3]!, '5-Nov-2026'),
    ...payment(payments[4]!, '5-Nov-2026'),
    ...payment(payments[5]!, '6-Nov-2026'),
    ['7-Nov-2026', 'Kaveri Traders', 'Purchase', 'KT/118', '', '44,730.00'],
    ['', 'Purchase @ 5%', '', '', '42,600.00', ''],
  ];
  const file = csv([['Day Book'], ['1-Nov-2026 to 7-Nov-2026'], [], header, ...lines]);

  it("loads real expense payments and leaves out payments settling a supplier's bill, saying why", async () => {
    const outcome = await ingest('day-book.csv', file, 'expenses');
    const expenses = payments.filter((p) => p.expense);
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: expenses.length });
    const stored = await rows('SELECT description, amount FROM expenses_master ORDER BY amount');
    expect(stored).toEqual(
      expenses
        .map((p) => ({ description: p.ledger, amount: rupees(p.amount) }))
        .sort((a, b) => a.amount - b.amount),
    );
    // Each payment voucher is two lines: both are left out with it.
    const skipped = new Map(outcome.report?.skipped.map((s) => [s.reason, s.rows]));
    const billed = [...skipped].find(([reason]) => /Purchase vouchers bill: it settles a bill/.test(reason));
    expect(billed?.[1]).toBe(2 * 2);
    const owed = [...skipped].find(([reason]) => /Journal vouchers book as owed/.test(reason));
    expect(owed?.[1]).toBe(2);
    expect(outcome.reason).toMatch(/rows left out: .*a Payment to a supplier/);
    expect(outcome.report?.notes?.join(' ')).toMatch(
      /A Payment to a supplier .* is left out, not stored as an expense/,
    );
  });

  it('is still a Day Book though its first rows are all sales: it loads its purchases and its sales', async () => {
    const asPurchases = await ingest('day-book.csv', file, 'purchases');
    expect(asPurchases).toMatchObject({ outcome: 'loaded', rows: 2 });
    const bought = await rows('SELECT vendor, amount FROM purchases_master ORDER BY amount');
    expect(bought).toEqual([
      { vendor: 'Fresh Farms', amount: rupees('8,820.00') },
      { vendor: 'Kaveri Traders', amount: rupees('44,730.00') },
    ]);
    const asSales = await ingest('day-book-again.csv', `${file}\n`, 'sales');
    expect(asSales).toMatchObject({ outcome: 'loaded', rows: 30 });
    const sold = await rows('SELECT SUM(amount) AS total FROM sales');
    const expected = sales.filter((l) => l[2] === 'Sales').reduce((s, l) => s + Number(l[4]), 0);
    expect(Number(sold[0]!.total)).toBeCloseTo(expected, 2);
  });
});

describe('a Tally payments export with its ledger groups', () => {
  const file = csv([
    ['Date', 'Particulars', 'Under', 'Vch Type', 'Vch No.', 'Debit Amount', 'Credit Amount'],
    ['1-Nov-2026', 'Kaveri Traders', 'Sundry Creditors', 'Payment', '1', '12,000.00', ''],
    ['', 'Cash', 'Cash-in-Hand', '', '', '', '12,000.00'],
    ['2-Nov-2026', 'Staff Welfare', 'Indirect Expenses', 'Payment', '2', '2,400.00', ''],
    ['', 'Cash', 'Cash-in-Hand', '', '', '', '2,400.00'],
    ['3-Nov-2026', 'Cooking Gas', 'Direct Expenses', 'Payment', '3', '1,850.00', ''],
    ['', 'Cash', 'Cash-in-Hand', '', '', '', '1,850.00'],
  ]);

  it('leaves out a payment to a Sundry Creditors ledger and loads those under an expense group', async () => {
    const outcome = await ingest('payments.csv', file, 'expenses');
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: 2 });
    const stored = await rows('SELECT description, amount FROM expenses_master ORDER BY amount');
    expect(stored).toEqual([
      { description: 'Cooking Gas', amount: rupees('1,850.00') },
      { description: 'Staff Welfare', amount: rupees('2,400.00') },
    ]);
    expect(outcome.report?.skipped).toContainEqual({
      reason: expect.stringMatching(/under Sundry Creditors \(a supplier\)/),
      rows: 2,
    });
    expect(outcome.report?.unmapped).not.toContain('Under');
  });
});

describe("a Tally payments Day Book after the suppliers' purchases are loaded", () => {
  const here = DEFAULT_SCOPE;
  const elsewhere: Scope = { orgId: here.orgId, locationId: 'coimbatore_branch' };
  // An earlier purchases export for this site: Kaveri Traders' bills are already counted as purchases.
  const purchases = csv([
    ['Date', 'Vendor', 'Item', 'Qty', 'Amount'],
    ['28/10/2026', 'Kaveri Traders', 'Basmati Rice', '50', '12,500.00'],
    ['29/10/2026', 'Kaveri Traders', 'Toor Dal', '20', '7,500.00'],
    ['30/10/2026', 'Aavin', 'Milk', '100', '5,600.00'],
  ]);
  const header = ['Date', 'Particulars', 'Vch Type', 'Vch No.', 'Debit Amount', 'Credit Amount'];
  /** The ledger paid (Kaveri Traders as the accountant typed it: case and spacing aside), and whether it is an expense. */
  const payments = [
    { no: 'P1', ledger: 'KAVERI  traders', amount: '20,000.00', supplier: true },
    { no: 'P2', ledger: 'Rent', amount: '45,000.00', supplier: false },
    { no: 'P3', ledger: 'Electricity Charges', amount: '3,200.00', supplier: false },
  ];
  const file = csv([
    ['Day Book'],
    ['1-Nov-2026 to 3-Nov-2026'],
    [],
    header,
    ['1-Nov-2026', 'Cash', 'Sales', '101', '5,900.00', ''],
    ['', 'Sales @ 18%', '', '', '', '5,900.00'],
    ...payments.flatMap((p, i) => [
      [`${i + 1}-Nov-2026`, p.ledger, 'Payment', p.no, p.amount, ''],
      ['', 'HDFC Bank', '', '', '', p.amount],
    ]),
  ]);
  const total = (of: typeof payments) => of.reduce((sum, p) => sum + rupees(p.amount), 0);
  const expenses = async (scope: Scope) =>
    rows(
      `SELECT description, amount FROM expenses_master WHERE org_id = '${scope.orgId}' AND location_id = '${scope.locationId}' ORDER BY amount`,
    );
  // Text is stored with its runs of spaces made one, as every text cell is.
  const asStored = (of: typeof payments) =>
    of
      .map((p) => ({ description: p.ledger.replace(/\s+/g, ' '), amount: rupees(p.amount) }))
      .sort((a, b) => a.amount - b.amount);

  it("leaves out a payment to a supplier whose purchases are stored, naming it, and loads the site's expenses", async () => {
    expect(await h.ingestFile('purchases.csv', purchases, 'purchases', here)).toMatchObject({
      outcome: 'loaded',
      rows: 3,
    });
    const outcome = await h.ingestFile('payments-day-book.csv', file, 'expenses', here);
    const paid = payments.filter((p) => !p.supplier);
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: paid.length });
    expect(await expenses(here)).toEqual(asStored(paid));
    const sum = await rows('SELECT SUM(amount) AS total FROM expenses_master');
    expect(Number(sum[0]!.total)).toBeCloseTo(total(paid), 2);
    // The payment voucher's two lines are left out with it.
    expect(outcome.report?.skipped).toContainEqual({
      reason:
        'left out: a Payment to KAVERI traders, whose purchases are already loaded: a settlement, not an expense',
      rows: 2,
    });
    expect(outcome.reason).toMatch(/rows left out: .*KAVERI traders, whose purchases are already loaded/);
    expect(outcome.report?.notes?.join(' ')).toMatch(/whose purchases are already loaded for this site/);
  });

  it("loads that payment as an expense at a site holding none of the supplier's purchases", async () => {
    await h.ingestFile('purchases.csv', purchases, 'purchases', here);
    const outcome = await h.ingestFile('payments-day-book.csv', file, 'expenses', elsewhere);
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: payments.length });
    expect(await expenses(elsewhere)).toEqual(asStored(payments));
    expect(await expenses(here)).toEqual([]);
    const reasons = outcome.report?.skipped.map((s) => s.reason).join(' | ') ?? '';
    expect(reasons).not.toMatch(/already loaded/);
  });
});

describe('a Tally register whose amounts could mix bases', () => {
  it('is read on Gross Total throughout when its tax columns do not take Gross Total to Value', async () => {
    // "Total Tax" repeats CGST + SGST: taking all three off Gross Total would not give Value, so Value is not used.
    const vouchers = [
      [
        '1-Dec-2026',
        'Hotel Annapurna',
        'Sales',
        '1',
        '10,000.00',
        '11,800.00',
        '900.00',
        '900.00',
        '1,800.00',
      ],
      ['2-Dec-2026', 'Cash', 'Sales', '2', '', '2,360.00', '180.00', '180.00', '360.00'],
      ['3-Dec-2026', 'Sharma Caterers', 'Sales', '3', '4,000.00', '4,720.00', '360.00', '360.00', '720.00'],
    ];
    const file = csv([
      [
        'Date',
        'Particulars',
        'Voucher Type',
        'Voucher No.',
        'Value',
        'Gross Total',
        'CGST',
        'SGST',
        'Total Tax',
      ],
      ...vouchers,
    ]);
    const outcome = await ingest('sales-register.csv', file, 'sales');
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: 3 });
    const stored = await rows('SELECT order_id, amount FROM sales ORDER BY order_id');
    expect(stored).toEqual(vouchers.map((v) => ({ order_id: v[3], amount: rupees(v[5]!) })));
    expect(outcome.report?.mapping).toContainEqual({ source: 'Gross Total', column: 'amount' });
    expect(outcome.report?.notes?.join(' ')).toMatch(
      /"Gross Total" \(tax included\) on every voucher, never "Value": its tax columns do not take Gross Total down to Value/,
    );
  });

  it('fails naming the voucher whose Value has no Gross Total, rather than storing it on the other basis', async () => {
    const file = csv([
      ['Date', 'Particulars', 'Voucher Type', 'Voucher No.', 'Value', 'Gross Total'],
      ['5-Nov-2026', 'Kaveri Traders', 'Purchase', 'KT/118', '42,600.00', '44,730.00'],
      ['9-Nov-2026', 'Fresh Farms', 'Purchase', 'FF-77', '8,400.00', ''],
    ]);
    const outcome = await ingest('purchase-register.csv', file, 'purchases');
    expect(outcome).toMatchObject({ outcome: 'failed', code: 'ingest.bad_rows' });
    expect(outcome.reason).toMatch(
      /row 2: a voucher with a Value but no Gross Total: this file is read on Gross Total/,
    );
    expect(await h.count('purchases_master')).toBe(0);
  });
});

describe('a ledger statement with Day Book words', () => {
  it('is refused, not read as a Day Book: its running balance marks one ledger seen from its own side', async () => {
    const file = csv([
      ['Date', 'Particulars', 'Vch Type', 'Vch No.', 'Debit', 'Credit', 'Balance'],
      ['1-Nov-2026', 'Electricity Charges', 'Payment', '7', '', '3,200.00', '46,800.00'],
      ['3-Nov-2026', 'Rent', 'Payment', '8', '', '45,000.00', '1,800.00'],
    ]);
    const outcome = await ingest('hdfc-ledger.csv', file, 'expenses');
    expect(outcome).toMatchObject({ outcome: 'failed', code: 'ingest.unmapped' });
    expect(outcome.reason).toMatch(/one ledger's statement from Tally .*"Balance".*Export the Day Book/);
    expect(await h.count('expenses_master')).toBe(0);
  });

  it('without a voucher type column is no Tally export at all, and is mapped like any other sheet', async () => {
    const file = csv([
      ['Date', 'Particulars', 'Vch No.', 'Debit', 'Credit'],
      ['1-Nov-2026', 'Electricity Charges', '7', '3,200.00', ''],
    ]);
    const outcome = await ingest('cash-book.csv', file, 'expenses');
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: 1 });
    expect(outcome.report?.notes?.join(' ') ?? '').not.toMatch(/Read as a Tally/);
    expect(outcome.report?.mapping).toContainEqual({ source: 'Debit', column: 'amount' });
    expect(await rows('SELECT amount FROM expenses_master')).toEqual([{ amount: rupees('3,200.00') }]);
  });
});
