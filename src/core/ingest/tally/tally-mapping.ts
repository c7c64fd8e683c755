// A recognised Tally export → its mapping for one category and how its vouchers are read, or why it belongs elsewhere.
import { TitanError } from '../../errors.ts';
import type { Category } from '../../warehouse/tables.ts';
import type { ColumnMapping } from '../port.ts';
import { amountColumn } from './amount-basis.ts';
import type { TallyLayout } from './tally-layout.ts';
import type { VoucherPlan } from './voucher-plan.ts';

/** A Tally export mapped: fixed by Tally's layout, so no heuristics, stored layout or LLM is consulted. */
export interface TallyMapping {
  mapping: ColumnMapping;
  vouchers: VoucherPlan;
}

/** Where the file's vouchers go, in words: "the expenses folder for its Payment vouchers". */
function folders(layout: TallyLayout): string {
  // A day book's first rows need not show every type it holds.
  if (layout.dayBook)
    return 'load it in the sales, purchases or expenses folder to load its vouchers of that kind';
  const placed = layout.kinds.filter((k) => k.category !== null);
  if (placed.length === 0) return 'none of its vouchers are sales, purchases or expenses';
  return `load it in the ${placed.map((k) => `${k.category} folder for its ${k.name} vouchers`).join(', or the ')}`;
}

/** Throws 'ingest.wrong_category' when the file cannot hold rows of `category` (a day book is filtered row by row instead). */
function checkFits(layout: TallyLayout, category: Category): void {
  const detail = { requested: category, report: layout.report };
  if (category === 'inventory') {
    throw new TitanError(
      'ingest.wrong_category',
      `This is a Tally ${layout.report}: it lists vouchers, not stock counts, so it is not inventory; ${folders(layout)}.`,
      { detail },
    );
  }
  const [kind] = layout.kinds;
  if (layout.dayBook || !kind || kind.category === category) return;
  const reason =
    kind.category === null
      ? `its vouchers are ${kind.why}, so none of it is ${category}`
      : `its vouchers are ${kind.category}, not ${category}: ingest it with --category ${kind.category}, or move it to the ${kind.category} folder`;
  throw new TitanError('ingest.wrong_category', `This is a Tally ${layout.report}: ${reason}.`, {
    detail: { ...detail, ...(kind.category === null ? {} : { suggested: kind.category }) },
  });
}

/** The category's columns Tally fills: the party is a purchase's vendor and a payment's description, never a sale's item. */
function columnsFor(layout: TallyLayout, category: Category): ColumnMapping {
  const number = layout.voucherNo;
  const mapping: ColumnMapping = { date: layout.date, amount: amountColumn(layout.amounts) };
  if (category === 'sales' && number !== undefined) mapping.order_id = number;
  if (category === 'purchases') {
    mapping.vendor = layout.particulars;
    if (number !== undefined) mapping.invoice_no = number;
  }
  if (category === 'expenses') mapping.description = layout.particulars;
  return mapping;
}

/** Maps a Tally export onto `category`; throws 'ingest.wrong_category' when its vouchers belong to another. */
export function mapTally(layout: TallyLayout, category: Category): TallyMapping {
  checkFits(layout, category);
  return {
    mapping: columnsFor(layout, category),
    vouchers: {
      report: layout.report,
      category,
      date: layout.date,
      party: layout.particulars,
      amounts: layout.amounts,
      ...(layout.voucherNo === undefined ? {} : { number: layout.voucherNo }),
      ...(layout.voucherType === undefined ? {} : { type: layout.voucherType }),
      ...(layout.group === undefined ? {} : { group: layout.group }),
      unknownTypes: layout.dayBook ? 'leave' : 'keep',
    },
  };
}
