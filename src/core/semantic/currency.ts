// Money figures add up rupees only: a row billed in another currency (a supplier's € invoice) is counted apart, never summed as ₹.
import type { QueryResult } from './query.ts';

/** The currency every money measure is in (MeasureUnit 'INR'). */
const RUPEES = 'INR';

/** A rupee row: 'INR', or NULL for rows stored before currencies were (all rupees) and rows POS syncs write. */
export const inRupees = (column: string): string => `(${column} IS NULL OR ${column} = '${RUPEES}')`;

/** A row in another currency. */
export const inOtherCurrency = (column: string): string =>
  `(${column} IS NOT NULL AND ${column} <> '${RUPEES}')`;

/**
 * The note an answer carries when its figures left rows out for their currency, e.g. "Not in these figures:
 * 3 purchases rows in EUR (Titan adds up rupees only; it does not convert currencies)."
 */
export function otherCurrencyNote(result: QueryResult): string | undefined {
  const left = result.otherCurrencies ?? [];
  if (left.length === 0) return undefined;
  const parts = left.map(
    (l) => `${l.rows.toLocaleString('en-IN')} ${l.table.replace(/_master$/, '')} rows in ${l.currency}`,
  );
  return `Not in these figures: ${parts.join(', ')} (Titan adds up rupees only; it does not convert currencies).`;
}
