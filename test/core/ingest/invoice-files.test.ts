// PDF invoices end to end: supplier, number, date and currency from the header; lines checked qty × rate ≈ amount;
// a bill in euros stored as euros and never added up as rupees; POS tax invoices keep their items; scans OCR'd offline.
import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnalyst } from '../../../src/core/analyst/analyst.ts';
import type { FileOutcome } from '../../../src/core/ingest/outcome.ts';
import { SCANNED_PDF_REASON } from '../../../src/core/ingest/parse/pdf/pdf.ts';
import { encodePng } from '../../../src/core/ingest/parse/pdf/png-encode.ts';
import { DEFAULT_SCOPE } from '../../../src/core/model/scope.ts';
import { otherCurrencyNote } from '../../../src/core/semantic/currency.ts';
import { createSemanticExecutor } from '../../../src/core/semantic/execute.ts';
import { createTaskService } from '../../../src/core/tasks/task-service.ts';
import type { Row } from '../../../src/core/warehouse/port.ts';
import type { Category } from '../../../src/core/warehouse/tables.ts';
import { openFakeBigQueryWarehouse } from '../../fakes/bigquery-warehouse.ts';
import { CORPUS, corpus, fromCorpus } from '../../helpers/corpora.ts';
import { createIngestHarness, type IngestHarness } from './ingest-harness.ts';
import { scannedPngPdf } from './parse/pdf/scanned-pdf.ts';
import { type PlacedText, tableAt, textPdf } from './parse/pdf/text-pdf.ts';

const sum = (xs: readonly number[]): number => Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100;
const money = (n: number): string => n.toFixed(2);
const euro = (n: number): string => `€${n.toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

/** A supplier's invoice in euros over two pages, the header repeated with its page counter. */
const EURO_LINES = [
  { item: 'Espresso beans', qty: 12, rate: 24.5 },
  { item: 'Milk frother', qty: 3, rate: 189.99 },
  { item: 'Grinder service', qty: 1, rate: 540.77 },
];
const EURO_TOTAL = sum(EURO_LINES.map((l) => l.qty * l.rate));

function euroInvoice(): Buffer {
  const header = (page: number): PlacedText[] => [
    { text: 'Lisboa Coffee Supply', x: 40, y: 50, size: 16 },
    { text: `Page ${page} of 2`, x: 480, y: 50 },
    { text: 'Invoice No: INV-2291', x: 40, y: 90 },
    { text: 'Invoice Date: 12/03/2026', x: 40, y: 106 },
    { text: 'Currency: EUR', x: 40, y: 122 },
  ];
  const line = (l: (typeof EURO_LINES)[number]) => [
    l.item,
    String(l.qty),
    euro(l.rate),
    euro(l.qty * l.rate),
  ];
  const columns = [40, 260, 340, 450];
  return textPdf([
    [
      ...header(1),
      ...tableAt(
        [['Description', 'Qty', 'Unit Price', 'Amount'], ...EURO_LINES.slice(0, 2).map(line)],
        columns,
        160,
      ),
    ],
    [
      ...header(2),
      ...tableAt([['Description', 'Qty', 'Unit Price', 'Amount'], line(EURO_LINES[2]!)], columns, 160),
      { text: 'Total', x: 340, y: 220 },
      { text: euro(EURO_TOTAL), x: 450, y: 220 },
    ],
  ]);
}

/** A café's till receipt as its POS prints it: monospaced, GSTIN, items, then CGST/SGST and the total. */
const TILL_ITEMS = [
  { item: 'Tea', qty: 2, rate: 20 },
  { item: 'Veg Maggi', qty: 1, rate: 60 },
  { item: 'Grand Thali', qty: 1, rate: 150 },
];

function tillReceipt(): Buffer {
  const items = TILL_ITEMS.map(
    (i) =>
      `${i.item.padEnd(14)}${String(i.qty).padStart(3)}${money(i.rate).padStart(9)}${money(i.qty * i.rate).padStart(10)}`,
  );
  const subtotal = sum(TILL_ITEMS.map((i) => i.qty * i.rate));
  const tax = Math.round(subtotal * 2.5) / 100;
  const text = [
    'CAFE MOCHA',
    '12, MG Road, Bengaluru',
    'GSTIN: 29ABCDE1234F1Z5',
    'Tax Invoice',
    'Bill No: 1234      Date: 05/11/2026',
    '------------------------------------',
    'Item           Qty     Rate    Amount',
    ...items,
    '------------------------------------',
    `Sub Total${money(subtotal).padStart(27)}`,
    `CGST 2.5%${money(tax).padStart(27)}`,
    `SGST 2.5%${money(tax).padStart(27)}`,
    `Total${money(subtotal + 2 * tax).padStart(31)}`,
  ];
  return textPdf([text.map((t, i) => ({ text: t, x: 40, y: 60 + i * 14, size: 9 }))], 'Courier');
}

/** A bill of `n` tea lines, one of them misread: 2 × 20.00 printed as 4000.00 (the decimal point lost). */
function billWithMisreadLine(n: number): { pdf: Buffer; good: number[] } {
  const lines = Array.from({ length: n }, (_, i) => ({ item: `Tea ${i + 1}`, qty: 2, rate: 20 + i }));
  const printed = lines.map((l, i) => [
    l.item,
    String(l.qty),
    money(l.rate),
    i === 1 ? '4000.00' : money(l.qty * l.rate),
  ]);
  const pdf = textPdf([
    [
      { text: 'Nandini Dairy', x: 40, y: 40, size: 14 },
      { text: 'Invoice No: ND-77', x: 40, y: 64 },
      { text: 'Invoice Date: 02/11/2026', x: 40, y: 78 },
      ...tableAt([['Item', 'Qty', 'Rate', 'Amount'], ...printed], [40, 260, 340, 450], 110, 9),
    ],
  ]);
  return { pdf, good: lines.filter((_, i) => i !== 1).map((l) => l.qty * l.rate) };
}

describe('PDF invoices', () => {
  let h: IngestHarness;
  beforeEach(async () => {
    h = await createIngestHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const ingest = (name: string, content: Buffer | string, category: Category) =>
    h.ingestFile(name, content, category);
  const rows = (sql: string) => h.warehouse.query<Record<string, unknown>>(sql);

  describe('a supplier invoice in euros', () => {
    it('loads every line of both pages in EUR, with the header’s supplier, number and date, not its page counter', async () => {
      const outcome = await ingest('lisboa.pdf', euroInvoice(), 'purchases');
      expect(outcome).toMatchObject({ outcome: 'loaded', rows: EURO_LINES.length });
      expect(outcome.report?.mapping).toContainEqual({ source: 'Currency', column: 'currency' });
      const stored = await rows(
        'SELECT item, qty, unit_cost, amount, currency, date, invoice_no, vendor FROM purchases_master ORDER BY amount',
      );
      expect(stored).toEqual(
        [...EURO_LINES]
          .sort((a, b) => a.qty * a.rate - b.qty * b.rate)
          .map((l) => ({
            item: l.item,
            qty: l.qty,
            unit_cost: l.rate,
            amount: sum([l.qty * l.rate]),
            currency: 'EUR',
            date: '2026-03-12',
            invoice_no: 'INV-2291',
            vendor: 'Lisboa Coffee Supply',
          })),
      );
    });

    it('is never added up as rupees: purchases count the rupee bills only and say how many euro lines were left out, on SQLite and BigQuery', async () => {
      await ingest('lisboa.pdf', euroInvoice(), 'purchases');
      const rupees = [
        ['Date', 'Vendor', 'Item', 'Qty', 'Amount'],
        ['10/03/2026', 'Nandini', 'Milk', '40', '2400'],
        ['11/03/2026', 'Metro', 'Rice', '25', '1750'],
      ];
      await ingest('march.csv', `${rupees.map((r) => r.join(',')).join('\n')}\n`, 'purchases');
      const stored = await rows('SELECT * FROM purchases_master');
      expect(stored.filter((r) => r.vendor !== 'Lisboa Coffee Supply').map((r) => r.currency)).toEqual([
        'INR',
        'INR',
      ]);
      // The same rows on BigQuery: its migration added the column, and its SQL leaves the euros out too.
      const bigquery = await openFakeBigQueryWarehouse();
      try {
        await bigquery.warehouse.migrate();
        await bigquery.warehouse.insertRows('purchases_master', stored as Row[]);
        for (const warehouse of [h.warehouse, bigquery.warehouse]) {
          const result = await createSemanticExecutor({ warehouse }).run(
            {
              measures: ['purchases'],
              period: { from: '2026-03-01', to: '2026-03-31', label: 'March 2026' },
            },
            DEFAULT_SCOPE,
          );
          expect(result.totals.purchases, warehouse.kind).toBe(sum(rupees.slice(1).map((r) => Number(r[4]))));
          expect(result.otherCurrencies, warehouse.kind).toEqual([
            { table: 'purchases_master', currency: 'EUR', rows: EURO_LINES.length },
          ]);
          expect(otherCurrencyNote(result)).toBe(
            `Not in these figures: ${EURO_LINES.length} purchases rows in EUR (Titan adds up rupees only; it does not convert currencies).`,
          );
        }
      } finally {
        await bigquery.close();
      }
    });
  });

  it('is never answered as ₹0 or as rupees: alone it is declined naming EUR, beside rupee bills it is a note', async () => {
    await ingest('lisboa.pdf', euroInvoice(), 'purchases');
    const clock = { now: () => new Date('2026-04-02T06:30:00Z') };
    const tasks = createTaskService({ warehouse: h.warehouse, clock });
    const analyst = createAnalyst({ warehouse: h.warehouse, tasks, clock, tz: 'Asia/Kolkata' });
    const ask = (question: string) => analyst.ask({ question, scope: DEFAULT_SCOPE });
    const question = 'what did we spend on purchases in March 2026?';
    const alone = await ask(question);
    expect(alone.facts).toEqual([]);
    expect(alone.headline).toMatch(/no rupee rows/);
    expect(alone.headline).toContain(`${EURO_LINES.length} purchases rows in EUR`);

    const rupees = [
      ['Date', 'Vendor', 'Item', 'Qty', 'Amount'],
      ['10/03/2026', 'Nandini', 'Milk', '40', '2400'],
    ];
    await ingest('march.csv', `${rupees.map((r) => r.join(',')).join('\n')}\n`, 'purchases');
    const beside = await ask(question);
    expect(beside.facts.map((f) => f.value)).toEqual([2400]);
    expect(beside.notes.join(' ')).toContain(`${EURO_LINES.length} purchases rows in EUR`);
  });

  describe('a POS tax invoice', () => {
    it('keeps each item with its qty and rate, and stores neither CGST, SGST nor the total as a sale', async () => {
      const outcome = await ingest('bill-1234.pdf', tillReceipt(), 'sales');
      expect(outcome).toMatchObject({ outcome: 'loaded', rows: TILL_ITEMS.length });
      expect(
        await rows(
          'SELECT item, qty, unit_price, amount, currency, date, order_id FROM sales ORDER BY amount',
        ),
      ).toEqual(
        [...TILL_ITEMS]
          .sort((a, b) => a.qty * a.rate - b.qty * b.rate)
          .map((i) => ({
            item: i.item,
            qty: i.qty,
            unit_price: i.rate,
            amount: i.qty * i.rate,
            currency: 'INR',
            date: '2026-11-05',
            order_id: '1234',
          })),
      );
    });
  });

  describe('a line whose amount is not its qty × rate', () => {
    const reason = 'amount is not qty × rate: the line was misread; check it on the bill';

    it('is skipped and reported on a long bill; the other lines load', async () => {
      const { pdf, good } = billWithMisreadLine(24);
      const outcome = await ingest('long.pdf', pdf, 'purchases');
      expect(outcome).toMatchObject({ outcome: 'loaded', rows: good.length });
      expect(outcome.report?.skipped).toEqual([{ reason, rows: 1 }]);
      expect(await rows('SELECT ROUND(SUM(amount), 2) AS s FROM purchases_master')).toEqual([
        { s: sum(good) },
      ]);
    });

    it('fails a short bill whole, naming the line, rather than storing it ×100 or loading a bill short of a line', async () => {
      const outcome = await ingest('short.pdf', billWithMisreadLine(3).pdf, 'purchases');
      expect(outcome).toMatchObject({ outcome: 'failed', code: 'ingest.bad_rows' });
      expect(outcome.reason).toContain('row 2: amount: "4000 for 2 × 21" is not qty × rate');
      expect(await h.count('purchases_master')).toBe(0);
    });
  });

  describe('a scanned PDF without Gemini', () => {
    it('says what offline OCR found when it finds no rows, keeping the promised reason first', async () => {
      const blank = path.join(h.dir, 'blank.png');
      await writeFile(blank, encodePng(600, 800, 3, new Uint8Array(600 * 800 * 3).fill(255)));
      const outcome = await ingest('blank-scan.pdf', scannedPngPdf(blank), 'expenses');
      expect(outcome).toMatchObject({ outcome: 'failed', code: 'ingest.unreadable' });
      expect(outcome.reason).toMatch(
        new RegExp(
          `^${SCANNED_PDF_REASON}: offline OCR found 0 lines of text on 1 scanned pages but no rows`,
        ),
      );
    }, 30_000);
  });
});

/** The invoice2data invoices: their expected JSON (issuer, amount, date, number, currency, lines). */
interface Expected {
  issuer: string;
  amount?: number;
  amount_untaxed?: number;
  date: string;
  invoice_number: string;
  currency?: string;
  currency_symbol?: string;
  lines?: { name?: string; price_unit?: number | string }[];
}

const INVOICES = corpus('invoices/invoice2data/tests/compare');
const expectedOf = (name: string): Expected =>
  JSON.parse(readFileSync(path.join(INVOICES, name.replace(/\.(pdf|png)$/, '.json')), 'utf8'))[0];
const SYMBOL: Record<string, string> = { $: 'USD', '€': 'EUR', '₹': 'INR' };
const currencyOf = (e: Expected): string | undefined =>
  e.currency ?? (e.currency_symbol ? SYMBOL[e.currency_symbol] : undefined);
/** The invoices whose English headers Titan maps without Gemini; the others are in Dutch, German or French. */
const ENGLISH = [
  'AmazonWebServices.pdf',
  'AzureInterior.pdf',
  'FlipkartInvoice.pdf',
  'SammyMaystoneLinesTest.pdf',
  'oyo.pdf',
];

describe('the invoice2data invoices', CORPUS, () => {
  let h: IngestHarness;
  beforeEach(async () => {
    h = await createIngestHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  async function ingest(file: string, content: Buffer): Promise<FileOutcome> {
    const at = path.join(h.dir, path.basename(file).replace(/\.png$/, '-scan.pdf'));
    await writeFile(at, content);
    const [outcome] = await h.ingest.ingestPaths([at], { category: 'purchases', scope: DEFAULT_SCOPE });
    return outcome!;
  }

  /** What a loaded invoice stored, checked against its JSON: currency, date, number, and its total or untaxed total. */
  async function expectStoredAsIn(expected: Expected) {
    const stored = await h.warehouse.query<Record<string, unknown>>(
      'SELECT date, invoice_no, currency, amount, vendor FROM purchases_master',
    );
    expect(stored.length).toBeGreaterThan(0);
    for (const row of stored) {
      expect(row.date).toBe(expected.date);
      expect(row.currency).toBe(currencyOf(expected));
      if (row.invoice_no !== null) expect(row.invoice_no).toBe(expected.invoice_number.replace(/^#/, ''));
      expect(String(row.vendor ?? '')).not.toMatch(/\bpage\b|\binvoice\b|\d+ of \d+/i);
    }
    const total = sum(stored.map((r) => Number(r.amount)));
    const printed = [expected.amount, expected.amount_untaxed].filter((a) => a !== undefined);
    if (printed.length > 0) expect(printed).toContain(total);
    return stored;
  }

  const pdfs = fromCorpus(() => readdirSync(INVOICES).filter((f) => f.endsWith('.pdf')), []);
  it.each(pdfs)(
    '%s loads with its own currency, date, number and total, or fails saying why',
    async (name) => {
      const expected = expectedOf(name);
      const outcome = await ingest(name, readFileSync(path.join(INVOICES, name)));
      if (ENGLISH.includes(name)) expect(outcome.outcome).toBe('loaded');
      if (outcome.outcome === 'failed') {
        expect(outcome.reason).toMatch(/column|table|GEMINI_API_KEY/);
        expect(await h.count('purchases_master')).toBe(0);
        return;
      }
      await expectStoredAsIn(expected);
    },
  );

  it('names the supplier printed atop the Amazon and Sammy Maystone invoices', async () => {
    for (const name of ['AmazonWebServices.pdf', 'SammyMaystoneLinesTest.pdf']) {
      await ingest(name, readFileSync(path.join(INVOICES, name)));
    }
    const vendors = await h.warehouse.query<{ vendor: string }>(
      'SELECT DISTINCT vendor FROM purchases_master ORDER BY vendor',
    );
    expect(vendors.map((v) => v.vendor)).toEqual(['Amazon Web Services', 'Sammy Maystone']);
  });

  it('reads a scan of the Amazon invoice offline: its four service lines in USD, not their summary or breakdowns', async () => {
    const name = 'AmazonWebServices.png';
    const expected = expectedOf(name);
    const outcome = await ingest(name, scannedPngPdf(path.join(INVOICES, name)));
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: expected.lines!.length });
    const stored = await expectStoredAsIn(expected);
    expect(stored.map((r) => Number(r.amount)).sort()).toEqual(
      expected.lines!.map((l) => Number(l.price_unit)).sort(),
    );
  }, 60_000);
});
