// The real admin app with the chat and task routes mounted over the demo café (in-memory warehouse).
import type { Hono } from 'hono';
import { createAdminApp } from '../../src/admin/app.ts';
import { chatRoutes } from '../../src/admin/routes/chat.ts';
import { taskRoutes } from '../../src/admin/routes/tasks.ts';
import { createConfigVault } from '../../src/core/config/vault.ts';
import { createLogger } from '../../src/core/logger.ts';
import { type Cafe, openCafe } from '../core/analyst/demo-cafe.ts';

export const TOKEN = 'test-admin-token-0123456789abcdef';

export interface CafeApp {
  cafe: Cafe;
  app: Hono;
  call(method: string, path: string, body?: unknown, token?: string): Promise<Response>;
}

export async function openCafeApp(dataDir: string, seed?: number): Promise<CafeApp> {
  const cafe = await openCafe(seed === undefined ? {} : { seed });
  const vault = createConfigVault({ dataDir, env: {} });
  const app = createAdminApp({
    vault,
    health: async () => {
      throw new Error('not used');
    },
    adminToken: TOKEN,
    logger: createLogger({ level: 'silent', secrets: () => [] }),
    routes: [chatRoutes({ analyst: cafe.analyst }), taskRoutes({ tasks: cafe.tasks })],
  });
  return {
    cafe,
    app,
    call: async (method, path, body, token = TOKEN) =>
      app.request(path, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      }),
  };
}
