// Overrides in a Workers KV namespace. KV has no compare-and-swap: see the README for the merge guarantee there.
import { applyPatch } from './merge-patch.ts';
import { type OverrideStore, parseOverrides, serialiseOverrides } from './override-store.ts';
import type { ConfigValues } from './schema.ts';

/** The two calls of Cloudflare's KVNamespace that the store needs. */
export interface KvNamespaceLike {
  get(key: string): Promise<string | null>;
  put(key: string, value: string): Promise<void>;
}

const KEY = 'config_override.json';

export interface KvOverrideStore extends OverrideStore {
  /** Loads the latest overrides; call once per request before reading config. */
  load(): Promise<void>;
}

export function createKvOverrideStore(kv: KvNamespaceLike): KvOverrideStore {
  let overrides: ConfigValues = {};
  const read = async (): Promise<ConfigValues> => parseOverrides(await kv.get(KEY), `KV key ${KEY}`);
  return {
    async load() {
      overrides = await read();
    },
    current: () => overrides,
    async update(patches) {
      const next = patches.reduce(applyPatch, await read());
      await kv.put(KEY, serialiseOverrides(next));
      overrides = next;
      return overrides;
    },
  };
}
