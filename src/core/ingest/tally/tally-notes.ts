// What the report tells an owner about a Tally export: how its vouchers and amounts were read, and why Particulars
// went where it did.
import type { Category } from '../../warehouse/tables.ts';
import { amountColumnsRead, type TallyAmounts } from './amount-basis.ts';
import type { TallyLayout } from './tally-layout.ts';

type Name = (col: number) => string;

/** The amount's source in the report's mapping: "Value, else Gross Total − CGST − SGST". */
export function tallyAmountSource(layout: TallyLayout, headers: readonly string[]): string {
  const { amounts } = layout;
  if (amounts.basis === 'posted') return `${headers[amounts.debit]}, else ${headers[amounts.credit]}`;
  if (amounts.basis === 'gross') return headers[amounts.gross]!;
  if (amounts.gross === undefined) return headers[amounts.value]!;
  const less = amounts.less.map((c) => ` − ${headers[c]}`).join('');
  return `${headers[amounts.value]}, else ${headers[amounts.gross]}${less}`;
}

/** The columns a Tally export's rows are read from besides those mapped: none of them is left out. */
export function tallyColumnsRead(layout: TallyLayout, category: Category): number[] {
  const group = category === 'expenses' && layout.group !== undefined ? [layout.group] : [];
  return [...amountColumnsRead(layout.amounts), ...group];
}

/** The one basis a file's amounts are read on, in words. */
function basisNote(amounts: TallyAmounts, name: Name): string | undefined {
  if (amounts.basis === 'posted') {
    return `amount: ${name(amounts.debit)}, or ${name(amounts.credit)} where it is blank: each voucher's total as posted (tax included); a voucher's ledger lines are not counted again.`;
  }
  if (amounts.basis === 'gross') {
    const why = amounts.value === undefined ? '' : `, never ${name(amounts.value)}: ${amounts.why}`;
    return `amount: ${name(amounts.gross)} (tax included) on every voucher${why}; a voucher's further lines are in its ${name(amounts.gross)}, so not counted again.`;
  }
  if (amounts.gross === undefined) return undefined;
  const less = amounts.less.map(name).join(', ');
  return (
    `amount: ${name(amounts.value)} (before tax) on every voucher; a voucher whose ${name(amounts.value)} is blank ` +
    `takes ${name(amounts.gross)} less ${less}, as its vouchers with both show, and its further lines are not counted again.`
  );
}

/** Notes on a Tally export read for `category`. */
export function tallyNotes(layout: TallyLayout, headers: readonly string[], category: Category): string[] {
  const name: Name = (col) => `"${headers[col]}"`;
  const particulars = name(layout.particulars);
  const keys = [layout.date, layout.voucherNo]
    .filter((k) => k !== undefined)
    .map(name)
    .join(' and ');
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
  if (category === 'expenses') {
    notes.push(`${particulars} names the ledger each payment went to: stored as description.`);
    const group = layout.group === undefined ? '' : `, or whose ${name(layout.group)} is Sundry Creditors`;
    notes.push(
      `A Payment to a supplier — a party this file's Purchase or Journal vouchers name${group}, or whose purchases are already loaded for this site — ` +
        'settles a bill counted as a purchase: it is left out, not stored as an expense, and counted under skipped. Other Payments are expenses; ' +
        "a supplier whose purchases are not loaded yet cannot be told from an expense, so load a supplier's purchases before its payments.",
    );
  }
  const basis = basisNote(layout.amounts, name);
  if (basis !== undefined) notes.push(basis);
  if (layout.dayBook) {
    notes.push(
      `A Day Book mixes voucher types: only those of ${category} are loaded; the others are counted under skipped, with the folder each belongs in.`,
    );
  }
  return notes;
}
