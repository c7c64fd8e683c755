// The admin HTTP app: health, config, the API sub-apps behind bearer auth, and the chat-platform webhooks.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { ConfigVault } from '../core/config/vault.ts';
import type { HealthReport } from '../core/health.ts';
import type { Logger } from '../core/logger.ts';
import { bearerAuth } from './bearer-auth.ts';
import { createErrorHandler, errorBody } from './http-errors.ts';
import { openApiDocument, type RouteDoc } from './openapi.ts';
import { configRoutes } from './routes/config.ts';
import { healthRoutes } from './routes/health.ts';

/** A door that verifies its own callers (Slack signatures, Bot Framework JWTs) instead of the admin token. */
export interface Webhook {
  path: string;
  handle(request: Request, info: { remoteAddress?: string }): Promise<Response>;
}

/** The TCP peer under @hono/node-server (undefined on Workers, where no loopback caller exists). */
const remoteAddressOf = (env: unknown): string | undefined =>
  (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket
    ?.remoteAddress;

export interface AdminAppOptions {
  vault: ConfigVault;
  health: () => Promise<HealthReport>;
  adminToken: string;
  logger: Logger;
  /** API sub-apps (chat, tasks, ingester), all behind admin auth. */
  routes?: Hono[];
  /** OpenAPI descriptions of what `routes` add. */
  docs?: RouteDoc[];
  webhooks?: Webhook[];
  /** Largest accepted request body; the ingester takes files from folders, never from uploads. */
  bodyLimitBytes?: number;
}

const splitList = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function createAdminApp(options: AdminAppOptions): Hono {
  const app = new Hono();
  const { logger, vault } = options;

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    logger.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'http',
    );
  });
  app.use(
    '*',
    cors({
      origin: (origin) => (splitList(vault.get().CORS_ORIGINS).includes(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'PATCH', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type'],
    }),
  );
  // Not app-wide: a chunked body is read to its end to be measured, and that must never happen
  // before the caller has proved who it is.
  const limitBody = bodyLimit({
    maxSize: options.bodyLimitBytes ?? 1024 * 1024,
    onError: (c) => c.json(errorBody('request.too_large', 'The request body is too large.'), 413),
  });
  app.onError(createErrorHandler(logger));
  app.notFound((c) => c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}.`), 404));

  app.route('/', healthRoutes(options));
  for (const hook of options.webhooks ?? []) {
    // A webhook proves its caller from the raw body (signature, JWT), so only the limit can come first.
    app.post(hook.path, limitBody, (c) => {
      const remoteAddress = remoteAddressOf(c.env);
      return hook.handle(c.req.raw, remoteAddress === undefined ? {} : { remoteAddress });
    });
  }

  const admin = new Hono();
  admin.use('*', bearerAuth({ token: () => options.adminToken }), limitBody);
  admin.get('/openapi.json', (c) => c.json(openApiDocument(options.docs)));
  admin.route('/', configRoutes(options));
  for (const routes of options.routes ?? []) admin.route('/', routes);
  app.route('/', admin);
  return app;
}
