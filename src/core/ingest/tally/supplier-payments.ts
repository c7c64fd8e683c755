// Which Payment vouchers settle a supplier's bill rather than pay an expense, by Tally's own evidence: the party
// is billed in the same file's Purchase (or credited in its Journal) vouchers, or its ledger group is Sundry Creditors.
import { isBlankish } from '../normalise/number.ts';
import { beginsVoucher, ledgerKey } from './voucher-lines.ts';
import type { VoucherPlan } from './voucher-rows.ts';
import { voucherKind } from './voucher-types.ts';

/** Tally's group of a ledger: the party's "Under". */
const CREDITORS = /\bsundry\s*creditors?\b|\bcreditors?\b|\bsuppliers?\b/i;
const EXPENSES = /\bexpenses?\b/i;

const BY_PARTY =
  "a Payment to a supplier this file's Purchase or Journal vouchers name: it settles a bill already counted as a purchase, so it is not stored as an expense";
const BY_GROUP =
  'a Payment to a ledger under Sundry Creditors (a supplier): it settles a bill, not an expense, so it is not stored as one';

/** Why a Payment voucher (its first line's cells) is left out of expenses as a settlement, or undefined when it is an expense. */
export function settlementReason(
  plan: VoucherPlan,
  suppliers: ReadonlySet<string>,
  cells: readonly string[],
) {
  const group = plan.group === undefined ? '' : (cells[plan.group] ?? '');
  if (CREDITORS.test(group)) return BY_GROUP;
  // The ledger's own group says expense: that outweighs its name turning up among the parties.
  if (EXPENSES.test(group)) return undefined;
  return suppliers.has(ledgerKey(cells[plan.party] ?? '')) ? BY_PARTY : undefined;
}

/** A ledger credited on a day book's line (Credit Amount and no Debit Amount): the party a Journal books as owed. */
function credited(raw: readonly string[], plan: VoucherPlan): boolean {
  const { amounts } = plan;
  if (amounts.basis !== 'posted') return false;
  return isBlankish(raw[amounts.debit] ?? '') && !isBlankish(raw[amounts.credit] ?? '');
}

/**
 * Reads every row of a Tally export being loaded as expenses for the suppliers it names: the party of each Purchase
 * voucher, and each ledger a Journal voucher credits. A Payment to one of them is then left out as a settlement,
 * wherever in the file the purchase is (an advance comes before its bill). Other loads are returned unchanged.
 */
export async function withSuppliers<T extends { vouchers?: VoucherPlan }>(
  mapping: T,
  rows: () => AsyncIterable<readonly (readonly string[])[]>,
): Promise<T> {
  const plan = mapping.vouchers;
  if (plan?.category !== 'expenses' || plan.type === undefined) return mapping;
  const suppliers = new Set<string>();
  let kind: string | undefined;
  let first = true;
  for await (const batch of rows()) {
    for (const raw of batch) {
      const begins = first || beginsVoucher(raw, plan.date, plan.number);
      if (begins) kind = voucherKind(raw[plan.type] ?? '')?.name;
      first = false;
      const ledger = ledgerKey(raw[plan.party] ?? '');
      if (ledger === '') continue;
      if ((kind === 'Purchase' && begins) || (kind === 'Journal' && credited(raw, plan)))
        suppliers.add(ledger);
    }
  }
  return suppliers.size === 0 ? mapping : { ...mapping, vouchers: { ...plan, suppliers: [...suppliers] } };
}
