// What happened to one file: the shape the status route, the CLI and the watcher log all report.
import type { TitanErrorCode } from '../errors.ts';

export type FileOutcomeKind = 'loaded' | 'already_loaded' | 'failed';

export interface FileOutcome {
  name: string;
  outcome: FileOutcomeKind;
  /** Rows stored (loaded) or already stored from an earlier load of the same content. */
  rows?: number;
  /** Why it failed, or a note on a loaded file (rows skipped within the bad-row allowance). */
  reason?: string;
  /** The TitanError code of a failure. */
  code?: TitanErrorCode;
  contentHash?: string;
  /** The failure was not the file's fault (warehouse down, LLM unreachable): leave it where it is and retry. */
  transient?: boolean;
  /** How the file was read, so an owner sees what was used and what was left out (loaded files). */
  report?: IngestReport;
}

/** What an owner needs to check a load: the mapping, what was left out, the date order, what was skipped. */
export interface IngestReport {
  /** Source column → canonical column, in the file's order (a derived column names its sources: "qty × rate"). */
  mapping: { source: string; column: string }[];
  /** Source columns that went nowhere. */
  unmapped: string[];
  /** How day and month were told apart, when the dates were written with numbers (dd/mm vs mm/dd). */
  dateOrder?: { order: 'day-first' | 'month-first' | 'iso' | 'unambiguous'; evidence: string };
  /** Rows not stored, by reason ("3 rows: date is not a date"). */
  skipped: { reason: string; rows: number }[];
  /** Rows already stored from an earlier, overlapping export (same order id, item, qty and amount). */
  duplicates?: number;
  /** Sheets of a workbook not read, and why. */
  sheetsSkipped?: { sheet: string; reason: string }[];
  /** Values kept as written that Titan does not know (an unknown order status, counted as completed). */
  unknownValues?: { column: string; values: string[] }[];
  /** Choices an owner may want to check: which amount column was taken, a column recognised but not stored. */
  notes?: string[];
}
