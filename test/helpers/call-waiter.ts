// Lets a test wait until a local fake has recorded the calls it expects: checked on every new call, never polled.

export interface CallWaiter<C> {
  /** The fake calls this after recording each call. */
  notify(): void;
  /** Resolves once `predicate` holds over the recorded calls; rejects after `timeoutMs` saying what was seen. */
  waitFor(predicate: (calls: C[]) => boolean, timeoutMs?: number): Promise<void>;
}

/** `fake` names the fake in a timeout error; `seen` sums up its calls there. */
export function createCallWaiter<C>(
  calls: C[],
  report: { fake: string; seen: (calls: C[]) => string },
): CallWaiter<C> {
  const waiters = new Set<() => void>();
  return {
    notify() {
      for (const wake of [...waiters]) wake();
    },
    waitFor(predicate, timeoutMs = 10_000) {
      if (predicate(calls)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`${report.fake}: condition not met in ${timeoutMs} ms; ${report.seen(calls)}`));
        }, timeoutMs);
        const check = () => {
          if (!predicate(calls)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
      });
    },
  };
}
