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
  /**
   * What an operator must fix, one line each (never a value): stored overrides that fail their key's check
   * (hand edits, older versions) and changes a subscriber could not apply. Shown in /health and at start.
   */
  problems(): string[];
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

/** Why `value` is not acceptable for `key`, or null when it is. */
function rejection(key: ConfigKey, value: string): string | null {
  const parsed = CONFIG_KEYS[key].schema.safeParse(value);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'invalid');
}

/** Env values for known keys; an invalid env value stops the start, naming the variable. */
function envOf(env: EnvValues): ConfigValues {
  const values: ConfigValues = {};
  for (const key of KEY_NAMES) {
    const raw = env[key]?.trim();
    if (!raw) continue;
    const why = rejection(key, raw);
    if (why !== null) {
      throw new TitanError('config.invalid', `Environment variable ${key} is invalid: expected ${why}.`, {
        detail: { key },
      });
    }
    values[key] = raw;
  }
  return values;
}

/**
 * Resolves the layers. A stored override that fails its check blocks its key entirely (no env or default shows
 * through): the override meant to replace them, so the part it configures is off until it is fixed, and says so.
 */
function resolve(base: ConfigValues, overrides: ConfigValues): { values: ConfigValues; invalid: string[] } {
  const values: ConfigValues = { ...base };
  const invalid: string[] = [];
  for (const [key, value] of Object.entries(overrides) as [ConfigKey, string][]) {
    const why = rejection(key, value);
    if (why === null) {
      values[key] = value;
      continue;
    }
    delete values[key];
    invalid.push(
      `${key} in config_override.json is invalid (expected ${why}), so it is off: PATCH /config a valid value, or null to remove it.`,
    );
  }
  return { values, invalid };
}

export function createVault(options: { store: OverrideStore; env: EnvValues }): ConfigVault {
  const { store } = options;
  const base = { ...defaultsOf(), ...envOf(options.env) };
  // A listener's last failure, kept until it next succeeds; a throwing listener never stops the others or the writer.
  const listeners = new Map<ConfigListener, string | null>();
  let overrides = store.current();
  let { values: resolved, invalid } = resolve(base, overrides);
  // Group commit: patches that arrive while a write is in flight are merged, in order, into the next write.
  // Each caller is answered only once the stored state holding its patch is durable.
  let pending: { patch: ConfigPatch; done: (err?: unknown) => void }[] = [];
  let writing = false;

  const adopt = (next: ConfigValues): void => {
    if (next === overrides) return;
    overrides = next;
    const layers = resolve(base, next);
    const changed = KEY_NAMES.filter((k) => layers.values[k] !== resolved[k]);
    resolved = layers.values;
    invalid = layers.invalid;
    if (changed.length === 0) return;
    for (const listener of listeners.keys()) {
      try {
        listener(resolved, changed);
        listeners.set(listener, null);
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        listeners.set(
          listener,
          `A change to ${changed.join(', ')} could not be applied (${why}); fix the value with PATCH /config.`,
        );
      }
    }
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
    problems() {
      get();
      const failures = [...listeners.values()].filter((p): p is string => p !== null);
      // A listener's error text is not ours to vouch for: mask any secret before it reaches /health.
      const secrets = KEY_NAMES.filter((k) => isSecretKey(k) && resolved[k]).map((k) => resolved[k]!);
      return [...invalid, ...failures.map((f) => secrets.reduce((text, v) => text.replaceAll(v, '***'), f))];
    },
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
      listeners.set(listener, null);
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
