// /openapi.json, generated from the same zod schemas that validate the requests.
import { z } from 'zod';
import { CONFIG_KEYS, KEY_NAMES } from '../core/config/schema.ts';

export interface RouteDoc {
  method: 'get' | 'post' | 'patch';
  path: string;
  summary: string;
  body?: z.ZodType;
  /** Admin bearer token (default), or the platform's own verification. */
  auth?: 'admin' | 'none' | 'slack' | 'teams';
}

const configPatchSchema = z
  .object(
    Object.fromEntries(
      KEY_NAMES.map((k) => [k, z.string().nullable().optional().describe(CONFIG_KEYS[k].description)]),
    ),
  )
  .strict();

const CORE_ROUTES: RouteDoc[] = [
  {
    method: 'get',
    path: '/health',
    summary: 'Which parts are ready, embedded or not configured',
    auth: 'none',
  },
  { method: 'get', path: '/config', summary: 'Every configuration key as "set" or "missing"' },
  {
    method: 'patch',
    path: '/config',
    summary: 'Merge keys (string sets, null removes)',
    body: configPatchSchema,
  },
  {
    method: 'post',
    path: '/slack/events',
    summary: 'Slack events, interactions and slash commands',
    auth: 'slack',
  },
  { method: 'post', path: '/api/messages', summary: 'Microsoft Teams activities', auth: 'teams' },
];

/** The document for the core routes plus those the mounted route modules describe. */
export function openApiDocument(extra: RouteDoc[] = []): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of [...CORE_ROUTES, ...extra]) {
    const operation: Record<string, unknown> = { summary: route.summary };
    if ((route.auth ?? 'admin') === 'admin') operation.security = [{ bearer: [] }];
    if (route.body) {
      operation.requestBody = {
        required: true,
        content: {
          'application/json': { schema: z.toJSONSchema(route.body, { io: 'input', unrepresentable: 'any' }) },
        },
      };
    }
    const key = route.path.replace(/:(\w+)/g, '{$1}');
    paths[key] = { ...paths[key], [route.method]: operation };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Titan admin API', version: '1' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
