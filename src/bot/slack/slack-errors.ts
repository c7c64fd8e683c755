// Maps Slack Web API failures and analyst failures to a TitanError and the short line a thread shows.
import { TitanError, toTitanError } from '../../core/errors.ts';
import { shownMessage } from '../../core/shown-message.ts';

/** Slack's own error string ("not_in_channel", "ratelimited" …) when `err` came from the Web API. */
export function slackErrorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const data = (err as { data?: { error?: unknown } }).data;
  if (typeof data?.error === 'string') return data.error;
  const code = (err as { code?: unknown }).code;
  return code === 'slack_webapi_rate_limited_error' ? 'ratelimited' : undefined;
}

/** Slack errors that mean Titan cannot post where it was asked. */
const UNREACHABLE = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'access_denied']);

/** True when posting to the channel itself failed, so the message must go another way (ephemeral, respond). */
export const isUnreachable = (err: unknown): boolean => UNREACHABLE.has(slackErrorCode(err) ?? '');

/** A Slack Web API failure as a TitanError (chat.failed) naming Slack's error, never a token; anything else unknown is internal. */
export function fromSlackError(err: unknown, method: string): TitanError {
  if (err instanceof TitanError) return err;
  const slack = slackErrorCode(err);
  // Neither Slack's nor Titan's: a fault of ours, whose message is for the log, not the thread.
  if (!slack) return toTitanError(err, 'internal');
  return new TitanError('chat.failed', `Slack ${method} failed: ${slack}.`, {
    cause: err,
    detail: { slackError: slack, method },
  });
}

/** The line a user sees in the thread when an answer could not be produced or delivered. */
export function failureLine(err: TitanError): string {
  const slack = typeof err.detail?.slackError === 'string' ? err.detail.slackError : undefined;
  if (slack === 'not_in_channel' || slack === 'channel_not_found') {
    return 'I am not in that channel. Invite me with `/invite @titan` and ask again.';
  }
  if (slack === 'ratelimited') return 'Slack is rate-limiting me right now; please ask again in a minute.';
  // A timeout already says what to try instead.
  if (err.code === 'chat.failed' && err.detail?.reason === 'timeout') return err.message;
  return `I could not answer that: ${shownMessage(err)}`;
}
