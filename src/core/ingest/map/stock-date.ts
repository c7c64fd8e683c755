// On a stock sheet the date is the day stock was counted: an expiry, manufacture or last-purchase date is never it.
import { TitanError } from '../../errors.ts';
import { normaliseHeader } from './header-words.ts';

/** Words that make a date column some other day than the count: when stock expires, was made or was bought. */
const OTHER_DAY_WORDS = new Set([
  'expiry',
  'expiring',
  'expires',
  'exp',
  'mfg',
  'mfd',
  'manufacturing',
  'manufactured',
  'packed',
  'packing',
  'purchase',
  'purchased',
  'bought',
  'received',
  'receipt',
  'grn',
  'invoice',
  'inv',
  'bill',
  'batch',
]);
const OTHER_DAY_PHRASES = ['best before', 'use by', 'used by', 'shelf life'];

/** True for a header naming a day other than the stock count ("Expiry Date", "Last Purchase Date", "Mfg Dt"). */
export function isOtherDay(header: string): boolean {
  const words = normaliseHeader(header);
  return (
    words.split(' ').some((w) => OTHER_DAY_WORDS.has(w)) || OTHER_DAY_PHRASES.some((p) => words.includes(p))
  );
}

/** Thrown for a stock sheet whose only dates are other days: loading them as the count date would misdate every row. */
export function noStockDate(headers: readonly string[]): TitanError {
  const others = headers.filter(isOtherDay).map((h) => `"${h}"`);
  return new TitanError(
    'ingest.unmapped',
    `Could not find the stock date for inventory: ${others.join(' and ')} ${others.length === 1 ? 'is' : 'are'} ` +
      'not the day the stock was counted, so Titan will not date the counts by ' +
      `${others.length === 1 ? 'it' : 'them'}. Add a "Stock Date" (or "As On") column with the day of the count ` +
      '(e.g. 30/11/2026) and re-upload.',
    { detail: { missing: ['date'], category: 'inventory', otherDates: others } },
  );
}
