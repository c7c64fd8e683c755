// A cross-process mutex on a lock file (created atomically by hard link, pid inside), so writers in different processes never interleave.
import { randomBytes } from 'node:crypto';
import { link, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { TitanError } from '../errors.ts';

export interface FileLockOptions {
  /** A holder older than this is presumed crashed and its lock is broken. */
  staleMs?: number;
  /** Give up after this long. */
  timeoutMs?: number;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Breaks the lock if its holder died or held it past `staleMs`; returns whether it did. */
async function breakIfStale(lockPath: string, staleMs: number): Promise<boolean> {
  try {
    const [info, body] = await Promise.all([stat(lockPath), readFile(lockPath, 'utf8')]);
    const pid = Number.parseInt(body, 10);
    const dead = Number.isInteger(pid) && pid > 0 && !processAlive(pid);
    if (dead || Date.now() - info.mtimeMs > staleMs) {
      await rm(lockPath, { force: true });
      return true;
    }
  } catch {
    // The holder released it between our attempts: just retry.
  }
  return false;
}

/** Runs `fn` while holding `lockPath`; the file holds our pid so a SIGKILLed holder is detected. */
export async function withFileLock<T>(
  lockPath: string,
  fn: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const staleMs = options.staleMs ?? 10_000;
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  // The lock file appears with our pid already in it (written to a private file, then hard-linked into place),
  // so a holder killed at any instant leaves a lock whose dead owner is recognised at once.
  const mine = `${lockPath}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(mine, String(process.pid), { mode: 0o600 });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await link(mine, lockPath);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        if (await breakIfStale(lockPath, staleMs)) continue;
        if (Date.now() > deadline) {
          throw new TitanError(
            'config.write_failed',
            `Could not lock ${lockPath}: another writer holds it. Retry.`,
          );
        }
        await sleep(Math.min(2 + attempt, 25));
      }
    }
  } finally {
    await rm(mine, { force: true });
  }
  try {
    return await fn();
  } finally {
    await rm(lockPath, { force: true });
  }
}
