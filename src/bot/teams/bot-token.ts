// The bot's outbound token: OAuth 2 client credentials (app id + password) at Microsoft Entra, cached until shortly before expiry.
import { z } from 'zod';
import type { Clock } from '../../core/clock.ts';
import { TitanError } from '../../core/errors.ts';

/** Where Bot Connector tokens come from; tests point `loginEndpoint` at a local fake. */
export interface BotTokenOptions {
  appId: string;
  password: string;
  /** Single-tenant bots use their tenant; multi-tenant ones the Bot Framework's. */
  tenantId: string | undefined;
  loginEndpoint: string;
  scope: string;
  fetch: typeof fetch;
  clock: Clock;
}

/** Returns a bearer token for the Bot Connector, fetching a new one only when the cached one is about to expire. */
export type BotTokenSource = () => Promise<string>;

const tokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
});

/** Tokens are renewed this long before Entra says they expire, so none goes stale in flight. */
const RENEW_MS = 5 * 60_000;
const DEFAULT_TENANT = 'botframework.com';

export function createBotTokenSource(options: BotTokenOptions): BotTokenSource {
  const tenant = options.tenantId || DEFAULT_TENANT;
  const url = `${options.loginEndpoint.replace(/\/+$/, '')}/${encodeURIComponent(tenant)}/oauth2/v2.0/token`;
  let cached: { token: string; renewAt: number } | undefined;
  let inflight: Promise<string> | undefined;

  async function fetchToken(): Promise<string> {
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: options.appId,
      client_secret: options.password,
      scope: options.scope,
    });
    let response: Response;
    try {
      response = await options.fetch(url, { method: 'POST', body, signal: AbortSignal.timeout(15_000) });
    } catch (err) {
      throw new TitanError('chat.failed', `Could not reach Microsoft sign-in for the Teams bot token.`, {
        cause: err,
        detail: { endpoint: options.loginEndpoint },
      });
    }
    const parsed = tokenResponse.safeParse(await response.json().catch(() => null));
    if (!response.ok || !parsed.success) {
      // Entra's error body names the problem (AADSTS7000215 …) but never echoes the secret.
      throw new TitanError(
        'auth.unauthorized',
        `Microsoft sign-in refused the Teams bot credentials (HTTP ${response.status}). ` +
          'Check TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID (PATCH /config).',
        { detail: { status: response.status } },
      );
    }
    const now = options.clock.now().getTime();
    cached = { token: parsed.data.access_token, renewAt: now + parsed.data.expires_in * 1000 - RENEW_MS };
    return cached.token;
  }

  return async () => {
    if (cached && options.clock.now().getTime() < cached.renewAt) return cached.token;
    // Concurrent sends share one token request.
    inflight ??= fetchToken().finally(() => {
      inflight = undefined;
    });
    return inflight;
  };
}
