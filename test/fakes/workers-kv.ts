// Cloudflare Workers KV in memory: the two KVNamespace calls the override store makes, as Cloudflare documents them.
import type { KvNamespaceLike } from '../../src/core/config/kv-override-store.ts';

/**
 * `get(key)` resolves to the text last `put` under the key, or null when there is none (never undefined);
 * `put(key, value)` replaces it. One location, so a write is visible to the next read: the eventual
 * consistency between Cloudflare's locations is out of scope (the store promises nothing across them).
 */
export function createFakeWorkersKv(): KvNamespaceLike {
  const values = new Map<string, string>();
  return {
    get: async (key) => values.get(key) ?? null,
    put: async (key, value) => {
      values.set(key, value);
    },
  };
}
