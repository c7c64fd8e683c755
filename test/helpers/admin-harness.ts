// Builds the real admin app on a temp data dir with a capturing logger, for in-process HTTP tests.
import type { Hono } from 'hono';
import { createTitanApp } from '../../src/admin/titan-app.ts';
import { createChatSurfaces } from '../../src/bot/chat-surfaces.ts';
import { createConfigVault } from '../../src/core/config/vault.ts';
import { createLogger } from '../../src/core/logger.ts';
import { createTitan, type Titan } from '../../src/core/titan.ts';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export interface AdminHarness {
  titan: Titan;
  /** The app itself, for tests that serve it on a real port. */
  app: Hono;
  logLines: string[];
  request(
    method: string,
    path: string,
    options?: { body?: unknown; raw?: string; token?: string | null; headers?: Record<string, string> },
  ): Promise<Response>;
}

export async function createAdminHarness(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
): Promise<AdminHarness> {
  const vault = createConfigVault({ dataDir, env });
  const logLines: string[] = [];
  const logger = createLogger({
    level: 'debug',
    secrets: () => [...vault.secretValues(), ADMIN_TOKEN],
    destination: { write: (line) => logLines.push(line) },
  });
  const runtime = {
    dataDir,
    port: 0,
    demo: false,
    adminToken: ADMIN_TOKEN,
    tz: 'Asia/Kolkata',
    logLevel: 'debug',
  };
  const titan = await createTitan({ runtime, vault, logger });
  const app = createTitanApp({
    titan,
    adminToken: ADMIN_TOKEN,
    webhooks: createChatSurfaces(titan).webhooks,
  });
  return {
    titan,
    app,
    logLines,
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
      const token = options.token === undefined ? ADMIN_TOKEN : options.token;
      if (token !== null) headers.authorization = `Bearer ${token}`;
      const body =
        method === 'GET'
          ? undefined
          : (options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)));
      return await app.request(path, { method, headers, ...(body === undefined ? {} : { body }) });
    },
  };
}
