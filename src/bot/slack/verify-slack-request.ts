// Slack request signing (v0): HMAC-SHA256 of `v0:{timestamp}:{raw body}`, fresh timestamp, constant-time compare.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { TitanError } from '../../core/errors.ts';

/** Slack's replay window: a request older (or newer) than this is refused. */
export const MAX_REQUEST_AGE_SECONDS = 5 * 60;

export interface SlackSignedRequest {
  signingSecret: string;
  /** `x-slack-signature` header, e.g. "v0=ab12…". */
  signature: string | null;
  /** `x-slack-request-timestamp` header, Unix seconds. */
  timestamp: string | null;
  rawBody: string;
  /** Current time in milliseconds (injected clock). */
  nowMs: number;
}

const refuse = (why: string): TitanError =>
  new TitanError('auth.unauthorized', `Slack request refused: ${why}.`, { detail: { reason: why } });

/** Throws `auth.unauthorized` unless the request was signed by Slack with this secret in the last 5 minutes. */
export function verifySlackRequest(request: SlackSignedRequest): void {
  const { signature, timestamp } = request;
  if (!signature || !timestamp) throw refuse('missing signature headers');
  if (!/^\d{1,12}$/.test(timestamp)) throw refuse('malformed timestamp');
  const ageSeconds = Math.abs(Math.floor(request.nowMs / 1000) - Number(timestamp));
  if (ageSeconds > MAX_REQUEST_AGE_SECONDS) throw refuse('stale timestamp');
  const [version, hash] = signature.split('=', 2);
  if (version !== 'v0' || !hash || !/^[0-9a-f]{64}$/.test(hash)) throw refuse('malformed signature');
  const expected = createHmac('sha256', request.signingSecret)
    .update(`v0:${timestamp}:${request.rawBody}`)
    .digest();
  if (!timingSafeEqual(Buffer.from(hash, 'hex'), expected)) throw refuse('signature mismatch');
}
