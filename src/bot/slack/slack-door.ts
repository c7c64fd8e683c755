// POST /slack/events as a web-standard handler: verify first, dedupe retries, ack within 3 s, then work in Bolt.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { webApi } from '@slack/bolt';
import { createEventDedupe } from '../../core/chat/event-dedupe.ts';
import type { ConfigValues } from '../../core/config/schema.ts';
import { TitanError } from '../../core/errors.ts';
import { createAskQueue } from '../ask-queue.ts';
import { answerTurnDeps, type ChatDoorDeps, defaultAskQueue } from '../chat-door.ts';
import { renderChartPng } from '../render/chart-png.ts';
import { type BoltAppHandle, createBoltApp, type SlackInstallation } from './bolt-app.ts';
import { parseSlackBody } from './parse-slack-body.ts';
import { registerRoutes } from './routes.ts';
import { verifySlackRequest } from './verify-slack-request.ts';
import { workspacesOf } from './workspace-of.ts';

export interface SlackDoorOptions extends ChatDoorDeps {
  /** Slack gives 3 s; past this the request is acknowledged anyway and the work goes on. */
  ackTimeoutMs?: number;
  /** Analyst runs (and chart renders) at once when no shared `queue` is given; defaultAskQueue otherwise. */
  askConcurrency?: number;
  retryConfig?: webApi.RetryOptions;
}

export interface SlackDoor {
  handle(request: Request): Promise<Response>;
  /** A Web API client for the configured bot token (for the digest), or undefined while none is set. */
  client(): webApi.WebClient | undefined;
  /**
   * Builds the app for the configured token and checks it with auth.test, so the first Slack request does not
   * wait on either. Call at start-up and when the Slack keys change; undefined while no token is set.
   * Rejects (chat.failed, naming Slack's error, e.g. invalid_auth) when the token is refused.
   */
  warmUp(): Promise<SlackInstallation | undefined>;
  /** Resolves when every request's background work has finished (tests, graceful shutdown). */
  idle(): Promise<void>;
}

/** Larger bodies are not Slack's; refuse them before hashing. */
const MAX_BODY_BYTES = 1_000_000;

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** What ack(response) sends back: nothing, a text, or a message object (slash commands). */
function ackResponse(response: unknown): Response {
  if (response === undefined || response === null || response === '')
    return new Response(null, { status: 200 });
  if (typeof response === 'string') return new Response(response, { status: 200 });
  return json(response);
}

export function createSlackDoor(options: SlackDoorOptions): SlackDoor {
  const { getConfig, logger, clock } = options;
  const log = logger.child({ component: 'slack' });
  const dedupe = createEventDedupe({ warehouse: options.warehouse, clock, platform: 'slack', logger: log });
  const turn = answerTurnDeps(options);
  const queue =
    options.queue ??
    (options.askConcurrency === undefined
      ? defaultAskQueue(options.warehouse)
      : createAskQueue(options.askConcurrency));
  const inFlight = new Set<Promise<void>>();
  let built: { key: string; handle: BoltAppHandle } | undefined;

  function appFor(config: ConfigValues): BoltAppHandle | undefined {
    const token = config.SLACK_BOT_TOKEN;
    if (!token) return undefined;
    const apiUrl = config.SLACK_API_URL ?? 'https://slack.com/api/';
    const key = `${token}\n${apiUrl}`;
    if (built?.key === key) return built.handle;
    const handle = createBoltApp({
      token,
      apiUrl,
      logger: log,
      ...(options.retryConfig ? { retryConfig: options.retryConfig } : {}),
    });
    registerRoutes(handle.app, {
      ...turn,
      getConfig,
      queue,
      logger: log,
      renderChart: (chart) => renderChartPng(chart),
    });
    built = { key, handle };
    log.info('slack app ready for the configured bot token');
    return handle;
  }

  /** Hands the body to Bolt; resolves with the ack (or an empty 200 if Bolt finished or stalled without one). */
  async function dispatch(
    handle: BoltAppHandle,
    body: Record<string, unknown>,
    headers: Headers,
  ): Promise<Response> {
    let acked: (response: Response) => void = () => {};
    const ackPromise = new Promise<Response>((resolve) => {
      acked = resolve;
    });
    const retryNum = Number(headers.get('x-slack-retry-num') ?? Number.NaN);
    const retryReason = headers.get('x-slack-retry-reason') ?? undefined;
    const work = handle.app
      .processEvent({
        body,
        ack: async (response?: unknown) => {
          acked(ackResponse(response));
          // Bolt runs the listeners once ack() returns: the turn lets this reply (and the other requests
          // already read) be written first, so a burst's acks never queue behind its placeholder posts.
          await nextTurn();
        },
        ...(Number.isFinite(retryNum) ? { retryNum } : {}),
        ...(retryReason ? { retryReason } : {}),
      })
      .catch((err: unknown) => log.error({ err }, 'slack event processing failed'))
      .finally(() => inFlight.delete(work));
    inFlight.add(work);
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<Response>((resolve) => {
      timer = setTimeout(() => resolve(new Response(null, { status: 200 })), options.ackTimeoutMs ?? 2500);
    });
    const finished = work.then(() => new Response(null, { status: 200 }));
    return Promise.race([ackPromise, finished, stalled]).finally(() => clearTimeout(timer));
  }

  async function handle(request: Request): Promise<Response> {
    if (request.method !== 'POST') return json({ error: 'Slack sends POST requests only.' }, 405);
    if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) {
      return json({ error: 'Request body too large for a Slack request.' }, 413);
    }
    const rawBody = await request.text();
    const config = getConfig();
    const signingSecret = config.SLACK_SIGNING_SECRET;
    if (!signingSecret) {
      return json({ error: 'Slack is not configured: set SLACK_SIGNING_SECRET with PATCH /config.' }, 503);
    }
    try {
      verifySlackRequest({
        signingSecret,
        signature: request.headers.get('x-slack-signature'),
        timestamp: request.headers.get('x-slack-request-timestamp'),
        rawBody,
        nowMs: clock.now().getTime(),
      });
    } catch (err) {
      log.warn(
        { reason: err instanceof TitanError ? err.detail?.reason : 'unknown' },
        'slack request refused',
      );
      return new Response(null, { status: 401 });
    }

    let parsed: ReturnType<typeof parseSlackBody>;
    try {
      parsed = parseSlackBody(rawBody, request.headers.get('content-type'));
    } catch (err) {
      return json({ error: err instanceof Error ? err.message : 'Bad Slack request.' }, 400);
    }
    if (parsed.kind === 'url_verification') return json({ challenge: parsed.challenge });
    if (parsed.kind === 'ssl_check') return new Response(null, { status: 200 });

    if (parsed.kind === 'event' && !(await claimEvent(parsed.eventId))) {
      log.info(
        { eventId: parsed.eventId, retry: request.headers.get('x-slack-retry-num') },
        'slack retry ignored',
      );
      return new Response(null, { status: 200, headers: { 'x-slack-no-retry': '1' } });
    }
    const app = appFor(config);
    if (!app) {
      log.warn('slack request received but SLACK_BOT_TOKEN is not set; PATCH /config to answer');
      return parsed.kind === 'command'
        ? new Response('Titan is not connected to Slack yet: an admin must set SLACK_BOT_TOKEN.', {
            status: 200,
          })
        : new Response(null, { status: 200 });
    }
    if (await notOurs(app, parsed.kind, workspacesOf(parsed))) return new Response(null, { status: 200 });
    return dispatch(app, parsed.body, request.headers);
  }

  /**
   * Titan answers only the workspace its bot token belongs to: a request naming another one anywhere (an app
   * distributed by mistake, a replayed payload, a shared channel's other company) would otherwise be answered
   * with this business's numbers. One naming no workspace cannot be shown to be ours, so it is refused too;
   * Slack names one on every event, command and press it sends.
   */
  async function notOurs(app: BoltAppHandle, kind: string, teams: string[]): Promise<boolean> {
    if (teams.length === 0) {
      log.warn({ kind }, 'slack request naming no workspace ignored');
      return true;
    }
    // If Slack cannot say who we are, Bolt's own authorize fails the request as well; nothing is answered.
    const ours = await app.installation().then(
      (installation) => installation.teamId,
      () => '',
    );
    const others = teams.filter((team) => team !== ours);
    if (ours === '' || others.length === 0) return false;
    log.warn({ kind, teams: others }, 'slack request from another workspace ignored');
    return true;
  }

  async function claimEvent(eventId: string): Promise<boolean> {
    try {
      return await dedupe.claim(eventId);
    } catch (err) {
      // Without the warehouse the retry guard is blind; answering beats silence, and the log says why.
      log.error({ err, eventId }, 'slack event dedupe unavailable; handling the event anyway');
      return true;
    }
  }

  return {
    handle,
    client: () => appFor(getConfig())?.client,
    warmUp: async () => appFor(getConfig())?.installation(),
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
