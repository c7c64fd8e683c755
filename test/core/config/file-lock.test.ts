// The config lock in one process: holders never overlap, a waiter gives up with a retry message, a bad path is named.
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { withFileLock, withFileLockIfFree } from '../../../src/core/config/file-lock.ts';
import { TitanError } from '../../../src/core/errors.ts';
import { useTmpDirs } from '../../helpers/tmp-dir.ts';

const tmp = useTmpDirs();

describe('withFileLock', () => {
  it('lets one holder in at a time, also between callers in the same process', async () => {
    const lock = path.join(tmp(), 'x.lock.db');
    let inside = 0;
    let most = 0;
    const hold = () =>
      withFileLock(lock, async () => {
        most = Math.max(most, ++inside);
        await sleep(2);
        inside--;
      });
    await Promise.all(Array.from({ length: 8 }, hold));
    expect(most).toBe(1);
  });

  it('tells a writer that waited too long to retry, and frees the lock when its holder is done', async () => {
    const lock = path.join(tmp(), 'x.lock.db');
    let release = (): void => {};
    const held = withFileLock(lock, () => new Promise<void>((resolve) => (release = resolve)));
    const err = await withFileLock(lock, async () => 'never', { timeoutMs: 20 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TitanError);
    expect((err as TitanError).code).toBe('config.write_failed');
    expect((err as TitanError).message).toMatch(/another process is writing the configuration\. Retry\./);
    expect(withFileLockIfFree(lock, () => {})).toBe(false);
    release();
    await held;
    expect(withFileLockIfFree(lock, () => {})).toBe(true);
  });

  it('names the lock and says what to check when it cannot be opened', async () => {
    const lock = path.join(tmp(), 'missing-dir', 'x.lock.db');
    const err = await withFileLock(lock, async () => 'never').catch((e: unknown) => e);
    expect((err as TitanError).code).toBe('config.write_failed');
    expect((err as TitanError).message).toContain(lock);
    expect((err as TitanError).message).toContain('exists and is writable');
  });
});
