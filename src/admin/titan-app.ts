// The whole HTTP surface of `titan serve`: the admin app with every API route over one core, plus the chat webhooks.
import type { Hono } from 'hono';
import type { Titan } from '../core/titan.ts';
import { createAdminApp, type Webhook } from './app.ts';
import { CHAT_ROUTE_DOCS, chatRoutes } from './routes/chat.ts';
import { INGESTER_ROUTE_DOCS, ingesterRoutes } from './routes/ingester.ts';
import { TASK_ROUTE_DOCS, taskRoutes } from './routes/tasks.ts';

export function createTitanApp(options: { titan: Titan; adminToken: string; webhooks: Webhook[] }): Hono {
  const { titan } = options;
  return createAdminApp({
    vault: titan.vault,
    health: titan.health,
    adminToken: options.adminToken,
    logger: titan.logger,
    routes: [
      chatRoutes({ analyst: titan.analyst }),
      taskRoutes({ tasks: titan.tasks }),
      ingesterRoutes({ ingest: titan.ingest }),
    ],
    docs: [...CHAT_ROUTE_DOCS, ...TASK_ROUTE_DOCS, ...INGESTER_ROUTE_DOCS],
    webhooks: options.webhooks,
  });
}
