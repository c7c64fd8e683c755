// The override store contract: the same cases on the file store (Node) and the KV store (Workers).
import { beforeEach, describe, expect, it } from 'vitest';
import type { OverrideStore } from '../../../src/core/config/override-store.ts';
import { TitanError } from '../../../src/core/errors.ts';

/** One place the overrides live; each `open` is a new store over it, as another process or request would make. */
export interface OverrideBackingUnderTest {
  /** A new store, ready to read (the KV store has loaded). */
  open(): Promise<OverrideStore>;
  /** The stored document as the platform holds it, null when there is none: what an operator would see. */
  stored(): Promise<string | null>;
  /** Replaces the stored document behind the stores' backs, as a hand edit or `wrangler kv key put` would. */
  plant(text: string): Promise<void>;
}

const SECRET = 'AIza-secret-in-a-corrupt-document';

/** Documents no store may read, each holding a secret that must not reach the error. */
const CORRUPT: Record<string, string> = {
  'cut short': `{"GEMINI_API_KEY": "${SECRET}", "PP_APP`,
  empty: '',
  'not an object': JSON.stringify([SECRET]),
  'a value that is not a string': JSON.stringify({ GEMINI_API_KEY: SECRET, DAILY_REVENUE_TARGET: 45000 }),
};

/** Everything an error would put in a log: its message and every cause's, down the chain. */
function everythingSaid(err: unknown): string {
  if (!(err instanceof Error)) return String(err ?? '');
  return `${err.message}\n${everythingSaid(err.cause)}`;
}

async function expectRefusal(attempt: Promise<unknown>): Promise<void> {
  const err = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TitanError);
  expect(err).toMatchObject({ code: 'config.invalid' });
  // Names the document so the operator knows what to fix, and never echoes what it holds.
  expect((err as TitanError).message).toMatch(/config_override\.json.*fix or remove it/);
  expect(everythingSaid(err)).not.toContain(SECRET);
}

export function overrideStoreContract(name: string, create: () => OverrideBackingUnderTest): void {
  describe(`Override store contract: ${name}`, () => {
    let backing: OverrideBackingUnderTest;
    beforeEach(() => {
      backing = create();
    });

    it('reads an empty store as no overrides, and stores nothing until written', async () => {
      const store = await backing.open();
      expect(store.current()).toEqual({});
      expect(await backing.stored()).toBeNull();
    });

    it('keeps a write: returned, current at once, read by a store opened later, stored as readable JSON', async () => {
      const store = await backing.open();
      const written = { GEMINI_API_KEY: 'AIza-kept', PP_MAPPING_CODE: 'rest1' };
      expect(await store.update([written])).toEqual(written);
      expect(store.current()).toEqual(written);
      expect((await backing.open()).current()).toEqual(written);
      expect(JSON.parse((await backing.stored()) ?? 'null')).toEqual(written);
    });

    it('applies patches in order, PATCH-style: an absent key is kept, null removes, a string sets', async () => {
      const store = await backing.open();
      await store.update([{ GEMINI_API_KEY: 'AIza-1', PP_APP_KEY: 'pp-1', PP_MAPPING_CODE: 'rest1' }]);
      const next = await store.update([
        { PP_APP_KEY: null, GEMINI_MODEL: 'gemini-a' },
        { GEMINI_MODEL: 'gemini-b', DIGEST_CRON: null },
      ]);
      const expected = { GEMINI_API_KEY: 'AIza-1', PP_MAPPING_CODE: 'rest1', GEMINI_MODEL: 'gemini-b' };
      expect(next).toEqual(expected);
      expect((await backing.open()).current()).toEqual(expected);
    });

    it("merges into the latest stored state, so a store that has not seen another's write keeps it", async () => {
      const [a, b] = [await backing.open(), await backing.open()];
      await a.update([{ PP_APP_KEY: 'from-a' }]);
      const expected = { PP_APP_KEY: 'from-a', GEMINI_API_KEY: 'AIza-from-b' };
      expect(await b.update([{ GEMINI_API_KEY: 'AIza-from-b' }])).toEqual(expected);
      expect((await backing.open()).current()).toEqual(expected);
    });

    it('ignores keys it does not know (a newer version or a hand edit added them) instead of failing', async () => {
      await backing.plant(JSON.stringify({ RETIRED_KEY: 'x', PP_APP_KEY: 'pp' }));
      expect((await backing.open()).current()).toEqual({ PP_APP_KEY: 'pp' });
    });

    for (const [what, text] of Object.entries(CORRUPT)) {
      it(`refuses to open over a corrupt document (${what}) with config.invalid that shows no value`, async () => {
        await backing.plant(text);
        await expectRefusal(backing.open());
        expect(await backing.stored()).toBe(text);
      });
    }

    it('writes nothing over a document corrupted after it opened, so the operator can still repair it', async () => {
      const store = await backing.open();
      await store.update([{ PP_APP_KEY: 'pp' }]);
      const corrupt = CORRUPT['cut short'] as string;
      await backing.plant(corrupt);
      await expectRefusal(store.update([{ PP_MAPPING_CODE: 'rest1' }]));
      expect(await backing.stored()).toBe(corrupt);
    });
  });
}
