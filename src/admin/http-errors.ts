// Maps Titan error codes to HTTP statuses and the one error body shape: {error:{code,message}}.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { TitanError, type TitanErrorCode } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { isShown } from '../core/shown-message.ts';

/** Every code's HTTP status: a `Record` over all codes, so a new code does not compile until it is mapped. */
const STATUS: Record<TitanErrorCode, ContentfulStatusCode> = {
  'config.invalid': 400,
  'config.unknown_key': 400,
  'config.write_failed': 500,
  'auth.unauthorized': 401,
  'request.invalid': 400,
  'request.too_large': 413,
  not_found: 404,
  conflict: 409,
  'warehouse.unavailable': 503,
  'warehouse.query_failed': 500,
  'warehouse.timeout': 504,
  'lock.busy': 409,
  'ingest.unreadable': 422,
  'ingest.unmapped': 422,
  'ingest.too_large': 413,
  'ingest.bad_rows': 422,
  'ingest.wrong_category': 422,
  'source.unavailable': 502,
  'llm.not_configured': 503,
  'llm.failed': 502,
  'llm.key_invalid': 503,
  'llm.budget_exceeded': 429,
  'llm.ungrounded': 502,
  'pos.failed': 502,
  'pos.not_configured': 503,
  'chat.failed': 502,
  internal: 500,
};

/** The status and body message of a TitanError as the admin API answers it. */
export function httpErrorOf(err: TitanError): { status: ContentfulStatusCode; message: string } {
  return {
    status: STATUS[err.code],
    message: isShown(err) ? err.message : 'Internal error; see the server log.',
  };
}

export const errorBody = (code: string, message: string) => ({ error: { code, message } });

export function createErrorHandler(logger: Logger) {
  return (err: Error, c: Context) => {
    if (err instanceof TitanError) {
      const { status, message } = httpErrorOf(err);
      if (status >= 500)
        logger.error({ code: err.code, err: err.message, path: c.req.path }, 'request failed');
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
