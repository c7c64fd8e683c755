// Named sync jobs (`titan sync <name>`) and running one under its lock, so two processes never sync the same thing.
import { TitanError } from '../errors.ts';
import { CATEGORIES, type Category } from '../warehouse/tables.ts';
import type { Locks } from './locks.ts';

/**
 * A sync job: does its pass, returns a one-line result; stops early if `signal` aborts (lease lost).
 * `assertReady` (optional) throws, before any lock is taken, when the job cannot run (e.g. not configured).
 */
export type SyncJob = ((signal: AbortSignal) => Promise<string>) & { assertReady?: () => void };

/** sales = the POS pull; expenses/purchases/inventory = one watch-folder pass of that category. */
export type SyncName = Category;
export const SYNC_NAMES: readonly SyncName[] = CATEGORIES;

/** Filled by the composition root; a name without a job is "not available yet". */
export type SyncJobs = Partial<Record<SyncName, SyncJob>>;

export type SyncOutcome = { status: 'done'; message: string } | { status: 'skipped'; message: string };

/** Long enough for a slow POS day; a crashed holder frees the name within this. Heartbeats extend it. */
export const SYNC_LOCK_TTL_MS = 120_000;

export const isSyncName = (name: string): name is SyncName =>
  (SYNC_NAMES as readonly string[]).includes(name);

export async function runSync(
  locks: Locks,
  jobs: SyncJobs,
  name: SyncName,
  hooks: { onStart?: () => void } = {},
): Promise<SyncOutcome> {
  const job = jobs[name];
  if (!job) {
    throw new TitanError(
      'not_found',
      `Syncing ${name} is not available yet in this build; only ${Object.keys(jobs).join(', ') || 'nothing'} can be synced.`,
    );
  }
  job.assertReady?.();
  const outcome = await locks.withLock(`sync_${name}`, SYNC_LOCK_TTL_MS, async (signal) => {
    hooks.onStart?.();
    return job(signal);
  });
  return outcome.acquired
    ? { status: 'done', message: outcome.value }
    : { status: 'skipped', message: `Skipped - another process is already syncing ${name}` };
}
