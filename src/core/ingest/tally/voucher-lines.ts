// How a Tally export's lines group into vouchers, and how a ledger's name is compared across them.
import { isBlankish } from '../normalise/number.ts';

/** Whether a row begins a voucher: Tally prints a voucher's date and number on its first line only. */
export function beginsVoucher(raw: readonly string[], date: number, number: number | undefined): boolean {
  if (!isBlankish(raw[date] ?? '')) return true;
  return number !== undefined && !isBlankish(raw[number] ?? '');
}

/** A ledger's name as Tally matches it: case and spacing aside ("KAVERI  Traders " is "kaveri traders"). */
export function ledgerKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}
