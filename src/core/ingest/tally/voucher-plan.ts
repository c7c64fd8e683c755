// How one Tally file's rows are to be read: its columns, amount basis and the parties it bills, decided once per file.
import type { Category } from '../../warehouse/tables.ts';
import type { TallyAmounts } from './amount-basis.ts';

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
  /** Where a voucher's amount is, on one basis for the whole file. */
  amounts: TallyAmounts;
  /** A type Titan cannot place is kept in a register (it lists one kind) and left out of a day book. */
  unknownTypes: 'keep' | 'leave';
  /** Tally's ledger group column (Group, Under), when the file has one. */
  group?: number;
  /**
   * On expenses: the ledgers this file names as owed, and those it pays whose purchases are already stored (see
   * withSuppliers), as ledgerKey writes them.
   */
  suppliers?: { billed: string[]; owed: string[]; stored: string[] };
}
