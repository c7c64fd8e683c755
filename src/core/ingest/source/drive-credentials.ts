// The service account Titan reads Drive as: from GOOGLE_SERVICE_ACCOUNT_JSON or the key file GOOGLE_APPLICATION_CREDENTIALS.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { ConfigValues } from '../../config/schema.ts';
import { TitanError } from '../../errors.ts';

const serviceAccountKey = z.object({ client_email: z.email(), private_key: z.string().min(1) });

export interface ServiceAccount {
  email: string;
  privateKey: string;
}

const HOW_TO_CONFIGURE =
  'No Google service account is configured: PATCH /config with GOOGLE_SERVICE_ACCOUNT_JSON (the JSON key) ' +
  'or GOOGLE_APPLICATION_CREDENTIALS (a path to it), then share the Drive folders with its client_email.';

/** The configured service account, or undefined when neither key is set. A bad key is an error naming the key. */
export async function readServiceAccount(config: ConfigValues): Promise<ServiceAccount | undefined> {
  let json = config.GOOGLE_SERVICE_ACCOUNT_JSON;
  let key = 'GOOGLE_SERVICE_ACCOUNT_JSON';
  if (json === undefined && config.GOOGLE_APPLICATION_CREDENTIALS !== undefined) {
    key = 'GOOGLE_APPLICATION_CREDENTIALS';
    try {
      json = await readFile(config.GOOGLE_APPLICATION_CREDENTIALS, 'utf8');
    } catch (err) {
      throw new TitanError('config.invalid', `${key}: cannot read the key file it names; check the path.`, {
        cause: err,
        detail: { key },
      });
    }
  }
  if (json === undefined) return undefined;
  let parsed: z.infer<typeof serviceAccountKey>;
  try {
    parsed = serviceAccountKey.parse(JSON.parse(json));
  } catch {
    // The cause is left out on purpose: it would carry the key material.
    throw new TitanError(
      'config.invalid',
      `${key} is not a service-account JSON key with client_email and private_key.`,
      {
        detail: { key },
      },
    );
  }
  return { email: parsed.client_email, privateKey: parsed.private_key };
}

/** The service account, or a 'conflict' error telling the admin how to configure one. */
export async function requireServiceAccount(config: ConfigValues): Promise<ServiceAccount> {
  const account = await readServiceAccount(config);
  if (!account) throw new TitanError('conflict', HOW_TO_CONFIGURE);
  return account;
}
