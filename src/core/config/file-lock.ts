// A cross-process mutex that the kernel releases when its holder dies, so no lock ever needs breaking.
//
// Why not a lock file: one left by a SIGKILLed holder must be broken, and no break is atomic. Read the
// dead pid, then remove the path (or stat-then-unlink, or rename it aside and check): between the look
// and the removal another waiter may break it too and take a fresh lock, which the first then removes
// or moves, and two writers are in. Here the lock is SQLite's RESERVED lock on a small database, taken
// by `BEGIN IMMEDIATE`. SQLite holds it as a POSIX record lock (fcntl) on the file, and the kernel drops
// a process's record locks when it exits, however it exits. So a lock whose holder is gone is free at
// once, and only a live process that took it can hold it. SQLite also tracks locks between connections
// of one process, so two stores in one process exclude each other too. Nothing is ever written to the
// database, and it must only be opened through SQLite: closing any other descriptor of it drops the
// process's locks. Limits: fcntl locks are only as good as the file system's (local disks, not NFS);
// a lock file of an older version (`config_override.json.lock`) is ignored, so run one version at a time.
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { TitanError } from '../errors.ts';

export interface FileLockOptions {
  /** Give up after this long. */
  timeoutMs?: number;
}

const isBusy = (err: unknown): boolean => (err as { code?: unknown }).code === 'SQLITE_BUSY';

function cannotLock(lockPath: string, err: unknown): TitanError {
  const why = err instanceof Error ? err.message : String(err);
  return new TitanError(
    'config.write_failed',
    `Could not open the lock ${lockPath} (${why}); check that its directory exists and is writable.`,
    { cause: err },
  );
}

function open(lockPath: string): Database.Database {
  try {
    // timeout 0: a busy lock fails at once instead of blocking the event loop in SQLite's busy handler.
    const db = new Database(lockPath, { timeout: 0 });
    // Keep any journal in memory so a killed holder leaves no `-journal` file beside the lock.
    db.pragma('journal_mode = MEMORY');
    return db;
  } catch (err) {
    throw cannotLock(lockPath, err);
  }
}

/** Takes the lock on `db` if it is free; returns whether it did. */
function tryTake(db: Database.Database, lockPath: string): boolean {
  try {
    db.exec('BEGIN IMMEDIATE');
    return true;
  } catch (err) {
    if (isBusy(err)) return false;
    throw cannotLock(lockPath, err);
  }
}

/** Runs `fn` while holding the lock at `lockPath`, waiting (without blocking the event loop) until it is free. */
export async function withFileLock<T>(
  lockPath: string,
  fn: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  const db = open(lockPath);
  // Closing the connection ends its transaction, which releases the lock (also if we never took it).
  try {
    for (let attempt = 0; !tryTake(db, lockPath); attempt++) {
      if (Date.now() > deadline) {
        throw new TitanError(
          'config.write_failed',
          `Could not lock ${lockPath}: another process is writing the configuration. Retry.`,
        );
      }
      await sleep(Math.min(2 + attempt, 25));
    }
    return await fn();
  } finally {
    db.close();
  }
}

/** Runs `fn` under the lock only if it is free right now; returns whether it ran. */
export function withFileLockIfFree(lockPath: string, fn: () => void): boolean {
  const db = open(lockPath);
  try {
    if (!tryTake(db, lockPath)) return false;
    fn();
    return true;
  } finally {
    db.close();
  }
}
