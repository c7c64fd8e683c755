// GET /health: which parts are ready, embedded or not configured; 503 when the warehouse is down.
import { Hono } from 'hono';
import type { HealthReport } from '../../core/health.ts';

export function healthRoutes(deps: { health: () => Promise<HealthReport> }): Hono {
  const app = new Hono();
  app.get('/health', async (c) => {
    const report = await deps.health();
    return c.json(report, report.status === 'ok' ? 200 : 503);
  });
  return app;
}
