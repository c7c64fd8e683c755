// What a Tally voucher type is (Sales, Purchase, Payment…, or an owner's own "POS Invoice") and which category loads it.
import type { Category } from '../../warehouse/tables.ts';

/** A kind of voucher: its name in Tally's words and the category whose folder loads it (null: none does). */
export interface VoucherKind {
  name: string;
  category: Category | null;
  /** Why no category loads it, for kinds with none. */
  why?: string;
}

/**
 * Checked in order, because owners name their own types after the built-in ones: "Sales Order" and "Sales Return"
 * are not sales, "Purchase Invoice" is no sales invoice, and "Tax Invoice" or "POS Invoice" is a sale.
 */
const KINDS: readonly { pattern: RegExp; kind: VoucherKind }[] = [
  {
    pattern: /credit\s*note|sales?\s*return/,
    kind: { name: 'Credit Note', category: null, why: 'sales returns, which Titan does not load yet' },
  },
  {
    pattern: /debit\s*note|purchase\s*return/,
    kind: { name: 'Debit Note', category: null, why: 'purchase returns, which Titan does not load yet' },
  },
  {
    pattern:
      /order|delivery\s*note|receipt\s*note|rejection|memorandum|stock\s*journal|physical\s*stock|manufactur/,
    kind: {
      name: 'Order or stock',
      category: null,
      why: 'orders and stock movements, not money spent or earned',
    },
  },
  { pattern: /purchase/, kind: { name: 'Purchase', category: 'purchases' } },
  { pattern: /sale|invoice|\bpos\b/, kind: { name: 'Sales', category: 'sales' } },
  { pattern: /payment/, kind: { name: 'Payment', category: 'expenses' } },
  {
    pattern: /receipt/,
    kind: { name: 'Receipt', category: null, why: 'money received against bills, not sales of their own' },
  },
  { pattern: /contra/, kind: { name: 'Contra', category: null, why: 'money moved between cash and bank' } },
  { pattern: /journal/, kind: { name: 'Journal', category: null, why: 'adjustments between ledgers' } },
];

/** The kind of a voucher type as written, or undefined for a type Titan cannot place. */
export function voucherKind(type: string): VoucherKind | undefined {
  const text = type.trim().toLowerCase();
  if (text === '') return undefined;
  return KINDS.find((k) => k.pattern.test(text))?.kind;
}
