// Which currency a bill is in, from what it prints; and the "Currency" column a bill's rows carry.
import { describe, expect, it } from 'vitest';
import {
  currencyCode,
  documentCurrency,
  withCurrencyColumn,
} from '../../../../../src/core/ingest/parse/text/currency.ts';
import type { TextLine } from '../../../../../src/core/ingest/parse/text/text-lines.ts';

/** One-cell lines, as a page's text would give them. */
const page = (...texts: string[]): TextLine[] =>
  texts.map((text, i) => ({
    y: i * 12,
    height: 10,
    cells: [{ text, x: 0, y: i * 12, width: 100, height: 10 }],
  }));

describe('the currency a bill prints', () => {
  it('is the one it labels, whatever signs it prints', () => {
    expect(documentCurrency(page('Total $ 12.00', 'Currency: EUR'))).toBe('EUR');
    expect(documentCurrency(page('Currency  €', 'Total 4.00'))).toBe('EUR');
  });

  it('is the sign it prints most, touching a number or standing alone', () => {
    expect(documentCurrency(page('€1,404.74', '1.404,74 €', 'Shipping $0.00'))).toBe('EUR');
    expect(documentCurrency(page('Room Charges Rs 1939', 'Grand Total Rs.1939'))).toBe('INR');
    expect(documentCurrency(page('All charges and prices are in US Dollars'))).toBe('USD');
    expect(documentCurrency(page('Total ₹ 262.50'))).toBe('INR');
  });

  it('is rupees on a bill with a GSTIN and no sign, and none on a bill that prints no currency', () => {
    expect(documentCurrency(page('GSTIN: 29ABCDE1234F1Z5', 'Tea 2 20.00 40.00'))).toBe('INR');
    expect(documentCurrency(page('Tea 2 20.00 40.00', 'Total 40.00'))).toBeUndefined();
  });

  it('is never read inside a word: Mrs, Euroline and RSC name no currency', () => {
    expect(documentCurrency(page('Mrs Rao', 'Euroline Traders', 'RSC Paris'))).toBeUndefined();
  });
});

describe('a currency cell', () => {
  it('names an ISO code by symbol, word or code', () => {
    expect(['₹', 'Rs.', 'inr', 'Rupees', '€', 'eur', 'USD', '$', '£', 'zł', 'AED'].map(currencyCode)).toEqual(
      ['INR', 'INR', 'INR', 'INR', 'EUR', 'EUR', 'USD', 'USD', 'GBP', 'PLN', 'AED'],
    );
  });

  it('names none when blank or unknown', () => {
    expect(currencyCode('')).toBeNull();
    expect(currencyCode('doubloons')).toBeNull();
  });
});

describe('the Currency column', () => {
  it('is mapped onto currency when the mapper left it out', () => {
    expect(withCurrencyColumn({ date: 0, amount: 1 }, ['Date', 'Amount', 'Currency'])).toEqual({
      date: 0,
      amount: 1,
      currency: 2,
    });
  });

  it('leaves a mapping alone that has a currency, uses the column, or has none to map', () => {
    const mapped = { date: 0, currency: 1 };
    expect(withCurrencyColumn(mapped, ['Date', 'Curr', 'Currency'])).toBe(mapped);
    const used = { date: 0, item: 1 };
    expect(withCurrencyColumn(used, ['Date', 'Currency'])).toBe(used);
    const none = { date: 0 };
    expect(withCurrencyColumn(none, ['Date', 'Amount'])).toBe(none);
  });
});
