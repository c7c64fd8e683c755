// The file store: the contract, and what only a file has: 0600 mode, writers serialised by the lock, and temp
// files (one left by a writer killed mid-write holds every secret) removed, one still being written never touched.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileOverrideStore, overridePaths } from '../../../src/core/config/file-override-store.ts';
import { createConfigVault } from '../../../src/core/config/vault.ts';
import { useTmpDirs } from '../../helpers/tmp-dir.ts';
import { holdLockInChild } from './lock-holder.ts';
import { overrideStoreContract } from './override-store-contract.ts';

const tmp = useTmpDirs();

overrideStoreContract('file', () => {
  const dataDir = tmp();
  const { file } = overridePaths(dataDir);
  return {
    open: async () => createFileOverrideStore(dataDir),
    stored: () =>
      readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return null;
        throw err;
      }),
    plant: (text) => writeFile(file, text),
  };
});

describe('file override store', () => {
  it('stores the file with mode 0600, since it holds every secret', async () => {
    const dataDir = tmp();
    await createFileOverrideStore(dataDir).update([{ GEMINI_API_KEY: 'AIza-secret' }]);
    expect(statSync(overridePaths(dataDir).file).mode & 0o777).toBe(0o600);
  });

  it('serialises writers: stores patching different keys at the same moment lose none of them', async () => {
    const dataDir = tmp();
    const patches = [
      { PP_APP_KEY: 'pp' },
      { GEMINI_API_KEY: 'AIza-b' },
      { SLACK_SIGNING_SECRET: 'sig-c' },
      { PP_MAPPING_CODE: 'rest-d' },
    ];
    await Promise.all(patches.map((patch) => createFileOverrideStore(dataDir).update([patch])));
    expect(createFileOverrideStore(dataDir).current()).toEqual(Object.assign({}, ...patches));
  });
});

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
