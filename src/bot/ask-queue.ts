// Runs analyst work a few at a time, after pending I/O and after the first status lines already on their way, so a burst of questions never delays a webhook's ack (Slack gives 3 s) or a thread's "Working on it…".
import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Event-loop turns given to I/O before each run. One request's reply (connect, write, read) needs a few turns;
 * measured on 50 simultaneous mentions, 4 turns brought the placeholder p50 from 3.3 s to 0.7 s.
 */
const TURNS_BEFORE_RUN = 4;

/**
 * Longest a run waits for first status lines in flight: a status post being retried after a rate limit
 * (Retry-After) must not hold every answer back with it.
 */
const STATUS_WAIT_MS = 500;

export interface AskQueue {
  /** Runs `job` when a slot is free; `onWaiting` hears how many questions are ahead when it has to wait. */
  run<T>(job: () => Promise<T>, onWaiting?: (ahead: number) => void): Promise<T>;
  /**
   * Marks `post` (a question's first status line) as going before analyst work: a run about to start waits
   * until the posts in flight have settled (up to STATUS_WAIT_MS). Returns `post`.
   */
  statusFirst<T>(post: Promise<T>): Promise<T>;
}

/**
 * The embedded warehouse answers synchronously, so one analyst run holds the event loop until it finishes;
 * a bounded number of runs, each started only after pending I/O (new requests, acks, first status lines) had
 * its turn, keeps the HTTP side responsive while the rest wait their turn with an honest status line.
 */
export function createAskQueue(concurrency: number): AskQueue {
  let active = 0;
  const waiting: (() => void)[] = [];
  const statusPosts = new Set<Promise<unknown>>();

  // A finishing run hands its slot straight to the next waiter, so no newcomer can slip in between.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };

  /** Each status post needs several event-loop turns; a run started meanwhile would hold them all back. */
  async function statusPostsSettled(): Promise<void> {
    if (statusPosts.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const capped = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, STATUS_WAIT_MS);
    });
    await Promise.race([Promise.allSettled([...statusPosts]), capped]).finally(() => clearTimeout(timer));
  }

  return {
    async run(job, onWaiting) {
      if (active >= concurrency) {
        onWaiting?.(active + waiting.length);
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else {
        active++;
      }
      try {
        for (let turn = 0; turn < TURNS_BEFORE_RUN; turn++) await nextTurn();
        await statusPostsSettled();
        return await job();
      } finally {
        release();
      }
    },

    statusFirst(post) {
      const tracked = post.then(
        () => {},
        () => {},
      );
      statusPosts.add(tracked);
      void tracked.finally(() => statusPosts.delete(tracked));
      return post;
    },
  };
}
