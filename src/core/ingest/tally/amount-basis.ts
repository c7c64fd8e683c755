// Which amount a Tally export is read on — Value (before tax), Gross Total (tax included) or the posted Debit / Credit
// Amount — chosen once per file, so one file's figures never mix pre-tax and tax-inclusive amounts.
import { isBlankish, parseNumber, roundMoney } from '../normalise/number.ts';
import { beginsVoucher } from './voucher-lines.ts';

/** How a Tally export's amounts are read, the same way on every row (plain data: it travels to the row worker). */
export type TallyAmounts =
  /** A register on Value: a voucher with no Value takes Gross Total less the file's tax columns (`less`). */
  | { basis: 'value'; value: number; gross?: number; less: number[] }
  /** A register on Gross Total: its Value column (if any) is never read as an amount. */
  | { basis: 'gross'; gross: number; value?: number; why?: string }
  /** A day book: each voucher's total as posted, in Debit Amount or else Credit Amount. */
  | { basis: 'posted'; debit: number; credit: number };

/** The columns a register's amounts are in. */
export interface AmountColumns {
  date: number;
  voucherNo: number | undefined;
  value: number | undefined;
  gross: number | undefined;
}

/**
 * What separates Gross Total from Value on a Tally register: its GST, cess and VAT ledgers, and the round-off.
 * "GSTIN/UIN" and "Taxable Value" are not among them.
 */
const TAX_HEADER = /\b(?:[csi]|ut)?gst\b|\bcess\b|\bvat\b|\btax\b|\bround(?:ed|ing)?\s*off\b/i;

/** Within a paisa: Tally's own figures add up exactly. */
const TOLERANCE = 0.011;

const cellNumber = (raw: readonly string[], col: number): number | null => {
  const cell = raw[col] ?? '';
  return isBlankish(cell) ? 0 : parseNumber(cell);
};

/** Gross Total less the tax cells of a voucher's first line, or null when one of them is not a number. */
export function valueFromGross(
  raw: readonly string[],
  gross: number,
  less: readonly number[],
): number | null {
  let value = parseNumber(raw[gross] ?? '');
  for (const col of less) {
    const tax = cellNumber(raw, col);
    if (value === null || tax === null) return null;
    value -= tax;
  }
  return value === null ? null : roundMoney(value);
}

/**
 * Whether the sample's vouchers show Value = Gross Total − tax columns: 'yes' when at least one voucher with both
 * adds up and none fails to, 'no' when one fails, 'untested' when no voucher has both.
 */
function taxColumnsAddUp(
  sample: readonly (readonly string[])[],
  cols: AmountColumns & { value: number; gross: number },
  less: readonly number[],
): 'yes' | 'no' | 'untested' {
  let tested = false;
  let voucher: { expected: number | null; values: number | null } | undefined;
  const settle = (): boolean => {
    if (voucher === undefined || voucher.expected === null) return true;
    tested = true;
    return voucher.values !== null && Math.abs(voucher.expected - voucher.values) <= TOLERANCE;
  };
  for (const raw of sample) {
    if (voucher === undefined || beginsVoucher(raw, cols.date, cols.voucherNo)) {
      if (!settle()) return 'no';
      const both = !isBlankish(raw[cols.value] ?? '') && !isBlankish(raw[cols.gross] ?? '');
      voucher = { expected: both ? valueFromGross(raw, cols.gross, less) : null, values: 0 };
      if (both && voucher.expected === null) return 'no';
    }
    const value = cellNumber(raw, cols.value);
    voucher.values = value === null || voucher.values === null ? null : voucher.values + value;
  }
  if (!settle()) return 'no';
  return tested ? 'yes' : 'untested';
}

/** A register with both Value and Gross Total: on Value when its tax columns bridge the two, else on Gross Total. */
function bothColumns(
  headers: readonly string[],
  sample: readonly (readonly string[])[],
  cols: AmountColumns & { value: number; gross: number },
): TallyAmounts {
  const less = headers.flatMap((h, col) => (TAX_HEADER.test(h) ? [col] : []));
  const onGross = (why: string): TallyAmounts => ({
    basis: 'gross',
    gross: cols.gross,
    value: cols.value,
    why,
  });
  if (less.length === 0) return onGross('the file has no tax columns to take a blank Value from Gross Total');
  const addsUp = taxColumnsAddUp(sample, cols, less);
  if (addsUp === 'no')
    return onGross('its tax columns do not take Gross Total down to Value on every voucher that has both');
  if (addsUp === 'untested')
    return onGross('no voucher in its first rows has both, to show its tax columns take one to the other');
  return { basis: 'value', value: cols.value, gross: cols.gross, less };
}

/** The amounts of a register (Value and / or Gross Total columns), or undefined when it has neither. */
export function registerAmounts(
  headers: readonly string[],
  sample: readonly (readonly string[])[],
  cols: AmountColumns,
): TallyAmounts | undefined {
  const { value, gross } = cols;
  if (value !== undefined && gross !== undefined)
    return bothColumns(headers, sample, { ...cols, value, gross });
  if (value !== undefined) return { basis: 'value', value, less: [] };
  if (gross !== undefined) return { basis: 'gross', gross };
  return undefined;
}

/** The column the mapping names as the amount: where the chosen basis's figure is (or is written, when derived). */
export function amountColumn(amounts: TallyAmounts): number {
  if (amounts.basis === 'value') return amounts.value;
  return amounts.basis === 'gross' ? amounts.gross : amounts.debit;
}

/** The columns read for an amount besides amountColumn (Gross Total and the taxes taken off it, Credit Amount). */
export function amountColumnsRead(amounts: TallyAmounts): number[] {
  if (amounts.basis === 'value') return amounts.gross === undefined ? [] : [amounts.gross, ...amounts.less];
  return amounts.basis === 'posted' ? [amounts.credit] : [];
}
