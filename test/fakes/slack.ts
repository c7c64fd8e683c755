// A local Slack Web API on 127.0.0.1: records every call with its decoded body, answers like Slack, fails on demand.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCallWaiter } from '../helpers/call-waiter.ts';

export interface RecordedCall {
  /** Web API method ("chat.postMessage"), "upload" for a file upload URL, "response_url" for respond(). */
  method: string;
  body: Record<string, unknown>;
  /** What the fake answered (Web API methods only). */
  response?: Record<string, unknown>;
  /** Bytes received by an upload URL. */
  bytes?: number;
  authorization: string | undefined;
  /** When the call arrived: performance.timeOrigin + performance.now(), comparable across threads. */
  at: number;
}

/** A scripted failure for the next call(s) of a method. */
export type FakeFailure = { error: string } | { rateLimitedSeconds: number };

export interface FakeSlackOptions {
  teamId?: string;
  botUserId?: string;
  botId?: string;
  /** Added before every answer (bench: a realistic Slack round trip). */
  latencyMs?: number;
  /**
   * Whether chat.startStream works. Off, it fails as Slack does for a workspace that does not offer streaming,
   * and Titan answers with a placeholder instead (most tests); on, the chat.*Stream methods answer as documented.
   */
  streaming?: boolean;
}

export interface FakeSlack {
  /** Web API base URL for `SLACK_API_URL` (ends with a slash). */
  apiUrl: string;
  /** A response_url that records what respond() sends. */
  responseUrl: string;
  teamId: string;
  botUserId: string;
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** The next `times` calls to `method` fail this way. */
  failNext(method: string, failure: FakeFailure, times?: number): void;
  /** Resolves once `predicate` holds over the recorded calls (checked after every call). */
  waitFor(predicate: (calls: RecordedCall[]) => boolean, timeoutMs?: number): Promise<void>;
  reset(): void;
  close(): Promise<void>;
}

/** Web API arguments arrive url-encoded with objects JSON-encoded; decode those back. */
function decodeForm(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    out[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return out;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const teamId = options.teamId ?? 'T111';
  const botUserId = options.botUserId ?? 'UBOT';
  const calls: RecordedCall[] = [];
  const failures = new Map<string, FakeFailure[]>();
  const waiter = createCallWaiter(calls, {
    fake: 'fake Slack',
    seen: (all) => `calls: ${all.map((c) => c.method).join(', ')}`,
  });
  let seq = 0;
  let base = '';

  const nextTs = () => `1700000000.${String(++seq).padStart(6, '0')}`;

  function answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://titan-test.slack.com/',
          team: 'Titan Test',
          user: 'titan',
          team_id: teamId,
          user_id: botUserId,
          bot_id: options.botId ?? 'BBOT',
        };
      case 'chat.postMessage': {
        const ts = nextTs();
        return {
          ok: true,
          channel: body.channel,
          ts,
          message: { type: 'message', user: botUserId, ts, text: body.text },
        };
      }
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: body.ts, text: body.text };
      // docs.slack.dev/reference/methods/chat.startStream (appendStream, stopStream): the stream's ts comes back.
      case 'chat.startStream':
        return options.streaming
          ? { ok: true, channel: body.channel, ts: nextTs() }
          : { ok: false, error: 'feature_not_enabled' };
      case 'chat.appendStream':
        return { ok: true, channel: body.channel, ts: body.ts };
      case 'chat.stopStream':
        return {
          ok: true,
          channel: body.channel,
          ts: body.ts,
          message: { ts: body.ts, blocks: body.blocks },
        };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'files.getUploadURLExternal': {
        const fileId = `F${String(++seq).padStart(6, '0')}`;
        return { ok: true, upload_url: `${base}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal':
        return {
          ok: true,
          files: (body.files as { id: string; title?: string }[]).map((f) => ({ id: f.id, title: f.title })),
        };
      case 'conversations.replies':
        return { ok: true, messages: [], has_more: false };
      default:
        return { ok: true };
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    const url = req.url ?? '/';
    const authorization = req.headers.authorization;
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(typeof payload === 'string' ? payload : JSON.stringify(payload));
    };

    if (url.startsWith('/upload/')) {
      record({
        method: 'upload',
        body: { fileId: url.slice('/upload/'.length) },
        bytes: raw.length,
        authorization,
      });
      return send(200, `OK - ${raw.length}`);
    }
    if (url.startsWith('/response')) {
      record({
        method: 'response_url',
        body: safeJson(raw.toString('utf8')) as Record<string, unknown>,
        authorization,
      });
      return send(200, 'ok');
    }
    const method = url.replace(/^\/api\//, '').split('?')[0]!;
    const contentType = req.headers['content-type'] ?? '';
    const body = contentType.includes('json')
      ? (safeJson(raw.toString('utf8')) as Record<string, unknown>)
      : decodeForm(raw.toString('utf8'));
    const failure = failures.get(method)?.shift();
    if (failure && 'rateLimitedSeconds' in failure) {
      const response = { ok: false, error: 'ratelimited' };
      record({ method, body, response, authorization });
      return send(429, response, { 'retry-after': String(failure.rateLimitedSeconds) });
    }
    const response = failure ? { ok: false, error: failure.error } : answer(method, body);
    record({ method, body, response, authorization });
    send(200, response);
  }

  function record(call: Omit<RecordedCall, 'at'>): void {
    calls.push({ ...call, at: performance.timeOrigin + performance.now() });
    waiter.notify();
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.writeHead(500);
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: `${base}/response/1`,
    teamId,
    botUserId,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    failNext(method, failure, times = 1) {
      const list = failures.get(method) ?? [];
      for (let i = 0; i < times; i++) list.push(failure);
      failures.set(method, list);
    },
    waitFor: waiter.waitFor,
    reset() {
      calls.length = 0;
      failures.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Headers Slack would send with `rawBody` (v0 HMAC-SHA256 of `v0:{ts}:{body}`). */
export function slackSignatureHeaders(
  signingSecret: string,
  rawBody: string,
  timestampSeconds: number,
): Record<string, string> {
  const ts = String(timestampSeconds);
  const hmac = createHmac('sha256', signingSecret).update(`v0:${ts}:${rawBody}`).digest('hex');
  return { 'x-slack-request-timestamp': ts, 'x-slack-signature': `v0=${hmac}` };
}
