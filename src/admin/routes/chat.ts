// /api/v1/chat: a question → the Answer JSON; /api/v1/chat/stream sends the analyst's status lines, then the answer (SSE).
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import type { Analyst, AskRequest } from '../../core/analyst/port.ts';
import { toTitanError } from '../../core/errors.ts';
import { DEFAULT_SCOPE } from '../../core/model/scope.ts';
import type { RouteDoc } from '../openapi.ts';
import { readJsonBody } from '../read-json-body.ts';

const BASE = '/api/v1/chat';
const scopeId = z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'an id of letters, digits, _ . and -');

export const chatBody = z
  .object({
    message: z.string().trim().min(1, 'ask a question').max(2_000),
    org_id: scopeId.optional(),
    location_id: scopeId.optional(),
    /** 'public' when the caller will show the answer in a shared channel. */
    audience: z.enum(['private', 'public']).optional(),
  })
  .strict();

export const CHAT_ROUTE_DOCS: RouteDoc[] = [
  {
    method: 'post',
    path: BASE,
    summary: 'Ask Titan: the Answer (facts, findings, actions, tasks, sources)',
    body: chatBody,
  },
  {
    method: 'post',
    path: `${BASE}/stream`,
    summary: 'Ask Titan over server-sent events: "status" events, then one "answer" (or "error")',
    body: chatBody,
  },
];

function askRequest(body: z.infer<typeof chatBody>): AskRequest {
  return {
    question: body.message,
    scope: {
      orgId: body.org_id ?? DEFAULT_SCOPE.orgId,
      locationId: body.location_id ?? DEFAULT_SCOPE.locationId,
    },
    audience: body.audience ?? 'private',
    threadId: 'api',
  };
}

export function chatRoutes(deps: { analyst: Analyst }): Hono {
  const app = new Hono();

  app.post(BASE, async (c) => {
    const request = askRequest(await readJsonBody(c.req.raw, chatBody));
    return c.json(await deps.analyst.ask(request));
  });

  app.post(`${BASE}/stream`, async (c) => {
    // Validated before the stream opens, so a bad body is still a plain 400.
    const request = askRequest(await readJsonBody(c.req.raw, chatBody));
    return streamSSE(c, async (stream) => {
      // Status lines arrive synchronously from the analyst; chaining keeps them in order on the wire.
      let sent = Promise.resolve();
      const send = (event: string, data: unknown) => {
        sent = sent.then(() => stream.writeSSE({ event, data: JSON.stringify(data) }));
        return sent;
      };
      try {
        const answer = await deps.analyst.ask(request, (status) => void send('status', { status }));
        await send('answer', answer);
      } catch (err) {
        // Headers are already sent, so the error travels as an event; 5xx detail stays in the server log.
        const e = toTitanError(err);
        const internal = e.code === 'internal' || e.code.startsWith('warehouse.');
        await send('error', {
          code: e.code,
          message: internal ? 'Internal error; see the server log.' : e.message,
        });
      }
    });
  });

  return app;
}
