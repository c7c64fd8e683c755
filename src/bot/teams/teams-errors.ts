// Maps Bot Connector failures (HTTP errors from the Teams SDK client) to a TitanError and the short line a thread shows.
import { TitanError, toTitanError } from '../../core/errors.ts';
import { shownMessage } from '../../core/shown-message.ts';

interface HttpFailure {
  status?: number;
  connectorCode?: string;
  networkCode?: string;
}

/** Reads what is safe to keep from an HTTP client error: never its request config, which holds the bearer token. */
function httpFailure(err: unknown): HttpFailure | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as {
    response?: { status?: unknown; data?: unknown };
    code?: unknown;
    isAxiosError?: unknown;
  };
  if (e.isAxiosError !== true) return undefined;
  const data = e.response?.data as { error?: { code?: unknown } } | undefined;
  return {
    ...(typeof e.response?.status === 'number' ? { status: e.response.status } : {}),
    ...(typeof data?.error?.code === 'string' ? { connectorCode: data.error.code } : {}),
    ...(typeof e.code === 'string' ? { networkCode: e.code } : {}),
  };
}

/** Any Bot Connector failure as a TitanError (chat.failed) naming the HTTP status or network error, never a token. */
export function fromTeamsError(err: unknown, op: string): TitanError {
  if (err instanceof TitanError) return err;
  const failure = httpFailure(err);
  if (!failure) return toTitanError(err, 'chat.failed');
  const what = failure.status
    ? `HTTP ${failure.status}${failure.connectorCode ? ` (${failure.connectorCode})` : ''}`
    : (failure.networkCode ?? 'a network error');
  // The client error itself is not kept as cause: its request config carries the Authorization header.
  return new TitanError('chat.failed', `Teams ${op} failed: ${what}.`, { detail: { op, ...failure } });
}

/**
 * The line a user sees in the conversation when an answer could not be produced: the error's own words only when
 * the core says they are written for the asker (a failed query's message may hold SQL or a path).
 */
export const failureLine = (err: TitanError): string => `I could not answer that: ${shownMessage(err)}`;
