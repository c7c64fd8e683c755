// Titan's one error type: a closed set of codes, a message a user can act on, and the cause kept.

/** Every failure Titan can report. Doors map each one (an exhaustive Record) to an HTTP status or thread wording. */
export const TITAN_ERROR_CODES = [
  'config.invalid',
  'config.unknown_key',
  'config.write_failed',
  'auth.unauthorized',
  'request.invalid',
  'request.too_large',
  'not_found',
  'conflict',
  'warehouse.unavailable',
  'warehouse.query_failed',
  'warehouse.timeout',
  'lock.busy',
  'ingest.unreadable',
  'ingest.unmapped',
  'ingest.too_large',
  'ingest.bad_rows',
  'ingest.wrong_category',
  'source.unavailable',
  'llm.not_configured',
  'llm.failed',
  'llm.key_invalid',
  'llm.budget_exceeded',
  'llm.ungrounded',
  'pos.failed',
  'pos.not_configured',
  'chat.failed',
  'internal',
] as const;

export type TitanErrorCode = (typeof TITAN_ERROR_CODES)[number];

export class TitanError extends Error {
  override readonly name = 'TitanError';
  readonly code: TitanErrorCode;
  /** Extra, non-secret detail for logs and API bodies (e.g. the offending config key). */
  readonly detail: Record<string, unknown> | undefined;

  constructor(
    code: TitanErrorCode,
    message: string,
    options: { cause?: unknown; detail?: Record<string, unknown> } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.detail = options.detail;
  }
}

/** Wraps anything thrown into a TitanError, keeping the original as `cause`. */
export function toTitanError(err: unknown, fallback: TitanErrorCode = 'internal'): TitanError {
  if (err instanceof TitanError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new TitanError(fallback, message, { cause: err });
}
