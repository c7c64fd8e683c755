// What the report tells an owner about a Tally export: how its vouchers were read and why Particulars went where it did.
import type { Category } from '../../warehouse/tables.ts';
import type { TallyLayout } from './tally-layout.ts';

/** The amount's source in the report's mapping: "Value, else Gross Total". */
export function tallyAmountSource(layout: TallyLayout, headers: readonly string[]): string {
  const taken = headers[layout.amount]!;
  return layout.amountElse === undefined ? taken : `${taken}, else ${headers[layout.amountElse]}`;
}

/** Notes on a Tally export read for `category`. */
export function tallyNotes(layout: TallyLayout, headers: readonly string[], category: Category): string[] {
  const name = (col: number | undefined) => (col === undefined ? undefined : `"${headers[col]}"`);
  const particulars = name(layout.particulars)!;
  const keys = [name(layout.date), name(layout.voucherNo)].filter((k) => k !== undefined).join(' and ');
  const notes = [
    `Read as a Tally ${layout.report}: a voucher's further lines (blank ${keys}) take its first line's.`,
  ];
  if (category === 'sales') {
    notes.push(
      `${particulars} names each voucher's party (the customer, or Cash), not an item: the sales table has no column for it, so it is not stored.`,
    );
  }
  if (category === 'purchases')
    notes.push(`${particulars} names each voucher's party, the supplier: stored as vendor.`);
  if (category === 'expenses')
    notes.push(`${particulars} names the ledger each payment went to: stored as description.`);
  const amount = name(layout.amount)!;
  const other = name(layout.amountElse);
  if (other !== undefined && layout.debitCredit) {
    notes.push(
      `amount: ${amount}, or ${other} where it is blank; a voucher's ledger lines are not counted again.`,
    );
  } else if (other !== undefined) {
    notes.push(
      `amount: ${amount}, or ${other} for a voucher whose ${amount} is blank (its further lines are then not counted again).`,
    );
  }
  if (layout.kinds.length > 1) {
    notes.push(
      `A Day Book mixes voucher types: only those of ${category} are loaded; the others are counted under skipped, with the folder each belongs in.`,
    );
  }
  return notes;
}
