// Overrides in $TITAN_DATA_DIR/config_override.json: atomic 0600 writes, serialised across processes.
import { readFileSync, rmSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { tempFilesOf, writeFileAtomic } from './atomic-file.ts';
import { withFileLock, withFileLockIfFree } from './file-lock.ts';
import { applyPatch } from './merge-patch.ts';
import { type OverrideStore, parseOverrides, serialiseOverrides } from './override-store.ts';
import type { ConfigValues } from './schema.ts';

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Identifies one version of the file; every atomic rename gives a new inode, so a change is never missed. */
function stamp(file: string): string {
  try {
    const s = statSync(file);
    return `${s.mtimeMs}:${s.size}:${s.ino}`;
  } catch {
    return 'absent';
  }
}

/** The store's files in `dataDir`: the overrides, and the lock every writer of them holds. */
export function overridePaths(dataDir: string): { file: string; lock: string } {
  return {
    file: path.join(dataDir, 'config_override.json'),
    lock: path.join(dataDir, 'config_override.lock.db'),
  };
}

export function createFileOverrideStore(dataDir: string): OverrideStore {
  const { file, lock } = overridePaths(dataDir);
  // A writer killed mid-write leaves its temp file, holding every secret. Call only under the lock: each
  // writer holds it for as long as its temp file exists, so a temp file seen then has no live writer.
  const removeDeadWritersTemps = (): void => {
    for (const tmp of tempFilesOf(file)) rmSync(tmp, { force: true });
  };
  // A busy lock means a write is under way: then the next write, by any process, removes them instead.
  if (tempFilesOf(file).length > 0) withFileLockIfFree(lock, removeDeadWritersTemps);
  const read = (): ConfigValues => parseOverrides(readText(file), file);
  let seen = stamp(file);
  let overrides = read();
  return {
    current() {
      const now = stamp(file);
      if (now !== seen) {
        seen = now;
        overrides = read();
      }
      return overrides;
    },
    async update(patches) {
      await mkdir(dataDir, { recursive: true });
      await withFileLock(lock, async () => {
        removeDeadWritersTemps();
        // Re-read under the lock: another process may have written since we last looked.
        const next = patches.reduce(applyPatch, read());
        await writeFileAtomic(file, serialiseOverrides(next));
        seen = stamp(file);
        overrides = next;
      });
      return overrides;
    },
  };
}
