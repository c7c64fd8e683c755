// The admin API's bearer token: from TITAN_ADMIN_TOKEN, else generated once and kept 0600 in the data dir.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic-file.ts';

export interface AdminToken {
  token: string;
  /** Where the generated token is stored; undefined when it came from the environment. */
  file: string | undefined;
  generated: boolean;
}

export async function ensureAdminToken(dataDir: string, fromEnv: string | undefined): Promise<AdminToken> {
  if (fromEnv) return { token: fromEnv, file: undefined, generated: false };
  const file = path.join(dataDir, 'admin_token');
  try {
    const saved = (await readFile(file, 'utf8')).trim();
    if (saved.length >= 16) return { token: saved, file, generated: false };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const token = randomBytes(32).toString('base64url');
  await writeFileAtomic(file, `${token}\n`, 0o600);
  return { token, file, generated: true };
}
