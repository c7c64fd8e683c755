// GET /config and PATCH /config: key status only ("set" / "missing"), merge semantics, never a value.
import { Hono } from 'hono';
import { z } from 'zod';
import type { ConfigVault } from '../../core/config/vault.ts';
import { readJsonBody } from '../read-json-body.ts';

export function configRoutes(deps: { vault: ConfigVault }): Hono {
  const app = new Hono();
  app.get('/config', (c) => c.json(deps.vault.status()));
  app.patch('/config', async (c) => {
    // The vault validates the keys and values itself (merge semantics); the door only reads JSON.
    const body = await readJsonBody(c.req.raw, z.unknown(), '{"GEMINI_API_KEY": "…"}');
    return c.json(await deps.vault.patch(body));
  });
  return app;
}
