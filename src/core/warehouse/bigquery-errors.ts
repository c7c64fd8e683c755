// Maps what the BigQuery client throws (ApiError, network errors) to a TitanError that says what to do.
import { TitanError } from '../errors.ts';

interface ApiErrorLike {
  code?: number | string;
  message?: string;
  errors?: { reason?: string; message?: string }[];
}

const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN']);

/** True when BigQuery aborted a statement because another one changed the same table first. */
export function isConcurrentUpdate(err: unknown): boolean {
  const e = (err instanceof TitanError ? err.cause : err) as ApiErrorLike | undefined;
  return /concurrent update/i.test(e?.message ?? '');
}

export function fromBigQueryError(err: unknown): TitanError {
  if (err instanceof TitanError) return err;
  const e = (err ?? {}) as ApiErrorLike;
  const reason = e.errors?.[0]?.reason ?? '';
  const message = e.message ?? String(err);
  const status = typeof e.code === 'number' ? e.code : undefined;
  if (isConcurrentUpdate(err)) {
    return new TitanError(
      'conflict',
      `BigQuery aborted the change because another writer changed the table: ${message}`,
      {
        cause: err,
      },
    );
  }
  if (status === 401 || status === 403 || reason === 'accessDenied') {
    return new TitanError(
      'warehouse.unavailable',
      'BigQuery refused the request: check that the service account in GOOGLE_SERVICE_ACCOUNT_JSON has the BigQuery Data Editor and Job User roles on PROJECT_ID.',
      { cause: err, detail: { reason } },
    );
  }
  if (
    (typeof e.code === 'string' && NETWORK.has(e.code)) ||
    (status !== undefined && status >= 500) ||
    reason === 'rateLimitExceeded' ||
    reason === 'backendError'
  ) {
    return new TitanError(
      'warehouse.unavailable',
      `BigQuery is not reachable right now (${message}). Try again shortly.`,
      {
        cause: err,
      },
    );
  }
  if (status === 404 || reason === 'notFound') {
    return new TitanError(
      'warehouse.query_failed',
      `BigQuery could not find what the query names (${message}); check PROJECT_ID and DATASET_ID, then restart so migrations create the tables.`,
      { cause: err, detail: { reason } },
    );
  }
  return new TitanError('warehouse.query_failed', `BigQuery query failed: ${message}`, {
    cause: err,
    detail: { reason },
  });
}
