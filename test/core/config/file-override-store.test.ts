// The file store's temp files: one left by a writer killed mid-write (it holds every secret) is removed at
// start; one of a writer still writing is never touched.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileOverrideStore, overridePaths } from '../../../src/core/config/file-override-store.ts';
import { createConfigVault } from '../../../src/core/config/vault.ts';
import { useTmpDirs } from '../../helpers/tmp-dir.ts';
import { holdLockInChild } from './lock-holder.ts';

const tmp = useTmpDirs();

/** Plants what `writeFileAtomic` leaves when its writer dies before the rename: a 0600 copy of every secret. */
function plantTemp(dataDir: string): string {
  const temp = path.join(dataDir, '.config_override.json.0123456789ab.tmp');
  writeFileSync(temp, JSON.stringify({ GEMINI_API_KEY: 'AIza-leaked-if-left-behind' }), { mode: 0o600 });
  return temp;
}

describe('file override store temp files', () => {
  it('removes the temp file a SIGKILLed writer left when the store starts, keeping the config', async () => {
    const dataDir = tmp();
    await createConfigVault({ dataDir, env: {} }).patch({
      GEMINI_API_KEY: 'AIza-real',
      PP_MAPPING_CODE: 'rest1',
    });
    const { file } = overridePaths(dataDir);
    const before = readFileSync(file, 'utf8');
    const temp = plantTemp(dataDir);

    const vault = createConfigVault({ dataDir, env: {} });

    expect(existsSync(temp)).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(vault.get().GEMINI_API_KEY).toBe('AIza-real');
    expect(vault.get().PP_MAPPING_CODE).toBe('rest1');
  });

  it('leaves the temp file of a writer still holding the lock, and removes it once that writer is dead', async () => {
    const dataDir = tmp();
    const holder = await holdLockInChild(dataDir);
    const temp = plantTemp(dataDir);
    try {
      createFileOverrideStore(dataDir);
      expect(existsSync(temp)).toBe(true);
    } finally {
      await holder.kill();
    }
    createFileOverrideStore(dataDir);
    expect(existsSync(temp)).toBe(false);
  });

  it('removes a leftover on the next write when the store started while another process was writing', async () => {
    const dataDir = tmp();
    const holder = await holdLockInChild(dataDir);
    const temp = plantTemp(dataDir);
    const store = createFileOverrideStore(dataDir);
    await holder.kill();
    expect(existsSync(temp)).toBe(true);
    await store.update([{ PP_MAPPING_CODE: 'rest2' }]);
    expect(existsSync(temp)).toBe(false);
    expect(store.current().PP_MAPPING_CODE).toBe('rest2');
  });
});
