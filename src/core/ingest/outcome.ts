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
}
