// What of a TitanError the person who asked may read: one decision for every door (admin API, Slack, Teams).
import type { TitanError, TitanErrorCode } from './errors.ts';

/**
 * Whether a code's message is written for the asker. A `Record` over every code, so a new code does not compile
 * until someone decides; the hidden ones may name hosts, files or SQL, and are logged instead.
 */
const SHOWN: Record<TitanErrorCode, boolean> = {
  'config.invalid': true,
  'config.unknown_key': true,
  'config.write_failed': false,
  'auth.unauthorized': true,
  'request.invalid': true,
  'request.too_large': true,
  not_found: true,
  conflict: true,
  'warehouse.unavailable': true,
  'warehouse.query_failed': false,
  // Says how long the query ran and what to ask instead; no SQL in it.
  'warehouse.timeout': true,
  'lock.busy': true,
  'ingest.unreadable': true,
  'ingest.unmapped': true,
  'ingest.too_large': true,
  'ingest.bad_rows': true,
  'ingest.wrong_category': true,
  'source.unavailable': true,
  'llm.not_configured': true,
  'llm.failed': true,
  'llm.key_invalid': true,
  'llm.budget_exceeded': true,
  'llm.ungrounded': true,
  'pos.failed': true,
  'pos.not_configured': true,
  'chat.failed': true,
  internal: false,
};

export const HIDDEN_MESSAGE = 'Something went wrong on my side; the server log has the details.';

/** The error's own message when it is written for the asker, else a line that points at the log. */
export const shownMessage = (err: TitanError): string => (SHOWN[err.code] ? err.message : HIDDEN_MESSAGE);

/** True when the asker reads the error's own message. */
export const isShown = (err: TitanError): boolean => SHOWN[err.code];
