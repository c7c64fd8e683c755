// A file's date order on its mapping: from the sample when it decides, else from one read of the whole date column.
import type { DateOrder } from '../normalise/date.ts';
import type { IngestReport } from '../outcome.ts';
import { type DateCell, type DateDecision, DateTally } from './date-evidence.ts';

/** The date-order fields of a file's mapping (TableMapping and, in the row worker, RowMapping). */
export interface DateOrderFields {
  dateOrder: DateOrder;
  /** What the dates showed about day and month order (undefined without dates). */
  dateEvidence?: IngestReport['dateOrder'];
  /** The cell that decided the order: a later cell read only the other way fails the file. */
  dateDecidedBy?: DateCell & { order: DateOrder };
  /** The sample could not decide: settleDateOrder reads the whole column before rows are built. */
  dateOpen?: true;
}

export function dateOrderFields(decision: DateDecision | undefined): DateOrderFields {
  if (decision === undefined) return { dateOrder: 'dmy' };
  if (decision.kind === 'open') return { dateOrder: 'dmy', dateOpen: true };
  return {
    dateOrder: decision.order,
    dateEvidence: decision.report,
    ...(decision.by === undefined ? {} : { dateDecidedBy: { ...decision.by, order: decision.order } }),
  };
}

/**
 * Settles a mapping the sample left open by reading the date column of every row, stopping at the first
 * cell only one order can read (so a day-first export is read only up to its first 13th). Throws when the
 * whole column reads both ways and nothing else tells the orders apart.
 */
export async function settleDateOrder<T extends DateOrderFields & { mapping: Record<string, number> }>(
  mapping: T,
  rows: () => AsyncIterable<readonly (readonly string[])[]>,
): Promise<Omit<T, 'dateOpen'> & DateOrderFields> {
  const col = mapping.mapping.date;
  if (!mapping.dateOpen || col === undefined) return mapping;
  const { dateOpen: _, ...rest } = mapping;
  const tally = new DateTally();
  let row = 0;
  scan: for await (const batch of rows()) {
    for (const cells of batch) {
      row += 1;
      if (tally.add({ row, value: cells[col] ?? '' })) break scan;
    }
  }
  return { ...rest, ...dateOrderFields(tally.decide(true)) };
}
