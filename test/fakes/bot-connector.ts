// A local Bot Framework on 127.0.0.1: the Bot Connector (records posts and updates), OpenID metadata + JWKS, and an Entra token endpoint.
import { createSign, generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCallWaiter } from '../helpers/call-waiter.ts';

export interface ConnectorCall {
  method: 'POST' | 'PUT';
  /** The conversation id as Titan addressed it (decoded). */
  conversationId: string;
  /** The activity id a PUT replaced. */
  activityId?: string;
  /** The id the fake gave a POSTed activity. */
  createdId?: string;
  body: Record<string, unknown>;
  authorization: string | undefined;
  /** Set when `refuse` turned the call down with this status. */
  refusedWith?: number;
}

/** An error the Bot Connector answers with; `code` is BadArgument unless given. */
export interface Refusal {
  status: number;
  code?: string;
  message: string;
}

export interface TokenRequest {
  tenant: string;
  form: Record<string, string>;
}

export interface FakeBotConnector {
  /** Base URL of everything (`http://127.0.0.1:port`). */
  url: string;
  /** What activities carry as serviceUrl (a path under the base, like Teams' regional ones). */
  serviceUrl: string;
  /** For TeamsDoorOptions.endpoints. */
  endpoints: { openIdMetadataUrl: string; tokenIssuer: string; loginEndpoint: string; botScope: string };
  calls: ConnectorCall[];
  tokenRequests: TokenRequest[];
  /** Requests for the signing keys (the SDK caches them). */
  keyFetches: number;
  /** A Bot Framework token for `appId`, signed with the key the JWKS serves (claims override the defaults). */
  signToken(appId: string, claims?: Record<string, unknown>): string;
  /** The same token signed with a key the JWKS does not hold. */
  forgeToken(appId: string, claims?: Record<string, unknown>): string;
  /** Resolves once `predicate` holds over the recorded calls (checked after every call). */
  waitFor(predicate: (calls: ConnectorCall[]) => boolean, timeoutMs?: number): Promise<void>;
  /**
   * Turns down the calls it returns a status for, as the Bot Connector would: e.g. 403 ContentStreamNotAllowed with
   * one of the messages Teams documents for streams ("Content stream is not allowed", "… was cancelled by user.").
   */
  refuse: ((call: ConnectorCall) => Refusal | undefined) | undefined;
  /**
   * Takes the calls it returns true for (recorded, and a final streamed message completes its stream) but drops the
   * connection instead of answering, as when Teams' reply is lost on the way back.
   */
  hangUp: ((call: ConnectorCall) => boolean) | undefined;
  /** The bearer token the token endpoint issues for a client id and secret. */
  readonly issuedToken: string;
  close(): Promise<void>;
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function signJwt(claims: Record<string, unknown>, key: KeyObject, kid: string): string {
  const head = `${b64url({ alg: 'RS256', typ: 'JWT', kid })}.${b64url(claims)}`;
  return `${head}.${createSign('RSA-SHA256').update(head).sign(key).toString('base64url')}`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** RSA key generation is the slowest part of a fake; every fake in a test process shares one pair of pairs. */
let keys:
  | { signing: { privateKey: KeyObject; publicKey: KeyObject }; rogue: { privateKey: KeyObject } }
  | undefined;
function testKeys() {
  keys ??= {
    signing: generateKeyPairSync('rsa', { modulusLength: 2048 }),
    rogue: generateKeyPairSync('rsa', { modulusLength: 2048 }),
  };
  return keys;
}

export async function startFakeBotConnector(
  options: { clientId?: string; clientSecret?: string } = {},
): Promise<FakeBotConnector> {
  const { signing, rogue } = testKeys();
  const kid = `kid-${randomUUID()}`;
  const jwk = {
    ...signing.publicKey.export({ format: 'jwk' }),
    kid,
    use: 'sig',
    alg: 'RS256',
    endorsements: ['msteams'],
  };
  const calls: ConnectorCall[] = [];
  const tokenRequests: TokenRequest[] = [];
  const waiter = createCallWaiter(calls, {
    fake: 'fake Bot Connector',
    seen: (all) => `${all.length} calls`,
  });
  let seq = 0;
  /** Streams whose final message was taken: Teams refuses any streaming request to them. */
  const completed = new Set<string>();
  const streamOf = (call: ConnectorCall) => {
    const channel = (call.body.channelData ?? {}) as { streamType?: string; streamId?: string };
    return { type: channel.streamType, id: channel.streamId ?? (call.body.id as string | undefined) };
  };
  const toCompleted = (call: ConnectorCall): Refusal | undefined => {
    const stream = streamOf(call);
    return stream.type && stream.id && completed.has(stream.id)
      ? {
          status: 403,
          code: 'ContentStreamNotAllowed',
          message: 'Content stream is not allowed on a already completed streamed message',
        }
      : undefined;
  };
  let base = '';
  const issuedToken = signJwt(
    { aud: 'https://api.botframework.com', iss: 'fake-entra', exp: 4102444800 },
    signing.privateKey,
    kid,
  );

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    const text = await readBody(req);
    if (req.method === 'GET' && url.pathname === '/v1/.well-known/openidconfiguration') {
      return send(res, 200, {
        issuer: 'https://api.botframework.com',
        jwks_uri: `${base}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
      });
    }
    if (req.method === 'GET' && url.pathname === '/v1/.well-known/keys') {
      fake.keyFetches++;
      return send(res, 200, { keys: [jwk] });
    }
    const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname);
    if (req.method === 'POST' && token) {
      const form = Object.fromEntries(new URLSearchParams(text));
      tokenRequests.push({ tenant: decodeURIComponent(token[1]!), form });
      const ok =
        form.grant_type === 'client_credentials' &&
        form.client_id === options.clientId &&
        form.client_secret === options.clientSecret;
      return ok
        ? send(res, 200, { token_type: 'Bearer', expires_in: 3599, access_token: issuedToken })
        : send(res, 401, {
            error: 'invalid_client',
            error_description: 'AADSTS7000215: Invalid client secret.',
          });
    }
    const activity = /^\/teams\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(url.pathname);
    if (activity && (req.method === 'POST' || req.method === 'PUT')) {
      const call: ConnectorCall = {
        method: req.method,
        conversationId: decodeURIComponent(activity[1]!),
        ...(activity[2] ? { activityId: decodeURIComponent(activity[2]) } : {}),
        body: JSON.parse(text) as Record<string, unknown>,
        authorization: req.headers.authorization,
      };
      const refusal = toCompleted(call) ?? fake.refuse?.(call);
      if (refusal) {
        calls.push({ ...call, refusedWith: refusal.status });
        waiter.notify();
        const error = { code: refusal.code ?? 'BadArgument', message: refusal.message };
        return send(res, refusal.status, { error });
      }
      if (req.method === 'POST') call.createdId = `activity-${++seq}`;
      calls.push(call);
      waiter.notify();
      const stream = streamOf(call);
      if (stream.type === 'final' && stream.id) completed.add(stream.id);
      if (fake.hangUp?.(call)) {
        req.socket.destroy();
        return;
      }
      return send(res, req.method === 'POST' ? 201 : 200, { id: call.createdId ?? call.activityId });
    }
    send(res, 404, { error: { code: 'NotFound', message: `${req.method} ${url.pathname}` } });
  }

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => send(res, 500, { error: String(err) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const claimsFor = (appId: string, claims: Record<string, unknown>) => {
    const now = Math.floor(Date.now() / 1000);
    return {
      iss: 'https://api.botframework.com',
      aud: appId,
      serviceurl: `${base}/teams/`,
      nbf: now - 60,
      exp: now + 3600,
      ...claims,
    };
  };

  const fake: FakeBotConnector = {
    url: base,
    serviceUrl: `${base}/teams/`,
    endpoints: {
      openIdMetadataUrl: `${base}/v1/.well-known/openidconfiguration`,
      tokenIssuer: 'https://api.botframework.com',
      loginEndpoint: base,
      botScope: 'https://api.botframework.com/.default',
    },
    calls,
    tokenRequests,
    keyFetches: 0,
    refuse: undefined,
    hangUp: undefined,
    issuedToken,
    signToken: (appId, claims = {}) => signJwt(claimsFor(appId, claims), signing.privateKey, kid),
    forgeToken: (appId, claims = {}) => signJwt(claimsFor(appId, claims), rogue.privateKey, kid),
    waitFor: waiter.waitFor,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
  return fake;
}
