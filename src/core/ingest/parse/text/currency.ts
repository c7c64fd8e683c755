// Which currency a bill is in: ISO 4217 codes from the symbols, words and codes printed on it (₹, Rs, €, $, EUR…).
import type { ColumnMapping } from '../../port.ts';
import { lineText, type TextLine } from './text-lines.ts';

/** What rows are stored in when a file names no currency: Titan's owners are in India. */
export const HOME_CURRENCY = 'INR';

/** The header of the column a bill's currency is carried in (text-document.ts), and a file's own currency column. */
export const CURRENCY_HEADER = 'Currency';

/** Symbols and words that name a currency, as printed (lower case); codes stand for themselves. */
const SIGNS: Record<string, string> = {
  '₹': 'INR',
  rs: 'INR',
  'rs.': 'INR',
  inr: 'INR',
  rupee: 'INR',
  rupees: 'INR',
  '€': 'EUR',
  eur: 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  $: 'USD',
  us$: 'USD',
  'us dollars': 'USD',
  usd: 'USD',
  '£': 'GBP',
  gbp: 'GBP',
  zł: 'PLN',
  '¥': 'JPY',
  ...Object.fromEntries(
    [
      'AED',
      'AUD',
      'BDT',
      'CAD',
      'CHF',
      'CNY',
      'HKD',
      'JPY',
      'LKR',
      'MYR',
      'NPR',
      'NZD',
      'PLN',
      'QAR',
      'SAR',
      'SGD',
      'THB',
      'ZAR',
    ].map((c) => [c.toLowerCase(), c]),
  ),
};

/** A sign standing alone or touching a number ("€1,404.74", "1.404,74 €", "EUR 12", "Rs.150"), never inside a word. */
const SIGN_IN_TEXT = new RegExp(
  String.raw`(?:^|[^\p{L}])(${Object.keys(SIGNS)
    .sort((a, b) => b.length - a.length)
    .map((s) => s.replace(/[.$]/g, '\\$&'))
    .join('|')})(?=$|[^\p{L}])`,
  'giu',
);
/** "Currency: EUR", "Currency  €": a bill that says what it is in outranks counting its signs. */
const CURRENCY_LABEL = /\bcurrency\b\s*[:-]?\s*(\S+)/i;
/** India's GST number: a bill carrying one is in rupees unless it prints another currency. */
const GSTIN = /\bgstin\b/i;

/** The ISO code a cell names ("€", "eur", "Rs.", "USD"), or null when it names none Titan knows. */
export function currencyCode(text: string): string | null {
  const word = text.trim().toLowerCase();
  return word === '' ? null : (SIGNS[word] ?? null);
}

/** The currency a bill's text is in: its labelled currency, else the sign it prints most; undefined when it prints none. */
export function documentCurrency(lines: readonly TextLine[]): string | undefined {
  return textCurrency(lines.map(lineText));
}

/** The same, over a bill's texts in any shape (a page's lines, the cells vision read off a scan). */
export function textCurrency(texts: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  let gstin = false;
  for (const text of texts) {
    const labelled = CURRENCY_LABEL.exec(text);
    const named = labelled ? currencyCode(labelled[1]!.replace(/[^\p{L}€$£₹¥.]/gu, '')) : null;
    if (named) return named;
    gstin ||= GSTIN.test(text);
    for (const m of text.matchAll(SIGN_IN_TEXT)) {
      const code = SIGNS[m[1]!.toLowerCase()]!;
      counts.set(code, (counts.get(code) ?? 0) + 1);
    }
  }
  const [top] = [...counts].sort((a, b) => b[1] - a[1]);
  return top?.[0] ?? (gstin ? HOME_CURRENCY : undefined);
}

/** The column of a table headed "Currency" (a bill's, or a file's own), or undefined. */
function currencyColumn(headers: readonly string[]): number | undefined {
  const at = headers.findIndex((h) => h.trim().toLowerCase() === CURRENCY_HEADER.toLowerCase());
  return at < 0 ? undefined : at;
}

/**
 * The mapping with a "Currency" column mapped onto `currency` when the mapper left it unmapped: the column a
 * bill's header fills (text-document.ts), or a file's own. Unmapped, every row would be stored as rupees.
 */
export function withCurrencyColumn(mapping: ColumnMapping, headers: readonly string[]): ColumnMapping {
  const at = currencyColumn(headers);
  if (mapping.currency !== undefined || at === undefined || Object.values(mapping).includes(at))
    return mapping;
  return { ...mapping, currency: at };
}
