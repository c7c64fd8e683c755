// POS bill statuses folded onto the three the analyst understands: completed, void, complimentary.

export type SaleStatus = 'completed' | 'void' | 'complimentary';

const STATUS: Record<string, SaleStatus> = {};
const define = (status: SaleStatus, words: string[]): void => {
  for (const w of words) STATUS[w] = status;
};
define('completed', [
  'settled',
  'success',
  'accepted',
  'saved',
  'part paid',
  'partially paid',
  'successful',
  'printed',
  'completed',
  'complete',
  'paid',
  'closed',
  'billed',
  'delivered',
  'done',
  'ok',
]);
define('void', [
  'cancelled',
  'canceled',
  'cancel',
  'void',
  'voided',
  'deleted',
  'refunded',
  'rejected',
  'failed',
]);
define('complimentary', [
  'complimentary',
  'complementary',
  'compliment',
  'comp',
  'nc',
  'n c',
  'no charge',
  'non chargeable',
  'free',
]);

/**
 * The canonical status of a POS status word, or null when it is not one we know (the normaliser keeps
 * such a word as written, which the semantic layer counts as a sale, and the report names it).
 */
export function normaliseStatus(raw: string): SaleStatus | null {
  const key = raw
    .trim()
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
  return STATUS[key] ?? null;
}
