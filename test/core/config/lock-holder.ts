// A separate process holding the config store's lock, standing for a writer that is mid-write or is SIGKILLed there.
import { finished, printed, spawnTsx } from '../../helpers/spawn-tsx.ts';

export interface LockHolder {
  pid: number;
  /** SIGKILLs the holder while it holds the lock, and waits until it is gone. */
  kill(): Promise<void>;
}

export async function holdLockInChild(dataDir: string): Promise<LockHolder> {
  const child = spawnTsx('test/core/config/fixtures/hold-config-lock.ts', [dataDir]);
  const done = finished(child);
  await printed(child, 'locked');
  return {
    pid: child.pid!,
    async kill() {
      child.kill('SIGKILL');
      const { signal } = await done;
      if (signal !== 'SIGKILL') throw new Error(`lock holder ended with ${signal}, not SIGKILL`);
    },
  };
}
