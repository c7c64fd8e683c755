// Day or month first, decided from a file's date cells, with the evidence in words an owner can check (the report's dateOrder).
import { TitanError } from '../../errors.ts';
import { type DateOrder, dateClue, parseDate } from '../normalise/date.ts';
import type { IngestReport } from '../outcome.ts';

type DateOrderReport = NonNullable<IngestReport['dateOrder']>;

/** A data row (1 = the first row under the header) and its date cell as written. */
export interface DateCell {
  row: number;
  value: string;
}

/**
 * How a file writes numeric dates. Rule: the first cell only one order can read (13/04 or 04/13) decides,
 * and any later cell read only the other way fails the file (the normaliser checks every row). With no
 * such cell anywhere: day first when that changes nothing (every date has day = month); else the one order
 * that puts the rows in date order, when only one does; else day first, the Indian default, said so.
 */
export type DateDecision =
  | { kind: 'decided'; order: DateOrder; report: DateOrderReport; by?: DateCell }
  /** The cells seen so far (a sample) decide nothing: the whole column must be read. */
  | { kind: 'open' };

const ISO = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/;
const ORDER_WORDS: Record<DateOrder, string> = { dmy: 'day first', mdy: 'month first' };

/** Whether the dates, read one way, run in date order (either direction), and where that stopped. */
class Sequence {
  private last: string | undefined;
  private up = true;
  private down = true;
  brokenAt: DateCell | undefined;

  constructor(private readonly order: DateOrder) {}

  add(cell: DateCell): void {
    const iso = parseDate(cell.value, this.order);
    if (iso === null || this.brokenAt) return;
    if (this.last !== undefined && iso < this.last) this.up = false;
    if (this.last !== undefined && iso > this.last) this.down = false;
    if (!this.up && !this.down) this.brokenAt = cell;
    this.last = iso;
  }
}

/** Reads date cells in row order until one decides the order; `decide` then says what they showed. */
export class DateTally {
  private filled = 0;
  private numeric = 0;
  private iso: string | undefined;
  private ambiguous: DateCell | undefined;
  private same: string | undefined;
  private decisive: { order: DateOrder; cell: DateCell } | undefined;
  private readonly sequences = { dmy: new Sequence('dmy'), mdy: new Sequence('mdy') };

  /** Takes the next row's date cell; true once a cell has decided the order (later cells change nothing). */
  add(cell: DateCell): boolean {
    if (this.decisive) return true;
    const value = cell.value.trim();
    if (value === '') return false;
    this.filled += 1;
    const clue = dateClue(value);
    if (clue === undefined) {
      if (ISO.test(value)) this.iso ??= value;
      return false;
    }
    this.numeric += 1;
    const at = { row: cell.row, value };
    if (clue === 'dmy' || clue === 'mdy') {
      this.decisive = { order: clue, cell: at };
      return true;
    }
    if (clue === 'same') this.same ??= value;
    else this.ambiguous ??= at;
    this.sequences.dmy.add(at);
    this.sequences.mdy.add(at);
    return false;
  }

  /**
   * What the cells showed. `whole` says they were every row of the file: only then can an undecided column
   * be settled.
   */
  decide(whole: boolean): DateDecision | undefined {
    if (this.decisive) {
      const { order, cell } = this.decisive;
      const other = order === 'dmy' ? 'second' : 'first';
      return {
        kind: 'decided',
        order,
        by: cell,
        report: {
          order: order === 'dmy' ? 'day-first' : 'month-first',
          evidence: `${ORDER_WORDS[order]}: row ${cell.row} has ${cell.value}; no row has a ${other} part above 12`,
        },
      };
    }
    if (this.filled === 0) return undefined;
    if (this.numeric === 0) {
      const report: DateOrderReport = this.iso
        ? { order: 'iso', evidence: `dates are written year first (e.g. ${this.iso}), or stored as dates` }
        : { order: 'unambiguous', evidence: 'dates name their month in words, or are stored as dates' };
      return { kind: 'decided', order: 'dmy', report };
    }
    if (!whole) return { kind: 'open' };
    if (!this.ambiguous) {
      const evidence = `day first: every numeric date has the same day and month (e.g. ${this.same}), so the order changes nothing`;
      return { kind: 'decided', order: 'dmy', report: { order: 'day-first', evidence } };
    }
    const { dmy, mdy } = this.sequences;
    // A log sorted by date stays sorted only when read the way it was written; the wrong order jumps back.
    const inOrder = (order: DateOrder, wrong: Sequence): DateDecision => ({
      kind: 'decided',
      order,
      report: {
        order: order === 'dmy' ? 'day-first' : 'month-first',
        evidence:
          `${ORDER_WORDS[order]}: no date has a part above 12, but the ${this.numeric} dates run in date order ` +
          `only when read ${ORDER_WORDS[order]} (read the other way, row ${wrong.brokenAt!.row}'s ${wrong.brokenAt!.value} is out of order)`,
      },
    });
    if (!dmy.brokenAt && mdy.brokenAt) return inOrder('dmy', mdy);
    if (!mdy.brokenAt && dmy.brokenAt) return inOrder('mdy', dmy);
    // Refusing here is the safer rule, but most small Indian test files and owners' day sheets hit it: left to
    // a change that re-dates them. Until then the Indian default, said plainly so an owner can check it.
    const evidence =
      `day first: no date in the file has a part above 12 and nothing else tells the orders apart, so day ` +
      `first was assumed (Indian usage): ${this.ambiguous.value} in row ${this.ambiguous.row} reads as ` +
      `${parseDate(this.ambiguous.value, 'dmy')}`;
    return { kind: 'decided', order: 'dmy', report: { order: 'day-first', evidence } };
  }
}

/** Refuses a file with dates only day first can read and others only month first can. */
export function mixedDateOrders(first: DateCell & { order: DateOrder }, later: DateCell): TitanError {
  const other: DateOrder = first.order === 'dmy' ? 'mdy' : 'dmy';
  return new TitanError(
    'ingest.bad_rows',
    `Dates in this file are written both ways: row ${first.row} has ${first.value}, which only reads ` +
      `${ORDER_WORDS[first.order]}, and row ${later.row} has ${later.value}, which only reads ${ORDER_WORDS[other]}. ` +
      'Fix those rows, or re-export with the month written as a name or as yyyy-mm-dd.',
    { detail: { rows: [first.row, later.row] } },
  );
}

/** The decision from cells already in hand (a sample, numbered from row 1). */
export function tallyDates(values: readonly string[], whole: boolean): DateDecision | undefined {
  const tally = new DateTally();
  for (let i = 0; i < values.length; i += 1) if (tally.add({ row: i + 1, value: values[i]! })) break;
  return tally.decide(whole);
}
