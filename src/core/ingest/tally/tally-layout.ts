// Recognises a Tally export (Sales or Purchase Register, Day Book) by its columns and the voucher types in its rows.
import { TitanError } from '../../errors.ts';
import { findNamedColumn } from '../map/site-column.ts';
import { isBlankish } from '../normalise/number.ts';
import { registerAmounts, type TallyAmounts } from './amount-basis.ts';
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
  /** Tally's ledger group column (Group, Under), when the export has one. */
  group?: number;
  /** Where a voucher's amount is, on one basis for the whole file. */
  amounts: TallyAmounts;
  /** Its rows may be vouchers of any type, each placed by its own type: a day book, or a sheet of mixed vouchers. */
  dayBook: boolean;
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
  group: ['group', 'ledger group', 'group name', 'under', 'parent group'],
  /** A running balance belongs to one ledger's or bank's statement, never to a day book. */
  balance: ['balance', 'closing balance', 'running balance'],
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

/** Refuses one ledger's statement (Tally's Ledger Vouchers): it looks like a day book but is one ledger's side of each voucher. */
function ledgerStatement(headers: readonly string[], balance: number): TitanError {
  return new TitanError(
    'ingest.unmapped',
    `This is one ledger's statement from Tally (Debit, Credit and a running "${headers[balance]}"): each amount is that ` +
      "ledger's side of a voucher, so it cannot be read as sales, purchases or expenses. Export the Day Book (or the " +
      'Sales, Purchase or Payment Register) instead and drop that in.',
    { detail: { layout: 'tally ledger statement' } },
  );
}

/**
 * A day book by its columns, whatever its first rows hold: Debit and Credit Amount and a voucher type on every voucher.
 * Throws for the same columns beside a running balance, which mark one ledger's statement.
 */
function dayBookAmounts(
  headers: readonly string[],
  voucherType: number | undefined,
): TallyAmounts | undefined {
  const debit = find(headers, WORDS.debit);
  const credit = find(headers, WORDS.credit);
  if (debit === undefined || credit === undefined || debit === credit || voucherType === undefined)
    return undefined;
  const balance = find(headers, WORDS.balance);
  if (balance !== undefined) throw ledgerStatement(headers, balance);
  return { basis: 'posted', debit, credit };
}

/**
 * The Tally layout of a table, or undefined when it is not one: a Date, a Particulars, a Voucher No. or Voucher Type,
 * and Tally's amount columns (Value / Gross Total for a register, Debit and Credit Amount for a day book). Throws
 * 'ingest.unmapped' for a ledger's statement, which has a day book's columns and a running balance.
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
  const value = find(headers, WORDS.value);
  const gross = find(headers, WORDS.grossTotal);
  const register = registerAmounts(headers, sample, { date, voucherNo, value, gross });
  const amounts = register ?? dayBookAmounts(headers, voucherType);
  if (amounts === undefined) return undefined;

  let kinds = kindsIn(sample, voucherType);
  if (kinds.length === 0 && register !== undefined) {
    const byLedgers = kindByLedgers(headers);
    if (!byLedgers) return undefined;
    kinds = [byLedgers];
  }
  // A day book's first rows may all be one type (a morning of sales): its columns decide, not its sample.
  const dayBook = amounts.basis === 'posted' || kinds.length > 1;
  const group = find(headers, WORDS.group);
  return {
    report: dayBook ? 'Day Book' : `${kinds[0]!.name} Register`,
    date,
    particulars,
    ...(voucherNo === undefined ? {} : { voucherNo }),
    ...(voucherType === undefined ? {} : { voucherType }),
    ...(group === undefined ? {} : { group }),
    amounts,
    dayBook,
    kinds,
  };
}
