// POST /api/messages as a web-standard handler: loopback check in emulator mode, the token checked before the body is read, the SDK's JWT check, serviceUrl policy, then route.
import type { InvokeResponse } from '@microsoft/teams.api';
import { type AnswerMessageStore, createAnswerMessageStore } from '../../core/chat/answer-messages.ts';
import { type ConversationStore, createConversationStore } from '../../core/chat/conversation-refs.ts';
import { createEventDedupe } from '../../core/chat/event-dedupe.ts';
import { answerTurnDeps, type ChatDoorDeps } from '../chat-door.ts';
import { renderChartPng } from '../render/chart-png.ts';
import { baseConversationId, inboundActivity, tenantOf } from './activity.ts';
import { STREAM_GAP_MS } from './answer-stream.ts';
import type { RenderChart } from './chart-image.ts';
import { type RouteDeps, routeActivity } from './routes.ts';
import { sdkLogger } from './sdk-logger.ts';
import { isLoopbackAddress } from './service-url-policy.ts';
import { createStreamGate } from './stream-gate.ts';
import { createTeamsConnections, type TeamsConnections, type TeamsSettings } from './teams-connections.ts';
import { createTeamsVerifier, type TeamsEndpoints, type TeamsVerifier } from './verify-teams-request.ts';

export interface TeamsDoorOptions extends ChatDoorDeps {
  /** Token-check and sign-in endpoints; Microsoft's public cloud unless a test points them at a fake. */
  endpoints?: Partial<TeamsEndpoints>;
  fetch?: typeof fetch;
  renderChart?: RenderChart;
  /** Least time between a stream's updates; Teams' own pace (STREAM_GAP_MS) unless a test sets it. */
  streamGapMs?: number;
}

/** What the HTTP server knows about the caller that a web Request does not carry. */
export interface RequestInfo {
  /** The TCP peer address (e.g. `c.env.incoming.socket.remoteAddress` under @hono/node-server). */
  remoteAddress?: string;
}

export interface TeamsDoor {
  readonly path: '/api/messages';
  handle(request: Request, info?: RequestInfo): Promise<Response>;
  /** Resolves when every request's background work (answers, welcomes) has finished: tests, graceful shutdown. */
  idle(): Promise<void>;
  /** The Teams settings and connectors (shared with the digest poster). */
  readonly connections: TeamsConnections;
  readonly conversations: ConversationStore;
}

const MAX_BODY_BYTES = 512 * 1024;

const json = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const refuse = (status: number, error: string) => json({ error }, status);

/** The body as text, or undefined once it passes `limit` bytes: the read stops there rather than buffering the rest. */
async function readCapped(request: Request, limit: number): Promise<string | undefined> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) return undefined;
  if (!request.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body) {
    size += chunk.byteLength;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A channel thread's id carries ";messageid=…" on some activities and not on others; the channel is the key. */
function keyedByChannel(store: AnswerMessageStore): AnswerMessageStore {
  return {
    remember: (conversationId, activityId, ref) =>
      store.remember(baseConversationId(conversationId), activityId, ref),
    find: (conversationId, activityId) => store.find(baseConversationId(conversationId), activityId),
  };
}

export function createTeamsDoor(options: TeamsDoorOptions): TeamsDoor {
  const { logger, clock } = options;
  const log = logger.child({ component: 'teams' });
  const connections = createTeamsConnections(options);
  const conversations = createConversationStore({ warehouse: options.warehouse, clock });
  const answers = keyedByChannel(createAnswerMessageStore({ warehouse: options.warehouse, clock }));
  const streams = createStreamGate();
  const dedupe = createEventDedupe({ warehouse: options.warehouse, clock, platform: 'teams', logger: log });
  const turn = answerTurnDeps(options);
  const inFlight = new Set<Promise<void>>();
  const renderChart: RenderChart =
    options.renderChart ?? ((chart, scale) => renderChartPng(chart, { scale }));
  let verifier: { settings: TeamsSettings; ready: Promise<TeamsVerifier> } | undefined;

  const background = (work: () => Promise<void>) => {
    const run = work()
      .catch((err: unknown) => log.error({ err }, 'teams background work failed'))
      .finally(() => inFlight.delete(run));
    inFlight.add(run);
  };

  function depsFor(settings: TeamsSettings, vouched: string | undefined): RouteDeps {
    return {
      ...turn,
      getConfig: options.getConfig,
      logger: log,
      renderChart,
      conversations: {
        remember: (ref, verified) =>
          conversations
            .remember(ref, verified)
            .catch((err: unknown) => log.warn({ err }, 'teams conversation reference not stored')),
        find: conversations.find,
      },
      answers,
      streams,
      streamGapMs: options.streamGapMs ?? STREAM_GAP_MS,
      connect: (ref) => settings.connect(ref, vouched),
      background,
    };
  }

  async function onVerified(
    settings: TeamsSettings,
    body: unknown,
    tokenServiceUrl: string,
  ): Promise<InvokeResponse> {
    const parsed = inboundActivity.safeParse(body);
    if (!parsed.success) return { status: 400, body: { error: 'Not a Bot Framework activity.' } };
    const activity = parsed.data;
    const vouched = settings.emulator ? undefined : tokenServiceUrl;
    if (!settings.policy.permits(activity.serviceUrl, vouched)) {
      log.warn({ serviceUrl: activity.serviceUrl }, 'teams activity refused: its serviceUrl is not trusted');
      return { status: 403, body: { error: 'serviceUrl not trusted; see TEAMS_SERVICE_URL_ALLOWLIST.' } };
    }
    // A single-tenant bot (TEAMS_TENANT_ID set) answers its own organisation only: another tenant's user
    // would otherwise be answered with this business's numbers.
    const tenant = tenantOf(activity);
    if (settings.tenantId && tenant && tenant !== settings.tenantId) {
      log.warn({ tenant }, 'teams activity from another tenant ignored');
      return { status: 200 };
    }
    // Bot Framework redelivers on timeouts; an activity id seen before is acknowledged and not run twice.
    if (
      activity.type === 'message' &&
      activity.id &&
      !(await claimActivity(activity.conversation.id, activity.id))
    )
      return { status: 200 };
    return routeActivity(depsFor(settings, vouched), activity, !settings.emulator);
  }

  async function claimActivity(conversationId: string, activityId: string): Promise<boolean> {
    try {
      return await dedupe.claim(`${conversationId}|${activityId}`);
    } catch (err) {
      // Without the warehouse the retry guard is blind; answering beats silence, and the log says why.
      log.error({ err, activityId }, 'teams activity dedupe unavailable; handling the activity anyway');
      return true;
    }
  }

  function verifierFor(settings: TeamsSettings): Promise<TeamsVerifier> {
    if (verifier?.settings !== settings) {
      const ready = createTeamsVerifier(
        {
          appId: settings.appId,
          tenantId: settings.tenantId,
          token: settings.token,
          endpoints: settings.endpoints,
          logger: sdkLogger(logger),
        },
        ({ body, token }) => onVerified(settings, body, token.serviceUrl),
      );
      verifier = { settings, ready };
    }
    return verifier.ready;
  }

  async function handle(request: Request, info: RequestInfo = {}): Promise<Response> {
    if (request.method !== 'POST') return refuse(405, 'POST only.');
    const settings = connections.current();
    if (settings.emulator && !isLoopbackAddress(info.remoteAddress)) {
      log.warn(
        { remoteAddress: info.remoteAddress ?? 'unknown' },
        'teams request refused: emulator mode takes loopback callers only',
      );
      return refuse(
        403,
        'Teams is in local emulator mode (no TEAMS_APP_ID): only callers on this machine are accepted.',
      );
    }
    const verifier = await verifierFor(settings);
    // The token is checked before the body is read: a caller without one costs no read, however large its body.
    if (!(await verifier.admits(request.headers.get('authorization')))) return refuse(401, 'Unauthorized.');
    const raw = await readCapped(request, MAX_BODY_BYTES);
    if (raw === undefined) return refuse(413, 'The activity is too large.');
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return refuse(400, 'The body is not JSON.');
    }
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => {
      headers[key] = value;
    });
    const result = await verifier.receive(body, headers);
    // The SDK answers 401 with its own reason; ours stays terse (no hint of which check failed).
    if (result.status === 401) return refuse(401, 'Unauthorized.');
    return result.body === undefined
      ? new Response(null, { status: result.status })
      : json(result.body, result.status);
  }

  return {
    path: '/api/messages',
    handle,
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
      await dedupe.idle();
    },
    connections,
    conversations,
  };
}
