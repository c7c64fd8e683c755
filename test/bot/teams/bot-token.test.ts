// The bot's outbound token: client credentials at the (fake) Entra token endpoint, cached until near expiry.
import { afterEach, describe, expect, it } from 'vitest';
import { createBotTokenSource } from '../../../src/bot/teams/bot-token.ts';
import { TitanError } from '../../../src/core/errors.ts';
import { type FakeBotConnector, startFakeBotConnector } from '../../fakes/bot-connector.ts';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const PASSWORD = 'test-teams-app-password-0001';

describe('Teams bot token', () => {
  let fake: FakeBotConnector;
  afterEach(async () => fake?.close());

  function source(password: string, now: () => number) {
    return createBotTokenSource({
      appId: APP_ID,
      password,
      tenantId: undefined,
      loginEndpoint: fake.endpoints.loginEndpoint,
      scope: fake.endpoints.botScope,
      fetch,
      clock: { now: () => new Date(now()) },
    });
  }

  it('fetches once for concurrent callers, reuses it, and renews it five minutes before it expires', async () => {
    fake = await startFakeBotConnector({ clientId: APP_ID, clientSecret: PASSWORD });
    let now = Date.parse('2026-01-15T04:30:00Z');
    const token = source(PASSWORD, () => now);
    expect(await Promise.all([token(), token(), token()])).toEqual(Array(3).fill(fake.issuedToken));
    expect(fake.tokenRequests).toHaveLength(1);
    // Multi-tenant bots get their token from the Bot Framework's tenant.
    expect(fake.tokenRequests[0]!.tenant).toBe('botframework.com');

    now += 3599_000 - 5 * 60_000 - 1000;
    await token();
    expect(fake.tokenRequests).toHaveLength(1);
    now += 2000;
    await token();
    expect(fake.tokenRequests).toHaveLength(2);
  });

  it('says which keys to check when Entra refuses, without the password', async () => {
    fake = await startFakeBotConnector({ clientId: APP_ID, clientSecret: PASSWORD });
    const err = await source('wrong-password-000', () => Date.now())().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TitanError);
    expect((err as TitanError).message).toBe(
      'Microsoft sign-in refused the Teams bot credentials (HTTP 401). Check TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID (PATCH /config).',
    );
    expect(JSON.stringify({ ...(err as TitanError), message: (err as TitanError).message })).not.toContain(
      'wrong-password-000',
    );
  });
});
