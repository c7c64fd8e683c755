// The config vault: defaults < env < stored overrides, merged PATCHes with group commit, change subscribers.
import { TitanError } from '../errors.ts';
import { createFileOverrideStore } from './file-override-store.ts';
import { type ConfigPatch, validatePatch } from './merge-patch.ts';
import type { OverrideStore } from './override-store.ts';
import { CONFIG_KEYS, type ConfigKey, type ConfigValues, isSecretKey, KEY_NAMES } from './schema.ts';

export type KeyStatus = 'set' | 'missing';
export type ConfigStatus = Record<ConfigKey, KeyStatus>;
export type ConfigListener = (values: ConfigValues, changed: ConfigKey[]) => void;

export interface ConfigVault {
  /** The resolved configuration (re-read if another process changed the stored overrides). */
  get(): ConfigValues;
  status(): ConfigStatus;
  /** Validates, then merges and persists the patch; nothing is written if any entry is invalid. */
  patch(input: unknown): Promise<ConfigStatus>;
  /** Called after any change, from this process or another; returns an unsubscribe function. */
  subscribe(listener: ConfigListener): () => void;
  /** Every secret value currently configured, for masking logs and responses. */
  secretValues(): string[];
}

export type EnvValues = Record<string, string | undefined>;

function defaultsOf(): ConfigValues {
  const values: ConfigValues = {};
  for (const key of KEY_NAMES) {
    const def = (CONFIG_KEYS[key] as { default?: string }).default;
    if (def !== undefined) values[key] = def;
  }
  return values;
}

/** Env values for known keys; an invalid env value is reported at start, naming the variable. */
function envOf(env: EnvValues): ConfigValues {
  const values: ConfigValues = {};
  for (const key of KEY_NAMES) {
    const raw = env[key]?.trim();
    if (!raw) continue;
    const parsed = CONFIG_KEYS[key].schema.safeParse(raw);
    if (!parsed.success) {
      const why = parsed.error.issues[0]?.message;
      throw new TitanError('config.invalid', `Environment variable ${key} is invalid: ${why}.`, {
        detail: { key },
      });
    }
    values[key] = parsed.data;
  }
  return values;
}

export function createVault(options: { store: OverrideStore; env: EnvValues }): ConfigVault {
  const { store } = options;
  const base = { ...defaultsOf(), ...envOf(options.env) };
  const listeners = new Set<ConfigListener>();
  let overrides = store.current();
  let resolved: ConfigValues = { ...base, ...overrides };
  // Group commit: patches that arrive while a write is in flight are merged, in order, into the next write.
  // Each caller is answered only once the stored state holding its patch is durable.
  let pending: { patch: ConfigPatch; done: (err?: unknown) => void }[] = [];
  let writing = false;

  const adopt = (next: ConfigValues): void => {
    if (next === overrides) return;
    overrides = next;
    const values = { ...base, ...next };
    const changed = KEY_NAMES.filter((k) => values[k] !== resolved[k]);
    resolved = values;
    if (changed.length === 0) return;
    for (const listener of listeners) listener(resolved, changed);
  };

  const get = (): ConfigValues => {
    adopt(store.current());
    return resolved;
  };

  const status = (): ConfigStatus => {
    const values = get();
    return Object.fromEntries(KEY_NAMES.map((k) => [k, values[k] ? 'set' : 'missing'])) as ConfigStatus;
  };

  const drain = async (): Promise<void> => {
    writing = true;
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      const err = await store.update(batch.map((b) => b.patch)).then(
        (next) => adopt(next),
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
      return KEY_NAMES.filter((k) => isSecretKey(k) && values[k]).map((k) => values[k]!);
    },
  };
}

/** The Node vault: overrides in `<dataDir>/config_override.json`. */
export function createConfigVault(options: { dataDir: string; env: EnvValues }): ConfigVault {
  return createVault({ store: createFileOverrideStore(options.dataDir), env: options.env });
}
