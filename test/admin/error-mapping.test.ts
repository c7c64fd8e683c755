// Every TitanError code reaches an admin API caller with its own status and, unless it may leak internals, its
// own message — never a bare 500 that loses what to do next.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createErrorHandler } from '../../src/admin/http-errors.ts';
import { TITAN_ERROR_CODES, TitanError, type TitanErrorCode } from '../../src/core/errors.ts';
import { createLogger } from '../../src/core/logger.ts';

/** Codes whose messages may name hosts, files or SQL: the body says "see the server log" instead. */
const HIDDEN: TitanErrorCode[] = ['config.write_failed', 'warehouse.query_failed', 'internal'];

describe('admin API error mapping', () => {
  const logged: string[] = [];
  const logger = createLogger({
    level: 'error',
    secrets: () => [],
    destination: { write: (l) => logged.push(l) },
  });
  const app = new Hono()
    .get('/fail/:code', (c) => {
      throw new TitanError(
        c.req.param('code') as TitanErrorCode,
        `What to do next for ${c.req.param('code')}.`,
      );
    })
    .onError(createErrorHandler(logger));

  it.each([...TITAN_ERROR_CODES])(
    '%s keeps its code, a status of its own kind and its message unless hidden',
    async (code) => {
      const res = await app.request(`/fail/${code}`);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe(code);
      expect(res.status).toBeGreaterThanOrEqual(400);
      if (HIDDEN.includes(code)) {
        expect(res.status).toBe(500);
        expect(body.error.message).toBe('Internal error; see the server log.');
      } else {
        expect(res.status).not.toBe(500);
        expect(body.error.message).toBe(`What to do next for ${code}.`);
      }
    },
  );

  it('a configuration the owner must fix is never reported as the server failing', async () => {
    for (const code of ['llm.not_configured', 'pos.not_configured', 'llm.key_invalid'] as const) {
      expect((await app.request(`/fail/${code}`)).status).toBe(503);
    }
    expect((await app.request('/fail/ingest.too_large')).status).toBe(413);
  });
});
