// Reads a Tally export's rows as vouchers: a voucher's further lines take its date and number, and rows of another category are left out.
import type { Category } from '../../warehouse/tables.ts';
import { leftOut } from '../load/bad-rows.ts';
import { isBlankish } from '../normalise/number.ts';
import { voucherKind } from './voucher-types.ts';

/** How to read one Tally file's rows (plain data: it travels to the row worker). */
export interface VoucherPlan {
  /** What Tally calls the report, for reasons: "Day Book". */
  report: string;
  /** The category being loaded: vouchers of other kinds are left out. */
  category: Category;
  date: number;
  number?: number;
  type?: number;
  party: number;
  amount: number;
  /** Read when a voucher's first line has no `amount` (Gross Total beside Value, Credit beside Debit Amount). */
  amountElse?: number;
  /**
   * What a voucher's further lines are: more of it, each with its own Value (a register), or the ledgers its first
   * line already totals (a day book's Debit and Credit Amount lines).
   */
  lines: 'more' | 'ledgers';
  /** A type Titan cannot place is kept in a register (it lists one kind) and left out of a day book. */
  unknownTypes: 'keep' | 'leave';
}

/** A row read: the cells to normalise (filled in from its voucher), or why it is left out. */
export type VoucherRow = { cells: readonly string[] } | { leftOut: string };

interface Voucher {
  cells: readonly string[];
  /** Its first line's amount came from amountElse: the whole voucher's total, so further lines add nothing. */
  tookTotal: boolean;
}

/** Builds the reader for one file; call it per row, in the file's order (a further line needs its voucher). */
export function createVoucherReader(plan: VoucherPlan): (raw: readonly string[]) => VoucherRow {
  const carried = [plan.date, plan.number, plan.type, plan.party].filter((c) => c !== undefined);
  const blank = (raw: readonly string[], col: number | undefined) =>
    col === undefined || isBlankish(raw[col] ?? '');
  let voucher: Voucher | undefined;

  /** Why a voucher of this type does not belong in the category, or undefined when it does. */
  function typeReason(type: string): string | undefined {
    const kind = voucherKind(type);
    if (kind === undefined) {
      return plan.unknownTypes === 'keep'
        ? undefined
        : `voucher type: "${type.trim()}" is not one Titan can place in sales, purchases or expenses`;
    }
    if (kind.category === plan.category) return undefined;
    return kind.category === null
      ? `${kind.name} vouchers are ${kind.why}`
      : `${kind.name} vouchers are ${kind.category}, not ${plan.category}: load this ${plan.report} in the ${kind.category} folder for them`;
  }

  /** A further line's cells, filled in from its voucher, or why it is left out. */
  function further(raw: readonly string[], of: Voucher): VoucherRow {
    if (plan.lines === 'ledgers')
      return { leftOut: "a ledger line of a voucher, already in its first line's amount" };
    if (of.tookTotal)
      return { leftOut: 'a further line of a voucher whose Gross Total was taken, so not counted again' };
    if (blank(raw, plan.amount))
      return { leftOut: 'a further line of a voucher with no Value (a narration)' };
    const cells = [...raw];
    for (const col of carried) cells[col] = of.cells[col] ?? '';
    return { cells };
  }

  function start(raw: readonly string[]): Voucher {
    const tookTotal = blank(raw, plan.amount) && !blank(raw, plan.amountElse);
    const cells = [...raw];
    if (tookTotal) cells[plan.amount] = raw[plan.amountElse!] ?? '';
    return { cells, tookTotal };
  }

  return (raw) => {
    // Tally prints a voucher's date and number on its first line only.
    const continues = voucher !== undefined && blank(raw, plan.date) && blank(raw, plan.number);
    if (!continues || voucher === undefined) voucher = start(raw);
    const reason = plan.type === undefined ? undefined : typeReason(voucher.cells[plan.type] ?? '');
    const read =
      reason !== undefined
        ? { leftOut: reason }
        : continues
          ? further(raw, voucher)
          : { cells: voucher.cells };
    return 'leftOut' in read ? { leftOut: leftOut(read.leftOut) } : read;
  };
}
