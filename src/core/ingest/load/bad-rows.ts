// The bad-row allowance: a file with a few unreadable rows loads without them; more than that fails it whole.
import { TitanError } from '../../errors.ts';

/** Up to 5% of data rows may be bad (rounded down), so a file under 20 rows must have none. */
export const BAD_ROW_SHARE = 0.05;
/** How many bad-row reasons are quoted in a message. */
const QUOTED = 3;

export function allowedBadRows(totalRows: number): number {
  return Math.floor(totalRows * BAD_ROW_SHARE);
}

/** Tallies bad rows while they stream past, keeping the first few reasons for the message. */
export class BadRowTally {
  count = 0;
  readonly examples: string[] = [];

  add(rowNumber: number, reason: string): void {
    this.count += 1;
    if (this.examples.length < QUOTED) this.examples.push(`row ${rowNumber}: ${reason}`);
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
