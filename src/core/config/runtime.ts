// Process-level settings (data dir, port, time zone, demo seeding, admin token): read from env once, here.
import path from 'node:path';
import { z } from 'zod';
import { TitanError } from '../errors.ts';

export interface RuntimeSettings {
  dataDir: string;
  port: number;
  /** Seed the demo café into an empty warehouse on `titan serve`. */
  demo: boolean;
  /** Admin bearer token from env, if the operator set one. */
  adminToken: string | undefined;
  tz: string;
  logLevel: string;
}

const runtimeSchema = z.object({
  TITAN_DATA_DIR: z.string().min(1).default('./data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8000),
  TITAN_DEMO: z.enum(['0', '1']).default('1'),
  TITAN_ADMIN_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  TITAN_TZ: z
    .string()
    .default('Asia/Kolkata')
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'an IANA time zone such as Asia/Kolkata'),
  TITAN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Reads the process-level settings; a bad value is an error naming the variable. */
export function readRuntimeSettings(env: NodeJS.ProcessEnv = process.env): RuntimeSettings {
  const picked = Object.fromEntries(
    Object.keys(runtimeSchema.shape).flatMap((k) =>
      env[k] === undefined || env[k] === '' ? [] : [[k, env[k]]],
    ),
  );
  const parsed = runtimeSchema.safeParse(picked);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0]);
    throw new TitanError('config.invalid', `${key} is invalid: ${issue.message}`, { detail: { key } });
  }
  const v = parsed.data;
  return {
    dataDir: path.resolve(v.TITAN_DATA_DIR),
    port: v.PORT,
    demo: v.TITAN_DEMO === '1',
    adminToken: v.TITAN_ADMIN_TOKEN,
    tz: v.TITAN_TZ,
    logLevel: v.TITAN_LOG_LEVEL,
  };
}
