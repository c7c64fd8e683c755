// Which Payment vouchers settle a supplier's bill rather than pay an expense: the party is billed in the same file's
// Purchase (or credited in its Journal) vouchers, its ledger group is Sundry Creditors, or its purchases are stored.
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

/**
 * Ledgers known to be owed, as ledgerKey writes them: billed in this file's Purchase vouchers, credited in its Journal
 * ones, or vendors of purchases the site already holds (only those this file's Payments pay).
 */
export interface Suppliers {
  billed: ReadonlySet<string>;
  owed: ReadonlySet<string>;
  stored: ReadonlySet<string>;
}

/** The reason names the supplier, so an owner sees whose payments were taken for settlements of stored purchases. */
const storedReason = (party: string): string =>
  `a Payment to ${party.trim().replace(/\s+/g, ' ')}, whose purchases are already loaded: a settlement, not an expense`;

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
  const party = cells[plan.party] ?? '';
  const ledger = ledgerKey(party);
  if (suppliers.billed.has(ledger)) return BILLED;
  if (suppliers.owed.has(ledger)) return OWED;
  return suppliers.stored.has(ledger) ? storedReason(party) : undefined;
}

/** A ledger credited on a day book's line (Credit Amount and no Debit Amount): the party a Journal books as owed. */
function credited(raw: readonly string[], plan: VoucherPlan): boolean {
  const { amounts } = plan;
  if (amounts.basis !== 'posted') return false;
  return isBlankish(raw[amounts.debit] ?? '') && !isBlankish(raw[amounts.credit] ?? '');
}

/**
 * Reads every row of a Tally export being loaded as expenses for the parties it names as owed: the party of each
 * Purchase voucher, and each ledger a Journal voucher credits; and keeps those of its Payments' parties whose purchases
 * are already stored. A Payment to one of them is then left out as a settlement, wherever in the file the purchase is
 * (an advance comes before its bill). Other loads are returned unchanged, and never ask for the stored suppliers.
 */
export async function withSuppliers<T extends { vouchers?: VoucherPlan }>(
  mapping: T,
  rows: () => AsyncIterable<readonly (readonly string[])[]>,
  storedSuppliers: () => Promise<ReadonlySet<string>>,
): Promise<T> {
  const plan = mapping.vouchers;
  if (plan?.category !== 'expenses' || plan.type === undefined) return mapping;
  const known = await storedSuppliers();
  const billed = new Set<string>();
  const owed = new Set<string>();
  const stored = new Set<string>();
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
      if (kind === 'Payment' && begins && known.has(ledger)) stored.add(ledger);
    }
  }
  if (billed.size === 0 && owed.size === 0 && stored.size === 0) return mapping;
  const suppliers: VoucherPlan['suppliers'] = { billed: [...billed], owed: [...owed], stored: [...stored] };
  return { ...mapping, vouchers: { ...plan, suppliers } };
}
