// Which Payment vouchers settle a supplier's bill rather than pay an expense, by Tally's own evidence: the party
// is billed in the same file's Purchase (or credited in its Journal) vouchers, or its ledger group is Sundry Creditors.
import { isBlankish } from '../normalise/number.ts';
import { beginsVoucher, ledgerKey } from './voucher-lines.ts';
import type { VoucherPlan } from './voucher-plan.ts';
import { voucherKind } from './voucher-types.ts';

/** Tally's group of a ledger: the party's "Under". */
const CREDITORS = /\bsundry\s*creditors?\b|\bcreditors?\b|\bsuppliers?\b/i;
const EXPENSES = /\bexpenses?\b/i;

const BILLED =
  "a Payment to a supplier this file's Purchase vouchers bill: it settles a bill already counted as a purchase, so it is not stored as an expense";
const OWED =
  "a Payment to a party this file's Journal vouchers book as owed: it settles that bill, so it is not stored as an expense (load the bill itself as a purchase or an expense)";
const BY_GROUP =
  'a Payment to a ledger under Sundry Creditors (a supplier): it settles a bill, not an expense, so it is not stored as one';

/** Ledgers this file names as owed, as ledgerKey writes them: billed in Purchase vouchers, credited in Journal ones. */
export interface Suppliers {
  billed: ReadonlySet<string>;
  owed: ReadonlySet<string>;
}

/** Why a Payment voucher (its first line's cells) is left out of expenses as a settlement, or undefined when it is an expense. */
export function settlementReason(
  plan: VoucherPlan,
  suppliers: Suppliers,
  cells: readonly string[],
): string | undefined {
  const group = plan.group === undefined ? '' : (cells[plan.group] ?? '');
  if (CREDITORS.test(group)) return BY_GROUP;
  // The ledger's own group says expense: that outweighs its name turning up among the parties.
  if (EXPENSES.test(group)) return undefined;
  const ledger = ledgerKey(cells[plan.party] ?? '');
  if (suppliers.billed.has(ledger)) return BILLED;
  return suppliers.owed.has(ledger) ? OWED : undefined;
}

/** A ledger credited on a day book's line (Credit Amount and no Debit Amount): the party a Journal books as owed. */
function credited(raw: readonly string[], plan: VoucherPlan): boolean {
  const { amounts } = plan;
  if (amounts.basis !== 'posted') return false;
  return isBlankish(raw[amounts.debit] ?? '') && !isBlankish(raw[amounts.credit] ?? '');
}

/**
 * Reads every row of a Tally export being loaded as expenses for the parties it names as owed: the party of each
 * Purchase voucher, and each ledger a Journal voucher credits. A Payment to one of them is then left out as a settlement,
 * wherever in the file the purchase is (an advance comes before its bill). Other loads are returned unchanged.
 */
export async function withSuppliers<T extends { vouchers?: VoucherPlan }>(
  mapping: T,
  rows: () => AsyncIterable<readonly (readonly string[])[]>,
): Promise<T> {
  const plan = mapping.vouchers;
  if (plan?.category !== 'expenses' || plan.type === undefined) return mapping;
  const billed = new Set<string>();
  const owed = new Set<string>();
  let kind: string | undefined;
  let first = true;
  for await (const batch of rows()) {
    for (const raw of batch) {
      const begins = first || beginsVoucher(raw, plan.date, plan.number);
      if (begins) kind = voucherKind(raw[plan.type] ?? '')?.name;
      first = false;
      const ledger = ledgerKey(raw[plan.party] ?? '');
      if (ledger === '') continue;
      if (kind === 'Purchase' && begins) billed.add(ledger);
      if (kind === 'Journal' && credited(raw, plan)) owed.add(ledger);
    }
  }
  if (billed.size === 0 && owed.size === 0) return mapping;
  return { ...mapping, vouchers: { ...plan, suppliers: { billed: [...billed], owed: [...owed] } } };
}
