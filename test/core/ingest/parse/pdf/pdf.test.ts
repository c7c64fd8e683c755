import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { mapBestTable } from '../../../../../src/core/ingest/map/map-table.ts';
import { parseFile } from '../../../../../src/core/ingest/parse/parse-file.ts';
import { SCANNED_PDF_REASON } from '../../../../../src/core/ingest/parse/pdf/pdf.ts';
import { withCurrencyColumn } from '../../../../../src/core/ingest/parse/text/currency.ts';
import type { VisionTableExtractor } from '../../../../../src/core/ingest/port.ts';
import type { Category } from '../../../../../src/core/warehouse/tables.ts';
import { CORPUS, corpus, fromCorpus } from '../../../../helpers/corpora.ts';
import { createNamedNormaliser } from '../../named-rows.ts';
import { allRows, incoming, scannedPdf, tempDir } from '../fixtures.ts';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const invoices = corpus('invoices/invoice2data/tests/compare');
const invoice = (name: string) => incoming(`${invoices}/${name}`);

/** Parse, pick the table that fits, map by heuristics and normalise: what ingest does with a PDF bill. */
async function canonicalRows(name: string, category: Category) {
  const tables = await parseFile(invoice(name), { category });
  const { table, mapping } = await mapBestTable({ tables, category });
  const convert = createNamedNormaliser(
    { ...mapping, mapping: withCurrencyColumn(mapping.mapping, table.headers) },
    category,
  );
  return (await allRows(table)).map(convert);
}

describe('parsePdf on text-layer invoices', CORPUS, () => {
  it('rebuilds the Flipkart (INR) invoice’s item row and dates it from the header', async () => {
    const [table] = await parseFile(invoice('FlipkartInvoice.pdf'), { category: 'purchases' });
    expect(table!.headers).toEqual([
      'Product',
      'Title',
      'Qty',
      'Price',
      'Tax(%)',
      'Tax',
      'Total',
      'Bill Date',
      'Bill No',
      'Supplier',
      'Currency',
    ]);
    const [row] = await allRows(table!);
    expect(row!.slice(2, 8)).toEqual(['1', '278.61', '14.50% CST', '40.39', '319.00', '20-10-2015']);
    expect(row![1]).toContain('SanDisk Ultra 16 GB MicroSDHC Class 10 48 MB/s Memory Card');
    expect(row!.slice(8)).toEqual(['BLR_WFLD20151000982590', 'WS Retail Services Pvt. Ltd.', 'INR']);
  });

  it('turns the Flipkart invoice into a purchase: ₹319 on 20 Oct 2015', async () => {
    expect(await canonicalRows('FlipkartInvoice.pdf', 'purchases')).toMatchObject([
      {
        ok: true,
        row: {
          date: '2015-10-20',
          qty: 1,
          unit_cost: 278.61,
          amount: 319,
          invoice_no: 'BLR_WFLD20151000982590',
        },
      },
    ]);
  });

  it('picks the charges table of the OYO (INR) receipt over its booking details', async () => {
    expect(await canonicalRows('oyo.pdf', 'expenses')).toEqual([
      {
        ok: true,
        row: {
          date: '2017-12-31',
          description: 'Room Charges',
          category: null,
          vendor: null,
          amount: 1939,
          payment_mode: null,
          currency: 'INR',
        },
      },
    ]);
  });

  it('joins wrapped descriptions to their row and reads units inside quantities', async () => {
    const rows = await canonicalRows('AzureInterior.pdf', 'purchases');
    expect(rows).toHaveLength(4);
    expect(rows).toMatchObject([
      {
        ok: true,
        row: {
          date: '2023-03-20',
          item: '[17589684] Beeswax XL Acme beeswax',
          qty: 1,
          unit: 'kg',
          amount: 42,
        },
      },
      { ok: true, row: { item: '[FURN_7777] Office Chair', unit: 'pcs', amount: 70 } },
      { ok: true, row: { qty: 1, unit: 'l', amount: 0.9 } },
      { ok: true, row: { item: '[LUX_TRF] Luxury Truffles', qty: 0.015, unit: 'kg', amount: 150 } },
    ]);
  });

  it('keeps an item’s notes lines with the item', async () => {
    const [table] = await parseFile(invoice('SammyMaystoneLinesTest.pdf'), { category: 'purchases' });
    const rows = await allRows(table!);
    expect(rows.map((r) => r.slice(1, 4))).toEqual([
      ['12', '$10.00', '$120.00'],
      ['5', '$1.50', '$7.50'],
    ]);
    expect(rows[1]![0]).toContain('Parts: 2 x shop supplies');
  });

  const pdfs = fromCorpus(() => readdirSync(invoices).filter((f) => f.endsWith('.pdf')), []);
  it.each(pdfs)('reads %s without error', async (name) => {
    const tables = await parseFile(invoice(name), { category: 'purchases' });
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) expect((await allRows(table)).length).toBeGreaterThan(0);
  });
});

describe('parsePdf on a scanned PDF', CORPUS, () => {
  const scan = () =>
    incoming(
      tmp.file(
        'scan.pdf',
        scannedPdf(corpus('receipts/softmatic_german_receipts/lidl_02032020_02_00716.jpg')),
      ),
    );

  it('refuses it with the exact reason when neither vision nor offline OCR is on', async () => {
    await expect(parseFile(scan(), { category: 'expenses', ocr: false })).rejects.toMatchObject({
      code: 'ingest.unreadable',
      message: SCANNED_PDF_REASON,
    });
    expect(SCANNED_PDF_REASON).toBe('scanned PDF: set GEMINI_API_KEY to read it');
  });

  it('sends each page’s picture to vision as a PNG', async () => {
    const calls: Parameters<VisionTableExtractor>[0][] = [];
    const vision: VisionTableExtractor = async (input) => {
      calls.push(input);
      return { headers: ['Date', 'Item', 'Amount'], rows: [['02.03.2020', 'Milch', '1,09']] };
    };
    const [table] = await parseFile(scan(), { category: 'expenses', vision });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ category: 'expenses', mimeType: 'image/png' });
    expect(Buffer.from(calls[0]!.bytes.subarray(0, 4)).toString('latin1')).toBe('\x89PNG');
    expect(await allRows(table!)).toEqual([['02.03.2020', 'Milch', '1,09']]);
  });
});

describe('parsePdf on a scanned bill in euros', CORPUS, () => {
  it('carries the currency the cells vision read print', async () => {
    const file = incoming(
      tmp.file(
        'scan-eur.pdf',
        scannedPdf(corpus('receipts/softmatic_german_receipts/lidl_02032020_02_00716.jpg')),
      ),
    );
    const vision: VisionTableExtractor = async () => ({
      headers: ['Date', 'Item', 'Amount'],
      rows: [
        ['02.03.2020', 'Milch', '€ 1,09'],
        ['02.03.2020', 'Brot', '€ 2,49'],
      ],
    });
    const [table] = await parseFile(file, { category: 'expenses', vision });
    expect(table!.headers).toEqual(['Date', 'Item', 'Amount', 'Currency']);
    expect((await allRows(table!)).map((r) => r[3])).toEqual(['EUR', 'EUR']);
  });
});

describe('parsePdf on a damaged PDF', CORPUS, () => {
  it('says it is damaged', async () => {
    const bytes = readFileSync(`${invoices}/oyo.pdf`);
    const file = incoming(tmp.file('cut.pdf', bytes.subarray(0, 600)));
    await expect(parseFile(file, { category: 'expenses' })).rejects.toMatchObject({
      code: 'ingest.unreadable',
      message: expect.stringMatching(/damaged|No table/),
    });
  });
});
