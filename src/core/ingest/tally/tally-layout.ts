// Recognises a Tally export (Sales or Purchase Register, Day Book) by its columns and the voucher types in its rows.

import { findNamedColumn } from '../map/site-column.ts';
import { isBlankish } from '../normalise/number.ts';
import { type VoucherKind, voucherKind } from './voucher-types.ts';

/** The columns of a Tally voucher export and what its rows hold. */
export interface TallyLayout {
  /** What Tally calls the report: "Sales Register", "Purchase Register", "Day Book". */
  report: string;
  date: number;
  /** The voucher's party (the customer on a sale, the supplier on a purchase) or the ledger of a payment. */
  particulars: number;
  voucherNo?: number;
  voucherType?: number;
  /** Where a voucher's amount is: Value (a register) or Debit Amount (a day book). */
  amount: number;
  /** Read when `amount` is blank: Gross Total beside Value, Credit Amount beside Debit Amount. */
  amountElse?: number;
  /** A day book's Debit and Credit Amount: a voucher's further lines are its ledgers, already in its first line. */
  debitCredit: boolean;
  /** The voucher kinds the sample's rows name, in first-seen order. */
  kinds: VoucherKind[];
}

/** Tally's own column names, normalised (see header-words.ts). */
const WORDS = {
  date: ['date', 'vch date', 'voucher date'],
  particulars: ['particulars'],
  voucherNo: ['voucher no', 'vch no', 'voucher number', 'vch number'],
  voucherType: ['voucher type', 'vch type'],
  value: ['value'],
  grossTotal: ['gross total'],
  debit: ['debit amount', 'debit', 'dr amount'],
  credit: ['credit amount', 'credit', 'cr amount'],
} as const;

/** Ledger columns of a register without a voucher type column say whose register it is ("Sales @ 18%", "Input CGST"). */
const SALES_LEDGER = /\bsales?\b|\boutput\b/i;
const PURCHASE_LEDGER = /\bpurchases?\b|\binput\b/i;

const NONE: ReadonlySet<number> = new Set();
const find = (headers: readonly string[], words: readonly string[]) => findNamedColumn(headers, words, NONE);

function kindsIn(sample: readonly (readonly string[])[], col: number | undefined): VoucherKind[] {
  if (col === undefined) return [];
  const kinds = new Map<string, VoucherKind>();
  for (const row of sample) {
    const cell = row[col] ?? '';
    const kind = isBlankish(cell) ? undefined : voucherKind(cell);
    if (kind && !kinds.has(kind.name)) kinds.set(kind.name, kind);
  }
  return [...kinds.values()];
}

/** A register without voucher types is the sales or purchase register its ledger columns name. */
function kindByLedgers(headers: readonly string[]): VoucherKind | undefined {
  const sales = headers.some((h) => SALES_LEDGER.test(h));
  const purchases = headers.some((h) => PURCHASE_LEDGER.test(h));
  if (sales === purchases) return undefined;
  return voucherKind(sales ? 'Sales' : 'Purchase');
}

/** The report a set of voucher kinds comes from: one kind is its register, several are a day book. */
function reportOf(kinds: readonly VoucherKind[]): string {
  return kinds.length === 1 ? `${kinds[0]!.name} Register` : 'Day Book';
}

/**
 * The Tally layout of a table, or undefined when it is not one: a Date, a Particulars, a Voucher No. or Voucher Type,
 * and Tally's amount columns (Value / Gross Total, or Debit / Credit Amount).
 */
export function recogniseTally(
  headers: readonly string[],
  sample: readonly (readonly string[])[],
): TallyLayout | undefined {
  const date = find(headers, WORDS.date);
  const particulars = find(headers, WORDS.particulars);
  const voucherNo = find(headers, WORDS.voucherNo);
  const voucherType = find(headers, WORDS.voucherType);
  if (date === undefined || particulars === undefined) return undefined;
  if (voucherNo === undefined && voucherType === undefined) return undefined;
  const value = find(headers, WORDS.value) ?? find(headers, WORDS.grossTotal);
  const gross = value === undefined ? undefined : find(headers, WORDS.grossTotal);
  const debit = find(headers, WORDS.debit) ?? find(headers, WORDS.credit);
  const credit = debit === undefined ? undefined : find(headers, WORDS.credit);
  const amount = value ?? debit;
  const amountElse = value === undefined ? credit : gross;
  if (amount === undefined) return undefined;

  let kinds = kindsIn(sample, voucherType);
  if (kinds.length === 0) {
    const byLedgers = kindByLedgers(headers);
    if (!byLedgers) return undefined;
    kinds = [byLedgers];
  }
  return {
    report: reportOf(kinds),
    date,
    particulars,
    ...(voucherNo === undefined ? {} : { voucherNo }),
    ...(voucherType === undefined ? {} : { voucherType }),
    amount,
    ...(amountElse === undefined || amountElse === amount ? {} : { amountElse }),
    debitCredit: value === undefined,
    kinds,
  };
}
