// The bad-row allowance: a file with a few unreadable rows loads without them; more than that fails it whole.
import { TitanError } from '../../errors.ts';

/** Up to 5% of data rows may be bad (rounded down), so a file under 20 rows must have none. */
export const BAD_ROW_SHARE = 0.05;
/** How many bad-row reasons are quoted in a message. */
const QUOTED = 3;
/** Distinct reasons counted for the report; the rest are counted under OTHER. */
const MAX_REASONS = 20;
const OTHER = 'other reasons';

/** A row error without the cell it quotes, so rows failing the same way count together: 'date: "x" is not a date' → 'date is not a date'. */
export function reasonKind(error: string): string {
  const quoted = /^([\w ]+): "[\s\S]*" ([^"]*)$/.exec(error);
  return quoted ? `${quoted[1]} ${quoted[2]}` : error;
}

export function allowedBadRows(totalRows: number): number {
  return Math.floor(totalRows * BAD_ROW_SHARE);
}

/** Tallies bad rows while they stream past, keeping the first few reasons for the message. */
export class BadRowTally {
  count = 0;
  readonly examples: string[] = [];
  private readonly kinds = new Map<string, number>();

  add(rowNumber: number, reason: string): void {
    this.count += 1;
    if (this.examples.length < QUOTED) this.examples.push(`row ${rowNumber}: ${reason}`);
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

  /** Throws 'ingest.bad_rows' when the file is over its allowance. */
  check(totalRows: number): void {
    if (this.count <= allowedBadRows(totalRows)) return;
    throw new TitanError(
      'ingest.bad_rows',
      `${this.count} of ${totalRows} rows could not be read (at most ${Math.round(BAD_ROW_SHARE * 100)}% ` +
        `may be, none in a file under ${Math.ceil(1 / BAD_ROW_SHARE)} rows): ${this.summary()}. ` +
        'Fix those rows and drop the file in again.',
      { detail: { badRows: this.count, totalRows } },
    );
  }

  /** A note for a loaded file that skipped rows within its allowance, or undefined. */
  note(): string | undefined {
    return this.count === 0 ? undefined : `${this.count} unreadable rows skipped: ${this.summary()}`;
  }
}
