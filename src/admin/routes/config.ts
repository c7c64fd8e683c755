// GET /config and PATCH /config: key status only ("set" / "missing"), merge semantics, never a value.
import { Hono } from 'hono';
import type { ConfigVault } from '../../core/config/vault.ts';
import { TitanError } from '../../core/errors.ts';

export function configRoutes(deps: { vault: ConfigVault }): Hono {
  const app = new Hono();
  app.get('/config', (c) => c.json(deps.vault.status()));
  app.patch('/config', async (c) => {
    const body: unknown = await c.req.json().catch(() => {
      throw new TitanError(
        'request.invalid',
        'The body must be a JSON object, e.g. {"GEMINI_API_KEY": "…"}.',
      );
    });
    return c.json(await deps.vault.patch(body));
  });
  return app;
}
