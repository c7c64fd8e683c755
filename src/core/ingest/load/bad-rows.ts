// The bad-row allowance: a file with a few unreadable rows loads without them; more than that fails it whole.
// Rows left out on purpose (another category's vouchers, a repeated row) are reported beside them but never count against it.
import { TitanError } from '../../errors.ts';

/** Up to 5% of data rows may be bad (rounded down), so a file under 20 rows must have none. */
export const BAD_ROW_SHARE = 0.05;
/** How many bad-row reasons are quoted in a message. */
const QUOTED = 3;
/** Distinct reasons counted for the report; the rest are counted under OTHER. */
const MAX_REASONS = 20;
const OTHER = 'other reasons';

/** How a left-out row's reason begins: the one mark that travels with it from the normaliser (or the row worker). */
const LEFT_OUT = 'left out: ';

/** The reason for a row left out on purpose: readable, but not this category's, or already stored. */
export function leftOut(reason: string): string {
  return `${LEFT_OUT}${reason}`;
}

const isLeftOut = (reason: string): boolean => reason.startsWith(LEFT_OUT);

/** A row error without the cell it quotes, so rows failing the same way count together: 'date: "x" is not a date' → 'date is not a date'. */
export function reasonKind(error: string): string {
  if (isLeftOut(error)) return leftOut(reasonKind(error.slice(LEFT_OUT.length)));
  const quoted = /^([\w ]+): "[\s\S]*" ([^"]*)$/.exec(error);
  return quoted ? `${quoted[1]} ${quoted[2]}` : error;
}

export function allowedBadRows(totalRows: number): number {
  return Math.floor(totalRows * BAD_ROW_SHARE);
}

/** Tallies bad rows while they stream past, keeping the first few reasons for the message. */
export class BadRowTally {
  /** Rows that could not be read. */
  count = 0;
  /** Rows left out on purpose. */
  leftOut = 0;
  readonly examples: string[] = [];
  private readonly kinds = new Map<string, number>();

  add(rowNumber: number, reason: string): void {
    if (isLeftOut(reason)) this.leftOut += 1;
    else {
      this.count += 1;
      if (this.examples.length < QUOTED) this.examples.push(`row ${rowNumber}: ${reason}`);
    }
    let kind = reasonKind(reason);
    if (!this.kinds.has(kind) && this.kinds.size >= MAX_REASONS) kind = OTHER;
    this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + 1);
  }

  /** Rows skipped by reason, most first (the report's `skipped`). */
  byReason(): { reason: string; rows: number }[] {
    return [...this.kinds]
      .map(([reason, rows]) => ({ reason, rows }))
      .sort((a, b) => b.rows - a.rows || a.reason.localeCompare(b.reason));
  }

  private summary(): string {
    const more = this.count > this.examples.length ? '; …' : '';
    return `${this.examples.join('; ')}${more}`;
  }

  /** The left-out reasons, most rows first, without their mark: "12 rows: Payment vouchers are expenses, …". */
  private leftOutSummary(): string {
    return this.byReason()
      .filter((r) => isLeftOut(r.reason))
      .slice(0, QUOTED)
      .map((r) => `${r.rows} row${r.rows === 1 ? '' : 's'}: ${r.reason.slice(LEFT_OUT.length)}`)
      .join('; ');
  }

  /**
   * Throws 'ingest.wrong_category' when every row was left out (nothing of this category is in the file), and
   * 'ingest.bad_rows' when the rows meant to load are over their allowance.
   */
  check(totalRows: number): void {
    if (totalRows > 0 && this.leftOut === totalRows) {
      throw new TitanError(
        'ingest.wrong_category',
        `None of this file's ${totalRows} rows belong here, so nothing was loaded: ${this.leftOutSummary()}.`,
        { detail: { leftOutRows: this.leftOut, totalRows } },
      );
    }
    const meant = totalRows - this.leftOut;
    if (this.count <= allowedBadRows(meant)) return;
    throw new TitanError(
      'ingest.bad_rows',
      `${this.count} of ${meant} rows could not be read (at most ${Math.round(BAD_ROW_SHARE * 100)}% ` +
        `may be, none in a file under ${Math.ceil(1 / BAD_ROW_SHARE)} rows): ${this.summary()}. ` +
        'Fix those rows and drop the file in again.',
      { detail: { badRows: this.count, totalRows: meant } },
    );
  }

  /** A note for a loaded file that skipped rows within its allowance or left rows out, or undefined. */
  note(): string | undefined {
    const notes = [
      this.count === 0 ? undefined : `${this.count} unreadable rows skipped: ${this.summary()}`,
      this.leftOut === 0 ? undefined : `${this.leftOut} rows left out: ${this.leftOutSummary()}`,
    ].filter((n) => n !== undefined);
    return notes.length === 0 ? undefined : notes.join('; ');
  }
}
