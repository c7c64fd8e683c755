// Maps Titan error codes to HTTP statuses and the one error body shape: {error:{code,message}}.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { TitanError, type TitanErrorCode } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';

const STATUS: Partial<Record<TitanErrorCode, ContentfulStatusCode>> = {
  'config.invalid': 400,
  'config.unknown_key': 400,
  'request.invalid': 400,
  'ingest.unmapped': 422,
  'ingest.unreadable': 422,
  'ingest.bad_rows': 422,
  'ingest.wrong_category': 422,
  'auth.unauthorized': 401,
  'request.too_large': 413,
  not_found: 404,
  conflict: 409,
  'lock.busy': 409,
  'source.unavailable': 502,
  'llm.budget_exceeded': 429,
  'warehouse.unavailable': 503,
};

export const errorBody = (code: string, message: string) => ({ error: { code, message } });

export function createErrorHandler(logger: Logger) {
  return (err: Error, c: Context) => {
    if (err instanceof TitanError) {
      const status = STATUS[err.code] ?? 500;
      if (status >= 500)
        logger.error({ code: err.code, err: err.message, path: c.req.path }, 'request failed');
      // 5xx bodies stay generic: internal messages may name hosts or files the caller has no business seeing.
      const message =
        status >= 500 && !STATUS[err.code] ? 'Internal error; see the server log.' : err.message;
      return c.json(errorBody(err.code, message), status);
    }
    if (err instanceof HTTPException) {
      return c.json(
        errorBody('request.invalid', err.message || 'Bad request'),
        err.status as ContentfulStatusCode,
      );
    }
    logger.error({ err: err.message, path: c.req.path }, 'unhandled error');
    return c.json(errorBody('internal', 'Internal error; see the server log.'), 500);
  };
}
