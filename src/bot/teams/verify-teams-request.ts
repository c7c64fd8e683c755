// The Teams SDK's receiving half on a web-standard door: its HTTP server validates Bot Framework JWTs, then hands us the activity.
import { type CloudEnvironment, type InvokeResponse, type IToken, PUBLIC } from '@microsoft/teams.api';
import { App, type HttpRouteHandler, type IHttpServerAdapter } from '@microsoft/teams.apps';
// Not in the package index; App's own HTTP server checks tokens with it.
import { ServiceTokenValidator } from '@microsoft/teams.apps/dist/middleware/auth/service-token-validator.js';
import type { ILogger } from '@microsoft/teams.common';
import type { BotTokenSource } from './bot-token.ts';

/** Where Bot Framework tokens are checked; tests point these at a local fake serving its own keys. */
export interface TeamsEndpoints {
  /** The OpenID metadata document; the SDK reads signing keys from its sibling `/keys` (as login.botframework.com serves them). */
  openIdMetadataUrl: string;
  /** The `iss` every Bot Framework token carries. */
  tokenIssuer: string;
  /** Microsoft Entra, where the bot's own outbound token comes from. */
  loginEndpoint: string;
  /** The scope of that token. */
  botScope: string;
}

export const PUBLIC_ENDPOINTS: TeamsEndpoints = {
  openIdMetadataUrl: PUBLIC.openIdMetadataUrl,
  tokenIssuer: PUBLIC.tokenIssuer,
  loginEndpoint: PUBLIC.loginEndpoint,
  botScope: PUBLIC.botScope,
};

export interface VerifierSettings {
  /** TEAMS_APP_ID; undefined is emulator mode (no token check). */
  appId: string | undefined;
  tenantId: string | undefined;
  token: BotTokenSource | undefined;
  endpoints: TeamsEndpoints;
  logger: ILogger;
}

/** A request that passed the SDK's checks: the activity body and what the verified token said. */
export interface VerifiedActivity {
  body: unknown;
  token: IToken;
}

export interface TeamsVerifier {
  /**
   * Whether the Authorization header alone passes the SDK's token check (signature, issuer, audience, expiry), so
   * the door reads no body for a caller without a valid token. Always true in emulator mode (no token check).
   */
  admits(authorization: string | null): Promise<boolean>;
  /** Runs the SDK's checks on a POST /api/messages; `onActivity` runs only for requests that pass. */
  receive(body: unknown, headers: Record<string, string>): Promise<{ status: number; body?: unknown }>;
}

/** Captures the one route the SDK registers, so our own server (Hono) can call it. */
function captureRoute(): { adapter: IHttpServerAdapter; route: () => HttpRouteHandler } {
  let handler: HttpRouteHandler | undefined;
  return {
    adapter: {
      registerRoute: (_method, _path, h) => {
        handler = h;
      },
    },
    route: () => {
      if (!handler) throw new Error('Teams SDK registered no messaging route');
      return handler;
    },
  };
}

export async function createTeamsVerifier(
  settings: VerifierSettings,
  onActivity: (activity: VerifiedActivity) => Promise<InvokeResponse>,
): Promise<TeamsVerifier> {
  const { adapter, route } = captureRoute();
  const cloud: CloudEnvironment = {
    ...PUBLIC,
    openIdMetadataUrl: settings.endpoints.openIdMetadataUrl,
    tokenIssuer: settings.endpoints.tokenIssuer,
    loginEndpoint: settings.endpoints.loginEndpoint,
    botScope: settings.endpoints.botScope,
  };
  const token = settings.token;
  const app = new App({
    // Explicit values (never undefined) keep the SDK from reading CLIENT_ID / TENANT_ID / CLOUD from the environment.
    clientId: settings.appId ?? '',
    tenantId: settings.tenantId ?? '',
    ...(token ? { token: () => token() } : {}),
    dangerouslyAllowUnauthenticatedRequests: settings.appId === undefined,
    cloud,
    logger: settings.logger,
    httpServerAdapter: adapter,
  });
  // The SDK's own router is not used: Titan routes the verified activity itself (routes.ts).
  app.server.onRequest = (event) => onActivity({ body: event.body, token: event.token });
  await app.initialize();
  const handler = route();
  // The SDK's route takes the body with the headers, so its check cannot run before the body is read; the same
  // validator on the header alone can. The route still runs the full check, which ties the token to the serviceUrl.
  const tokens =
    settings.appId === undefined
      ? undefined
      : new ServiceTokenValidator(settings.appId, settings.tenantId, undefined, settings.logger, cloud);
  return {
    admits: async (authorization) => {
      if (!tokens) return true;
      if (!authorization) return false;
      return tokens.check(authorization, {}).then(
        () => true,
        () => false,
      );
    },
    receive: (body, headers) => handler({ body, headers }),
  };
}
