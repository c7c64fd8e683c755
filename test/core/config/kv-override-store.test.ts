// The KV store (Workers): the contract on an in-memory KV namespace, and its one-load-per-request snapshot.
import { describe, expect, it } from 'vitest';
import { createKvOverrideStore } from '../../../src/core/config/kv-override-store.ts';
import { createFakeWorkersKv } from '../../fakes/workers-kv.ts';
import { overrideStoreContract } from './override-store-contract.ts';

// The key an operator reads and writes with `wrangler kv key get|put`.
const KEY = 'config_override.json';

overrideStoreContract('kv', () => {
  const kv = createFakeWorkersKv();
  return {
    async open() {
      const store = createKvOverrideStore(kv);
      await store.load();
      return store;
    },
    stored: () => kv.get(KEY),
    plant: (text) => kv.put(KEY, text),
  };
});

describe('kv override store', () => {
  it('serves what it last loaded, so one request sees one configuration even if another request writes', async () => {
    const kv = createFakeWorkersKv();
    const store = createKvOverrideStore(kv);
    expect(store.current()).toEqual({});
    await createKvOverrideStore(kv).update([{ PP_APP_KEY: 'pp' }]);
    expect(store.current()).toEqual({});
    await store.load();
    expect(store.current()).toEqual({ PP_APP_KEY: 'pp' });
  });
});
