// The Teams settings as configured right now (app id, password, tenant, allowlist) and what they make: token source, policy, connectors.
import type { ConversationRef } from '../../core/chat/conversation-refs.ts';
import type { Clock } from '../../core/clock.ts';
import type { ConfigValues } from '../../core/config/schema.ts';
import { TitanError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import { type BotTokenSource, createBotTokenSource } from './bot-token.ts';
import { openConversation, type TeamsConversation } from './connector.ts';
import { sdkLogger } from './sdk-logger.ts';
import { createServiceUrlPolicy, type ServiceUrlPolicy } from './service-url-policy.ts';
import { PUBLIC_ENDPOINTS, type TeamsEndpoints } from './verify-teams-request.ts';

export interface TeamsSettings {
  /** Undefined: local/emulator mode (no JWT check, loopback callers only). */
  appId: string | undefined;
  tenantId: string | undefined;
  emulator: boolean;
  policy: ServiceUrlPolicy;
  token: BotTokenSource | undefined;
  endpoints: TeamsEndpoints;
  /**
   * A conversation to post to. `vouchedServiceUrl` is the service URL a verified token (now or when the
   * reference was captured) named; without it only the allowlist (or loopback in emulator mode) permits sending.
   */
  connect(ref: ConversationRef, vouchedServiceUrl?: string): TeamsConversation;
}

export interface TeamsConnectionsOptions {
  getConfig: () => ConfigValues;
  logger: Logger;
  clock: Clock;
  endpoints?: Partial<TeamsEndpoints>;
  fetch?: typeof fetch;
}

export interface TeamsConnections {
  /** Settings for the configuration as it is now; rebuilt only when a Teams key changed. */
  current(): TeamsSettings;
}

const EMULATOR_WARNING =
  'Teams: TEAMS_APP_ID is not set, so POST /api/messages runs in local emulator mode: requests are not ' +
  'authenticated and only callers on this machine are accepted. Set TEAMS_APP_ID, TEAMS_APP_PASSWORD and ' +
  'TEAMS_TENANT_ID (PATCH /config) to connect Microsoft Teams.';

function missingPassword(): BotTokenSource {
  return async () => {
    throw new TitanError(
      'config.invalid',
      'TEAMS_APP_PASSWORD is not set, so Titan cannot reply in Teams. Set it with PATCH /config.',
      { detail: { key: 'TEAMS_APP_PASSWORD' } },
    );
  };
}

export function createTeamsConnections(options: TeamsConnectionsOptions): TeamsConnections {
  const endpoints: TeamsEndpoints = { ...PUBLIC_ENDPOINTS, ...options.endpoints };
  const log = options.logger.child({ component: 'teams' });
  const clientLogger = sdkLogger(options.logger, 'teams-client');
  let cached: { key: string; settings: TeamsSettings } | undefined;

  function build(config: ConfigValues): TeamsSettings {
    const appId = config.TEAMS_APP_ID;
    const tenantId = config.TEAMS_TENANT_ID;
    const emulator = appId === undefined;
    const policy = createServiceUrlPolicy({ allowlist: config.TEAMS_SERVICE_URL_ALLOWLIST, emulator });
    const password = config.TEAMS_APP_PASSWORD;
    const token = emulator
      ? undefined
      : password === undefined
        ? missingPassword()
        : createBotTokenSource({
            appId,
            password,
            tenantId,
            loginEndpoint: endpoints.loginEndpoint,
            scope: endpoints.botScope,
            fetch: options.fetch ?? fetch,
            clock: options.clock,
          });
    if (emulator) log.warn(EMULATOR_WARNING);
    else log.info({ appId, tenantId: tenantId ?? 'multi-tenant' }, 'Teams: verifying Bot Framework tokens');
    return {
      appId,
      tenantId,
      emulator,
      policy,
      token,
      endpoints,
      connect: (ref, vouched) =>
        openConversation(ref, {
          token,
          permits: (url) => policy.permits(url, vouched),
          logger: clientLogger,
        }),
    };
  }

  return {
    current() {
      const config = options.getConfig();
      const key = JSON.stringify([
        config.TEAMS_APP_ID,
        config.TEAMS_APP_PASSWORD,
        config.TEAMS_TENANT_ID,
        config.TEAMS_SERVICE_URL_ALLOWLIST,
      ]);
      if (cached?.key !== key) cached = { key, settings: build(config) };
      return cached.settings;
    },
  };
}
