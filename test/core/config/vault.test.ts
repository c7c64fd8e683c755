// The config vault: layers, merge PATCH, validation that writes nothing, change subscribers (the store's own cases are in its contract).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY_NAMES } from '../../../src/core/config/schema.ts';
import { createConfigVault } from '../../../src/core/config/vault.ts';
import { TitanError } from '../../../src/core/errors.ts';
import { everyKeySet, validValue } from '../../helpers/config-values.ts';
import { useTmpDirs } from '../../helpers/tmp-dir.ts';

const tmp = useTmpDirs();

describe('config vault', () => {
  it("keeps every credential when only PP_MAPPING_CODE is patched (the seed's TEST 1)", async () => {
    const dataDir = tmp();
    const vault = createConfigVault({ dataDir, env: {} });
    await vault.patch(everyKeySet());
    const after = await createConfigVault({ dataDir, env: {} }).patch({ PP_MAPPING_CODE: 'rest123' });
    expect(Object.values(after).every((s) => s === 'set')).toBe(true);
    expect(Object.keys(after).sort()).toEqual([...KEY_NAMES].sort());
    expect(vault.get().PP_MAPPING_CODE).toBe('rest123');
    expect(vault.get().GEMINI_API_KEY).toBe(validValue('GEMINI_API_KEY'));
  });

  it('layers defaults < env < override file, and null removes only the override', async () => {
    const dataDir = tmp();
    const vault = createConfigVault({
      dataDir,
      env: { GEMINI_MODEL: 'gemini-env', PP_MAPPING_CODE: 'from-env' },
    });
    expect(vault.get().DIGEST_CRON).toBe('0 8 * * *');
    expect(vault.get().GEMINI_MODEL).toBe('gemini-env');
    await vault.patch({ GEMINI_MODEL: 'gemini-override' });
    expect(vault.get().GEMINI_MODEL).toBe('gemini-override');
    await vault.patch({ GEMINI_MODEL: null });
    expect(vault.get().GEMINI_MODEL).toBe('gemini-env');
    expect(vault.status().GEMINI_API_KEY).toBe('missing');
  });

  it('rejects an unknown key or an invalid value by name and writes nothing', async () => {
    const dataDir = tmp();
    const vault = createConfigVault({ dataDir, env: {} });
    await vault.patch({ PP_APP_KEY: 'key-1' });
    const file = path.join(dataDir, 'config_override.json');
    const before = readFileSync(file, 'utf8');

    const unknown = await vault.patch({ PP_APP_KEY: 'key-2', NOT_A_KEY: 'x' }).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(TitanError);
    expect((unknown as TitanError).code).toBe('config.unknown_key');
    expect((unknown as TitanError).message).toContain('NOT_A_KEY');

    const invalid = await vault
      .patch({ PP_APP_KEY: 'key-3', SLACK_BOT_TOKEN: 'not-a-token' })
      .catch((e: unknown) => e);
    expect((invalid as TitanError).code).toBe('config.invalid');
    expect((invalid as TitanError).message).toContain('SLACK_BOT_TOKEN');
    expect((invalid as TitanError).message).not.toContain('not-a-token');

    const wrongType = await vault.patch({ DAILY_REVENUE_TARGET: 45000 }).catch((e: unknown) => e);
    expect((wrongType as TitanError).message).toContain('DAILY_REVENUE_TARGET');

    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(vault.get().PP_APP_KEY).toBe('key-1');
  });

  it('tells subscribers which keys changed, including changes written by another vault on the same file', async () => {
    const dataDir = tmp();
    const reader = createConfigVault({ dataDir, env: {} });
    const writer = createConfigVault({ dataDir, env: {} });
    const seen: string[][] = [];
    reader.subscribe((_values, changed) => seen.push(changed));
    await reader.patch({ SLACK_SIGNING_SECRET: 'sig-1' });
    await writer.patch({ GEMINI_API_KEY: 'AIza-new' });
    expect(reader.get().GEMINI_API_KEY).toBe('AIza-new');
    expect(seen).toEqual([['SLACK_SIGNING_SECRET'], ['GEMINI_API_KEY']]);
  });

  it('reports an invalid environment value naming the variable', () => {
    expect(() => createConfigVault({ dataDir: tmp(), env: { DIGEST_CRON: 'every morning' } })).toThrow(
      /DIGEST_CRON/,
    );
  });

  it('ignores unknown keys hand-edited into the override file', () => {
    const dataDir = tmp();
    writeFileSync(
      path.join(dataDir, 'config_override.json'),
      JSON.stringify({ OLD_KEY: 'x', PP_APP_KEY: 'k' }),
    );
    expect(createConfigVault({ dataDir, env: {} }).get().PP_APP_KEY).toBe('k');
  });

  it('lists every secret value for masking', async () => {
    const vault = createConfigVault({ dataDir: tmp(), env: {} });
    await vault.patch({ GEMINI_API_KEY: 'AIza-secret-1', PP_MAPPING_CODE: 'rest123' });
    expect(vault.secretValues()).toEqual(['AIza-secret-1']);
  });
});
