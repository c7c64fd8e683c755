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
      throw new TitanError(
        'config.unknown_key',
        `Unknown configuration key: ${key}. GET /config lists the keys.`,
        {
          detail: { key },
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
