// Catches a classic mistake early: using the warehouse instead of the `tx` inside transaction(fn).
import { AsyncLocalStorage } from 'node:async_hooks';
import { TitanError } from '../errors.ts';

export interface TxGuard {
  /** Runs `fn` marked as inside a transaction. */
  inside<T>(fn: () => Promise<T>): Promise<T>;
  /** Throws if called from inside a transaction's function. */
  assertOutside(): void;
}

/**
 * On SQLite the warehouse waits for the open transaction to finish, so such a call would wait forever;
 * on BigQuery it would run outside the transaction. Both are bugs, so both engines refuse at once.
 */
export function createTxGuard(): TxGuard {
  const store = new AsyncLocalStorage<true>();
  return {
    inside: (fn) => store.run(true, fn),
    assertOutside() {
      if (store.getStore()) {
        throw new TitanError(
          'internal',
          'Inside transaction(fn), run queries on the tx it passes, not on the warehouse itself.',
        );
      }
    },
  };
}
