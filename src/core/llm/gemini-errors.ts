// Turns whatever @google/genai throws into a TitanError that says what to do next (and never holds the key).
import { z } from 'zod';
import { TitanError } from '../errors.ts';

/** The parts of a failed call that decide whether to retry and what to tell the operator. */
export interface GeminiFailure {
  /** HTTP status, absent for network failures and timeouts. */
  status?: number;
  /** google.rpc status ("RESOURCE_EXHAUSTED") and ErrorInfo reason ("API_KEY_INVALID"). */
  googleStatus?: string;
  reason?: string;
  message: string;
  /** Delay the server asked for in a RetryInfo detail. */
  retryDelayMs?: number;
  timedOut: boolean;
}

const errorBody = z.object({
  error: z.object({
    message: z.string().optional(),
    status: z.string().optional(),
    details: z
      .array(
        z.looseObject({
          '@type': z.string().optional(),
          reason: z.string().optional(),
          retryDelay: z.string().optional(),
        }),
      )
      .optional(),
  }),
});

/** Parses a protobuf Duration in JSON form ("7s", "0.25s") into milliseconds. */
export function parseDurationMs(value: string | undefined): number | undefined {
  const m = value?.match(/^(\d+(?:\.\d+)?)s$/);
  return m ? Math.round(Number(m[1]) * 1000) : undefined;
}

function parseBody(message: string): z.infer<typeof errorBody>['error'] | undefined {
  try {
    const parsed = errorBody.safeParse(JSON.parse(message));
    return parsed.success ? parsed.data.error : undefined;
  } catch {
    return undefined;
  }
}

const isAbort = (err: unknown): boolean =>
  err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError');

/**
 * The SDK's ApiError, known by its name and status rather than `instanceof`: this module is loaded before the SDK
 * is (it is loaded only once a key is set), and a check by shape needs no class.
 */
const isApiError = (err: unknown): err is Error & { status: number } =>
  err instanceof Error && err.name === 'ApiError' && typeof (err as { status?: unknown }).status === 'number';

/**
 * Reads a failed call into a GeminiFailure without mapping it: the retry loop decides from the status and the
 * server's delay on every attempt, and only the attempt it gives up on becomes a TitanError (`fromGeminiError`).
 */
export function describeGeminiError(err: unknown): GeminiFailure {
  if (isApiError(err)) {
    const body = parseBody(err.message);
    const details = body?.details ?? [];
    const failure: GeminiFailure = {
      status: err.status,
      message: body?.message ?? err.message,
      timedOut: false,
    };
    if (body?.status) failure.googleStatus = body.status;
    const reason = details.find((d) => d.reason)?.reason;
    if (reason) failure.reason = reason;
    const retryDelayMs = parseDurationMs(details.find((d) => d['@type']?.endsWith('RetryInfo'))?.retryDelay);
    if (retryDelayMs !== undefined) failure.retryDelayMs = retryDelayMs;
    return failure;
  }
  const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return {
    message: err instanceof Error ? `${err.message}${cause}` : String(err),
    timedOut: isAbort(err),
  };
}

/** 429 and 5xx are worth another try; a timeout already waited the full budget and is not. */
export const isRetryable = (f: GeminiFailure): boolean =>
  f.status !== undefined && (f.status === 429 || f.status >= 500);

const KEY_REASONS = new Set(['API_KEY_INVALID', 'API_KEY_EXPIRED', 'API_KEY_SERVICE_BLOCKED']);

/** The TitanError a caller sees once retries are spent; takes the described failure the retry loop already read. */
export function fromGeminiError(
  f: GeminiFailure,
  context: { model: string; timeoutMs: number; attempts: number; cause: unknown },
): TitanError {
  const { model, timeoutMs, attempts, cause } = context;
  const label = [f.status, f.googleStatus, f.reason].filter(Boolean).join(' ');
  const detail = { status: f.status ?? null, reason: f.reason ?? f.googleStatus ?? null, model };
  const fail = (message: string) => new TitanError('llm.failed', message, { cause, detail });
  if ((f.status === 400 && f.reason !== undefined && KEY_REASONS.has(f.reason)) || f.status === 401) {
    return new TitanError(
      'llm.key_invalid',
      `Gemini rejected GEMINI_API_KEY (${label}). Set a valid key from Google AI Studio with ` +
        'PATCH /config {"GEMINI_API_KEY": "…"}; until then Titan answers offline.',
      { cause, detail },
    );
  }
  if (f.status === 403) {
    return new TitanError(
      'llm.key_invalid',
      `Gemini refused GEMINI_API_KEY (${label}): the key's project may not have the Generative Language ` +
        'API enabled or the key is restricted. Fix the key or its project; until then Titan answers offline.',
      { cause, detail },
    );
  }
  if (f.status === 404) {
    return fail(
      `Gemini has no model "${model}" (404). Set GEMINI_MODEL to a current model such as gemini-2.5-flash.`,
    );
  }
  if (f.status === 429) {
    return fail(
      `Gemini is rate-limiting Titan (${label}) after ${attempts} attempt(s); try again shortly or raise the project's quota.`,
    );
  }
  if (f.timedOut) {
    return fail(
      `Gemini did not answer within ${Math.round(timeoutMs / 1000)} s; Titan answers offline meanwhile.`,
    );
  }
  if (f.status !== undefined) {
    return fail(`Gemini failed (${label}) after ${attempts} attempt(s): ${f.message.slice(0, 200)}`);
  }
  return fail(`Could not reach Gemini (${f.message.slice(0, 200)}); check GEMINI_BASE_URL and the network.`);
}
