// Overrides in $TITAN_DATA_DIR/config_override.json: atomic 0600 writes, serialised across processes.
import { readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic-file.ts';
import { withFileLock } from './file-lock.ts';
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

export function createFileOverrideStore(dataDir: string): OverrideStore {
  const file = path.join(dataDir, 'config_override.json');
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
      await withFileLock(`${file}.lock`, async () => {
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
