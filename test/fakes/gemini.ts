// A local Gemini REST fake (generateContent): scripted replies per test, every request recorded.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake saw of one generateContent call. */
export interface GeminiRecord {
  model: string;
  apiKey: string | undefined;
  body: GenerateBody;
}

export interface GenerateBody {
  contents: { role?: string; parts: Record<string, unknown>[] }[];
  systemInstruction?: { parts: { text?: string }[] };
  tools?: { functionDeclarations?: { name: string; description?: string; parameters?: unknown }[] }[];
  generationConfig?: { responseMimeType?: string; responseSchema?: unknown; temperature?: number };
}

interface Usage {
  tokensIn?: number;
  tokensOut?: number;
}

/** One scripted reply. */
export type GeminiReply =
  | ({ text: string } & Usage)
  | ({ functionCalls: { name: string; args: Record<string, unknown> }[] } & Usage)
  | { status: number; body: unknown; headers?: Record<string, string> }
  | { delayMs: number; reply: GeminiReply };

export type GeminiScript = (record: GeminiRecord) => GeminiReply;

export interface FakeGemini {
  /** Pass as GEMINI_BASE_URL / httpOptions.baseUrl. */
  baseUrl: string;
  requests: GeminiRecord[];
  /** Replies used in order, one per request; when they run out, `fallback` answers. */
  enqueue(...replies: (GeminiReply | GeminiScript)[]): void;
  close(): Promise<void>;
}

const rpcError = (code: number, status: string, message: string, details: unknown[] = []) => ({
  error: { code, message, status, details },
});

/** Error replies in the shapes Google sends. */
export const geminiErrors = {
  keyInvalid: (): GeminiReply => ({
    status: 400,
    body: rpcError(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'API_KEY_INVALID',
        domain: 'googleapis.com',
        metadata: { service: 'generativelanguage.googleapis.com' },
      },
    ]),
  }),
  rateLimited: (retryDelay = '1s'): GeminiReply => ({
    status: 429,
    body: rpcError(429, 'RESOURCE_EXHAUSTED', 'You exceeded your current quota.', [
      { '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [{ quotaMetric: 'requests' }] },
      { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay },
    ]),
  }),
  internal: (): GeminiReply => ({
    status: 500,
    body: rpcError(500, 'INTERNAL', 'An internal error has occurred.'),
  }),
};

/** All text the user turns carried (where Titan puts questions, data blocks and tool results). */
export function userText(record: GeminiRecord): string {
  return record.body.contents
    .filter((c) => c.role !== 'model')
    .flatMap((c) => c.parts.map((p) => (typeof p.text === 'string' ? p.text : JSON.stringify(p))))
    .join('\n');
}

export const systemText = (record: GeminiRecord): string =>
  (record.body.systemInstruction?.parts ?? []).map((p) => p.text ?? '').join('\n');

function okBody(reply: GeminiReply, model: string): unknown {
  const parts =
    'text' in reply
      ? [{ text: reply.text }]
      : 'functionCalls' in reply
        ? reply.functionCalls.map((functionCall) => ({ functionCall }))
        : [];
  const usage = reply as Usage;
  const tokensIn = usage.tokensIn ?? 100;
  const tokensOut = usage.tokensOut ?? 20;
  return {
    candidates: [{ content: { role: 'model', parts }, finishReason: 'STOP', index: 0 }],
    usageMetadata: {
      promptTokenCount: tokensIn,
      candidatesTokenCount: tokensOut,
      totalTokenCount: tokensIn + tokensOut,
    },
    modelVersion: model,
    responseId: `fake-${Date.now()}`,
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Starts the fake on 127.0.0.1. With `apiKey`, any other key gets Google's 400 API_KEY_INVALID;
 * `fallback` answers once the queue is empty (default: a plain text reply).
 */
export async function startFakeGemini(
  options: { apiKey?: string; fallback?: GeminiScript } = {},
): Promise<FakeGemini> {
  const queue: (GeminiReply | GeminiScript)[] = [];
  const requests: GeminiRecord[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const fallback: GeminiScript = options.fallback ?? (() => ({ text: 'OK' }));

  const send = (res: ServerResponse, reply: GeminiReply, model: string): void => {
    if ('delayMs' in reply) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) send(res, reply.reply, model);
      }, reply.delayMs);
      timers.add(timer);
      return;
    }
    const isError = 'status' in reply;
    res.writeHead(isError ? reply.status : 200, {
      'content-type': 'application/json; charset=UTF-8',
      ...(isError ? reply.headers : {}),
    });
    res.end(JSON.stringify(isError ? reply.body : okBody(reply, model)));
  };

  const server = createServer(async (req, res) => {
    const match = req.url?.match(/^\/v1beta\/models\/([^/:]+):generateContent/);
    if (req.method !== 'POST' || !match) {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify(rpcError(404, 'NOT_FOUND', 'no route')));
      return;
    }
    const model = decodeURIComponent(match[1]!);
    const header = req.headers['x-goog-api-key'];
    const record: GeminiRecord = {
      model,
      apiKey: Array.isArray(header) ? header[0] : header,
      body: JSON.parse(await readBody(req)) as GenerateBody,
    };
    requests.push(record);
    if (options.apiKey !== undefined && record.apiKey !== options.apiKey) {
      send(res, geminiErrors.keyInvalid(), model);
      return;
    }
    const next = queue.shift() ?? fallback;
    send(res, typeof next === 'function' ? next(record) : next, model);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    enqueue: (...replies) => {
      queue.push(...replies);
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
