// Where PATCHed configuration overrides are kept: a port with a file store (Node) and a KV store (Workers).
import { z } from 'zod';
import { TitanError } from '../errors.ts';
import type { ConfigPatch } from './merge-patch.ts';
import { type ConfigValues, isConfigKey } from './schema.ts';

export interface OverrideStore {
  /** The overrides as last seen; synchronous so reading config stays cheap on every request. */
  current(): ConfigValues;
  /** Applies the patches, in order, to the latest stored state and persists the result. */
  update(patches: ConfigPatch[]): Promise<ConfigValues>;
}

const storedSchema = z.record(z.string(), z.string());

/** Parses a stored override document; keys a newer version or a hand edit added are ignored, not fatal. */
export function parseOverrides(text: string | null, where: string): ConfigValues {
  if (text === null) return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = storedSchema.safeParse(json);
  if (!parsed.success)
    throw new TitanError('config.invalid', `${where} is not a JSON object of strings; fix or remove it.`);
  return Object.fromEntries(Object.entries(parsed.data).filter(([k]) => isConfigKey(k))) as ConfigValues;
}

export const serialiseOverrides = (values: ConfigValues): string => `${JSON.stringify(values, null, 2)}\n`;
