// A bill's text read as a bill: header fields (not its page counter), till-receipt lines, and tax lines left out.
import { describe, expect, it } from 'vitest';
import { findDocumentFields } from '../../../../../src/core/ingest/parse/text/document-fields.ts';
import { findLineItems } from '../../../../../src/core/ingest/parse/text/line-items.ts';
import { groupLines, type TextLine } from '../../../../../src/core/ingest/parse/text/text-lines.ts';
import { findTables } from '../../../../../src/core/ingest/parse/text/text-tables.ts';

const HEIGHT = 10;
/** A line at row `at` (one line height apart) of cells placed at x, each as wide as its text in 6-unit glyphs. */
const line = (at: number, ...cells: [x: number, text: string][]): TextLine => ({
  y: at * HEIGHT * 1.5,
  height: HEIGHT,
  cells: cells.map(([x, text]) => ({
    text,
    x,
    y: at * HEIGHT * 1.5,
    width: text.length * 6,
    height: HEIGHT,
  })),
});
/** One-cell lines from the left margin, one per row. */
const lines = (...texts: string[]): TextLine[] => texts.map((t, i) => line(i, [40, t]));

describe('the header of a bill', () => {
  it('gives the supplier, number and date, never the page counter', () => {
    const page = (n: number) => [
      line(0, [40, 'Lisboa Coffee Supply'], [400, `Page ${n} of 13`]),
      line(1, [40, 'Invoice No: Page 2 of 13']),
      line(2, [40, 'Invoice No: INV-2291']),
      line(3, [40, 'Invoice Date: 12/03/2026']),
    ];
    expect(findDocumentFields([page(1), page(2)])).toEqual({
      supplier: 'Lisboa Coffee Supply',
      number: 'INV-2291',
      date: '12/03/2026',
    });
  });

  it('takes the labelled invoice date over an earlier due date or service period', () => {
    const fields = findDocumentFields([
      lines('Due Date: 04/04/2023', 'Service 01.05.14-31.05.14', 'Invoice Date: 20/03/2023'),
    ]);
    expect(fields.date).toBe('20/03/2023');
  });

  it('takes no date rather than another one when the invoice date is printed in a way Titan cannot read', () => {
    expect(
      findDocumentFields([lines('Invoice date: 7. Mai 2014', 'Zahlungsziel 21.05.14')]).date,
    ).toBeUndefined();
  });

  it('without a labelled date, takes the first the first page prints, not a period', () => {
    expect(
      findDocumentFields([lines('Billing period 01/07/2015 to 31/07/2015', 'Paid on 02/07/2015')]).date,
    ).toBe('02/07/2015');
  });

  it('names the supplier labelled "Sold By", else the name above a title, never a title, a sentence or the customer', () => {
    expect(
      findDocumentFields([lines('Retail Invoice', 'Sold By : WS Retail Services Pvt. Ltd.,')]).supplier,
    ).toBe('WS Retail Services Pvt. Ltd.');
    expect(findDocumentFields([lines('Tax Invoice', 'CAFE MOCHA', '12, MG Road')]).supplier).toBe(
      'CAFE MOCHA',
    );
    expect(findDocumentFields([lines('Amazon Web Services Invoice')]).supplier).toBe('Amazon Web Services');
    expect(findDocumentFields([lines('PAYMENT RECEIPT', 'Guest Name: Sanjay')]).supplier).toBeUndefined();
    expect(findDocumentFields([lines('Thank you for shopping with us.')]).supplier).toBeUndefined();
  });

  it('gives the currency the bill prints', () => {
    expect(findDocumentFields([lines('Total €1,404.74')]).currency).toBe('EUR');
    expect(findDocumentFields([lines('GSTIN: 29ABCDE1234F1Z5')]).currency).toBe('INR');
  });
});

describe('a till receipt’s lines', () => {
  it('keep the item, its qty and its rate apart from its amount', () => {
    expect(findLineItems(lines('Tea 2 20.00 40.00', 'Veg Maggi 1 60.00 60.00', 'Milk 1L 54.00'))).toEqual({
      headers: ['Item', 'Qty', 'Rate', 'Amount'],
      rows: [
        ['Tea', '2', '20.00', '40.00'],
        ['Veg Maggi', '1', '60.00', '60.00'],
        ['Milk 1L', '', '', '54.00'],
      ],
    });
  });

  it('leave out tax, total and payment lines, but not an item that adds up whatever it is called', () => {
    const table = findLineItems(
      lines(
        'Grand Thali 1 150.00 150.00',
        'Sub Total 150.00',
        'CGST 2.5% 3.75',
        'SGST 2.5% 3.75',
        'Total 3 150.00 157.50',
        'Cash 157.50',
      ),
    );
    expect(table?.rows).toEqual([['Grand Thali', '1', '150.00', '150.00']]);
  });

  it('read amounts of a thousand rupees and more, with or without separators, in lakhs too', () => {
    expect(findLineItems(lines('Tray 1500.00', 'Oven 12,500.00', 'Party order 1,25,000.00'))?.rows).toEqual([
      ['Tray', '1500.00'],
      ['Oven', '12,500.00'],
      ['Party order', '1,25,000.00'],
    ]);
  });

  it('keep a misread line as qty, rate and amount, so the load can check it', () => {
    expect(findLineItems(lines('Tea 2 20.00 4000.00'))?.rows).toEqual([['Tea', '2', '20.00', '4000.00']]);
  });

  it('leave out a line’s breakdown indented under it, and a summary that repeats the detail', () => {
    const bill = [
      line(0, [50, 'AWS Service Charges'], [400, '$4.11']),
      line(1, [60, 'Charges'], [400, '$4.11']),
      line(2, [60, 'Credits'], [400, '$0.00']),
      line(3, [50, 'AWS Data Transfer'], [400, '$0.01']),
      line(4, [60, 'Charges'], [400, '$0.01']),
      line(5, [50, 'Amazon Glacier'], [400, '$2.22']),
      line(6, [60, 'Charges'], [400, '$2.22']),
      line(7, [50, 'Amazon Elastic Compute Cloud'], [400, '$1.88']),
      line(8, [60, 'Charges'], [400, '$1.88']),
    ];
    expect(findLineItems(bill)?.rows.map((r) => r[0])).toEqual([
      'AWS Data Transfer',
      'Amazon Glacier',
      'Amazon Elastic Compute Cloud',
    ]);
  });

  it('keep two lines of the same amount, one under the other', () => {
    expect(findLineItems(lines('Tea 40.00', 'Coffee 40.00'))?.rows).toEqual([
      ['Tea', '40.00'],
      ['Coffee', '40.00'],
    ]);
  });
});

describe('a bill’s table', () => {
  it('leaves out tax lines written under the item column', () => {
    const columns = [40, 250, 330, 430];
    const row = (at: number, ...texts: string[]) =>
      line(at, ...texts.flatMap((t, i): [number, string][] => (t === '' ? [] : [[columns[i]!, t]])));
    const [table] = findTables([
      row(0, 'Item', 'Qty', 'Rate', 'Amount'),
      row(1, 'Tea', '2', '20.00', '40.00'),
      row(2, 'CGST', '2.5%', '', '1.00'),
      row(3, 'SGST 2.5%', '', '', '1.00'),
      row(4, 'Total', '', '', '42.00'),
    ]);
    expect(table?.rows).toEqual([['Tea', '2', '20.00', '40.00']]);
  });
});

describe('a monospaced receipt’s words', () => {
  it('stay in one cell a space apart, and split into columns two spaces apart', () => {
    // Courier 9: each glyph 5.4 wide; "Veg Maggi" then the qty two spaces on.
    const word = (text: string, at: number) => ({
      text,
      x: 40 + at * 5.4,
      y: 0,
      width: text.length * 5.4,
      height: 9,
    });
    const [receiptLine] = groupLines([word('Veg', 0), word('Maggi', 4), word('1', 11), word('60.00', 14)]);
    expect(receiptLine!.cells.map((c) => c.text)).toEqual(['Veg Maggi', '1', '60.00']);
  });
});
