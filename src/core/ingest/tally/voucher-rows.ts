// Reads a Tally export's rows as vouchers: a voucher's further lines take its date and number, its amount is read on
// the file's one basis, and rows of another category (or a supplier's settlement, on expenses) are left out.
import { leftOut } from '../load/bad-rows.ts';
import { isBlankish } from '../normalise/number.ts';
import { amountColumn, valueFromGross } from './amount-basis.ts';
import { settlementReason } from './supplier-payments.ts';
import { beginsVoucher } from './voucher-lines.ts';
import type { VoucherPlan } from './voucher-plan.ts';
import { voucherKind } from './voucher-types.ts';

/** A row read: the cells to normalise (filled in from its voucher), or the error it is skipped with. */
export type VoucherRow = { cells: readonly string[] } | { error: string };

interface Voucher {
  cells: readonly string[];
  /** Why the whole voucher is left out (another category's, a settlement), or undefined. */
  leftOut?: string;
  /** Why its first line's amount could not be read on the file's basis (a bad row, not one left out). */
  bad?: string;
  /** Its first line's amount is the whole voucher's (Gross Total, or derived from it), so further lines add nothing. */
  tookTotal: boolean;
}

/** Builds the reader for one file; call it per row, in the file's order (a further line needs its voucher). */
export function createVoucherReader(plan: VoucherPlan): (raw: readonly string[]) => VoucherRow {
  const carried = [plan.date, plan.number, plan.type, plan.party].filter((c) => c !== undefined);
  const { amounts } = plan;
  const amountAt = amountColumn(amounts);
  const suppliers = {
    billed: new Set(plan.suppliers?.billed ?? []),
    owed: new Set(plan.suppliers?.owed ?? []),
    stored: new Set(plan.suppliers?.stored ?? []),
  };
  const blank = (raw: readonly string[], col: number | undefined) =>
    col === undefined || isBlankish(raw[col] ?? '');
  let voucher: Voucher | undefined;

  /** Why a voucher of this type does not belong in the category, or undefined when it does. */
  function typeReason(cells: readonly string[]): string | undefined {
    if (plan.type === undefined) return undefined;
    const type = cells[plan.type] ?? '';
    const kind = voucherKind(type);
    if (kind === undefined) {
      return plan.unknownTypes === 'keep'
        ? undefined
        : `voucher type: "${type.trim()}" is not one Titan can place in sales, purchases or expenses`;
    }
    if (kind.category !== plan.category) {
      return kind.category === null
        ? `${kind.name} vouchers are ${kind.why}`
        : `${kind.name} vouchers are ${kind.category}, not ${plan.category}: load this ${plan.report} in the ${kind.category} folder for them`;
    }
    return kind.name === 'Payment' ? settlementReason(plan, suppliers, cells) : undefined;
  }

  /** A first line's amount on the file's basis: written into the amount column, or why it cannot be. */
  function firstAmount(raw: readonly string[], cells: string[]): Pick<Voucher, 'bad' | 'tookTotal'> {
    if (amounts.basis === 'posted') {
      if (blank(raw, amounts.debit)) cells[amountAt] = raw[amounts.credit] ?? '';
      return { tookTotal: true };
    }
    if (amounts.basis === 'gross') {
      if (blank(raw, amounts.gross) && !blank(raw, amounts.value)) {
        return {
          tookTotal: true,
          bad: 'a voucher with a Value but no Gross Total: this file is read on Gross Total (tax included), so its Value (before tax) was not stored',
        };
      }
      return { tookTotal: true };
    }
    if (!blank(raw, amounts.value) || blank(raw, amounts.gross)) return { tookTotal: false };
    const value = valueFromGross(raw, amounts.gross!, amounts.less);
    if (value === null) {
      return {
        tookTotal: true,
        bad: 'a voucher with no Value whose Gross Total or tax cells are not numbers, so its Value could not be worked out',
      };
    }
    cells[amountAt] = String(value);
    return { tookTotal: true };
  }

  function start(raw: readonly string[]): Voucher {
    const cells = [...raw];
    const reason = typeReason(raw);
    if (reason !== undefined) return { cells, leftOut: reason, tookTotal: true };
    return { cells, ...firstAmount(raw, cells) };
  }

  /** A further line's cells, filled in from its voucher, or why it is left out. */
  function further(raw: readonly string[], of: Voucher): VoucherRow {
    if (amounts.basis === 'posted')
      return { error: leftOut("a ledger line of a voucher, already in its first line's amount") };
    if (of.bad !== undefined)
      return { error: leftOut('a further line of a voucher whose first line could not be read') };
    if (of.tookTotal) {
      return {
        error: leftOut(
          amounts.basis === 'gross'
            ? "a further line of a voucher, already in its first line's Gross Total"
            : 'a further line of a voucher whose Value was worked out from its Gross Total, so not counted again',
        ),
      };
    }
    if (blank(raw, amountAt))
      return { error: leftOut('a further line of a voucher with no Value (a narration)') };
    const cells = [...raw];
    for (const col of carried) cells[col] = of.cells[col] ?? '';
    return { cells };
  }

  return (raw) => {
    const continues = voucher !== undefined && !beginsVoucher(raw, plan.date, plan.number);
    if (!continues || voucher === undefined) voucher = start(raw);
    if (voucher.leftOut !== undefined) return { error: leftOut(voucher.leftOut) };
    if (continues) return further(raw, voucher);
    return voucher.bad === undefined ? { cells: voucher.cells } : { error: voucher.bad };
  };
}
