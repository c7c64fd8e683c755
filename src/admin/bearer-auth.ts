// Admin bearer-token auth: constant-time comparison, and a bare 401 that tells an attacker nothing.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { errorBody } from './http-errors.ts';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

// RFC 7235: the scheme is case-insensitive and any amount of whitespace may follow it.
const BEARER = /^bearer\s+(.*)$/i;

export function bearerAuth(options: { token: () => string }): MiddlewareHandler {
  if (options.token().length < 16)
    throw new Error('bearerAuth: the admin token must be at least 16 characters');
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const presented = BEARER.exec(header)?.[1]?.trim() ?? '';
    // Hashing both sides first makes the comparison constant-time whatever the lengths.
    if (!presented || !timingSafeEqual(digest(presented), digest(options.token()))) {
      return c.json(errorBody('auth.unauthorized', 'Unauthorized'), 401);
    }
    await next();
  };
}
