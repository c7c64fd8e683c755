// Writes a file so readers only ever see the old or the new content: temp file, fsync, rename, fsync dir.
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

const TEMP_ID = /^[0-9a-f]{12}$/;

const tempPrefix = (file: string): string => `.${path.basename(file)}.`;

export async function writeFileAtomic(file: string, content: string, mode = 0o600): Promise<void> {
  const tmp = path.join(path.dirname(file), `${tempPrefix(file)}${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(tmp, 'wx', mode);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  // The rename itself must survive a power cut, so sync the directory entry too.
  const dir = await open(path.dirname(file), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

/**
 * The temp files of `writeFileAtomic(file)` now in its directory: a writer killed before its rename leaves
 * one behind, holding the full new content. A live writer's temp file is listed too, so the caller must
 * know no writer of `file` is mid-write (e.g. hold the lock all writers take) before removing them.
 */
export function tempFilesOf(file: string): string[] {
  const prefix = tempPrefix(file);
  let names: string[];
  try {
    names = readdirSync(path.dirname(file));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return names
    .filter((n) => n.startsWith(prefix) && n.endsWith('.tmp') && TEMP_ID.test(n.slice(prefix.length, -4)))
    .map((n) => path.join(path.dirname(file), n));
}
