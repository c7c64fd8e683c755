// The config vault: defaults < env < config_override.json, merged PATCHes, change subscribers.
import { readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { TitanError } from '../errors.ts';
import { writeFileAtomic } from './atomic-file.ts';
import { withFileLock } from './file-lock.ts';
import { applyPatch, type ConfigPatch, validatePatch } from './merge-patch.ts';
import { CONFIG_KEYS, type ConfigKey, type ConfigValues, isConfigKey, KEY_NAMES } from './schema.ts';

export type KeyStatus = 'set' | 'missing';
export type ConfigStatus = Record<ConfigKey, KeyStatus>;
export type ConfigListener = (values: ConfigValues, changed: ConfigKey[]) => void;

export interface ConfigVault {
  /** The resolved configuration (re-read if another process changed the override file). */
  get(): ConfigValues;
  status(): ConfigStatus;
  /** Validates, then merges and persists the patch under a cross-process lock. */
  patch(input: unknown): Promise<ConfigStatus>;
  /** Called after any change, from this process or another; returns an unsubscribe function. */
  subscribe(listener: ConfigListener): () => void;
  /** Every secret value currently configured, for masking logs and responses. */
  secretValues(): string[];
}

export interface VaultOptions {
  dataDir: string;
  env: NodeJS.ProcessEnv;
}

const overrideFileSchema = z.record(z.string(), z.string());

function defaultsOf(): ConfigValues {
  const values: ConfigValues = {};
  for (const key of KEY_NAMES) {
    const def = (CONFIG_KEYS[key] as { default?: string }).default;
    if (def !== undefined) values[key] = def;
  }
  return values;
}

/** Env values for known keys; an invalid env value is reported at start, naming the variable. */
function envOf(env: NodeJS.ProcessEnv): ConfigValues {
  const values: ConfigValues = {};
  for (const key of KEY_NAMES) {
    const raw = env[key]?.trim();
    if (!raw) continue;
    const parsed = CONFIG_KEYS[key].schema.safeParse(raw);
    if (!parsed.success) {
      throw new TitanError(
        'config.invalid',
        `Environment variable ${key} is invalid: ${parsed.error.issues[0]?.message}.`,
        {
          detail: { key },
        },
      );
    }
    values[key] = parsed.data;
  }
  return values;
}

function readOverrides(file: string): ConfigValues {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw err;
  }
  const parsed = overrideFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new TitanError('config.invalid', `${file} is not a JSON object of strings; fix or remove it.`);
  }
  // Keys a newer version wrote, or that were hand-edited in, are ignored rather than fatal.
  return Object.fromEntries(Object.entries(parsed.data).filter(([k]) => isConfigKey(k))) as ConfigValues;
}

const stamp = (file: string): string => {
  try {
    const s = statSync(file);
    return `${s.mtimeMs}:${s.size}:${s.ino}`;
  } catch {
    return 'absent';
  }
};

export function createConfigVault(options: VaultOptions): ConfigVault {
  const file = path.join(options.dataDir, 'config_override.json');
  const base = { ...defaultsOf(), ...envOf(options.env) };
  const listeners = new Set<ConfigListener>();
  let seen = stamp(file);
  let overrides = readOverrides(file);
  let resolved: ConfigValues = { ...base, ...overrides };
  // Group commit: patches that arrive while a write is in flight are merged, in order, into the next write.
  // Each caller is answered only once the file holding its patch is durable; the file lock serialises processes.
  let pending: { patch: ConfigPatch; done: (err?: unknown) => void }[] = [];
  let writing = false;

  const publish = (next: ConfigValues): void => {
    const changed = KEY_NAMES.filter((k) => next[k] !== resolved[k]);
    resolved = next;
    if (changed.length === 0) return;
    for (const listener of listeners) listener(resolved, changed);
  };

  const refresh = (): void => {
    const now = stamp(file);
    if (now === seen) return;
    seen = now;
    overrides = readOverrides(file);
    publish({ ...base, ...overrides });
  };

  const get = (): ConfigValues => {
    refresh();
    return resolved;
  };

  const status = (): ConfigStatus => {
    const values = get();
    return Object.fromEntries(KEY_NAMES.map((k) => [k, values[k] ? 'set' : 'missing'])) as ConfigStatus;
  };

  const write = async (patches: ConfigPatch[]): Promise<void> => {
    await mkdir(options.dataDir, { recursive: true });
    await withFileLock(`${file}.lock`, async () => {
      // Re-read under the lock: another process may have written since we last looked.
      const next = patches.reduce(applyPatch, readOverrides(file));
      await writeFileAtomic(file, `${JSON.stringify(next, null, 2)}\n`);
      seen = stamp(file);
      overrides = next;
    });
    publish({ ...base, ...overrides });
  };

  const drain = async (): Promise<void> => {
    writing = true;
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      const err = await write(batch.map((b) => b.patch)).then(
        () => undefined,
        (e: unknown) => e ?? new Error('write failed'),
      );
      for (const b of batch) b.done(err);
    }
    writing = false;
  };

  return {
    get,
    status,
    async patch(input) {
      const patch = validatePatch(input);
      await new Promise<void>((resolve, reject) => {
        pending.push({ patch, done: (err) => (err ? reject(err) : resolve()) });
        if (!writing) void drain();
      });
      return status();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    secretValues() {
      const values = get();
      return KEY_NAMES.filter((k) => CONFIG_KEYS[k].secret && values[k]).map((k) => values[k]!);
    },
  };
}
