// PATCH /config semantics: absent keys untouched, null removes, a string sets; any bad entry rejects the whole patch.
import { TitanError } from '../errors.ts';
import { CONFIG_KEYS, type ConfigKey, type ConfigValues, isConfigKey } from './schema.ts';

export type ConfigPatch = Partial<Record<ConfigKey, string | null>>;

/** Checks every entry before anything is written; the error names the first offending key. */
export function validatePatch(input: unknown): ConfigPatch {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new TitanError(
      'request.invalid',
      'Send a JSON object of configuration keys to values (or null to remove).',
    );
  }
  const patch: ConfigPatch = {};
  for (const [key, value] of Object.entries(input)) {
    if (!isConfigKey(key)) {
      // Only echo what looks like a key name: a value pasted in the key's place may be a secret.
      const shown = /^[A-Z][A-Z0-9_]{0,63}$/.test(key) ? key : '(a name that is not a key; not shown)';
      throw new TitanError(
        'config.unknown_key',
        `Unknown configuration key: ${shown}. GET /config lists the keys.`,
        {
          detail: { key: shown },
        },
      );
    }
    if (value === null) {
      patch[key] = null;
      continue;
    }
    const spec = CONFIG_KEYS[key];
    const parsed = typeof value === 'string' ? spec.schema.safeParse(value.trim()) : null;
    if (!parsed?.success) {
      const why = parsed ? (parsed.error.issues[0]?.message ?? 'invalid') : 'must be a string or null';
      // Never echo the value: it may be a secret pasted into the wrong key.
      throw new TitanError('config.invalid', `Invalid value for ${key}: expected ${why}.`, {
        detail: { key },
      });
    }
    patch[key] = parsed.data;
  }
  return patch;
}

export function applyPatch(current: ConfigValues, patch: ConfigPatch): ConfigValues {
  const next: ConfigValues = { ...current };
  for (const [key, value] of Object.entries(patch) as [ConfigKey, string | null][]) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}
