// Values are checked by what consumes them; a bad stored value or a throwing subscriber is named, never fatal.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePatch } from '../../../src/core/config/merge-patch.ts';
import { KEY_NAMES } from '../../../src/core/config/schema.ts';
import { createConfigVault } from '../../../src/core/config/vault.ts';
import { TitanError } from '../../../src/core/errors.ts';
import { everyKeySet } from '../../helpers/config-values.ts';
import { useTmpDirs } from '../../helpers/tmp-dir.ts';

const tmp = useTmpDirs();

const refusal = (patch: Record<string, unknown>): string | null => {
  try {
    validatePatch(patch);
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(TitanError);
    return (err as TitanError).message;
  }
};

describe('configuration values', () => {
  it('caps the length of every key', () => {
    for (const key of KEY_NAMES) expect(refusal({ [key]: 'a'.repeat(70_000) }), key).toContain(key);
  });

  it('reads DIGEST_CRON with croner: out-of-range fields, never-firing and sub-minute schedules are refused', () => {
    expect(refusal({ DIGEST_CRON: '0 25 * * *' })).toContain('hour');
    expect(refusal({ DIGEST_CRON: '99 99 99 99 99' })).toContain('minute');
    expect(refusal({ DIGEST_CRON: '* * * * * *' })).toContain('at most once a minute');
    expect(refusal({ DIGEST_CRON: '*/30 * * * * *' })).toContain('at most once a minute');
    expect(refusal({ DIGEST_CRON: '0 0 30 2 *' })).toContain('never');
    for (const ok of ['0 8 * * *', '30 9 * * 1-5', '0 0 7 * * *', '*/15 * * * *']) {
      expect(refusal({ DIGEST_CRON: ok }), ok).toBeNull();
    }
  });

  it('checks urls, origins, GUIDs and id lists by their shape', () => {
    expect(refusal({ SLACK_API_URL: 'ftp://files.example.com/' })).toContain('SLACK_API_URL');
    expect(refusal({ CORS_ORIGINS: 'https://ops.example.com/admin' })).toContain('CORS_ORIGINS');
    expect(refusal({ TEAMS_APP_ID: 'my-bot' })).toContain('TEAMS_APP_ID');
    expect(refusal({ TITAN_OWNERS: 'U012ABC,Asha Rao' })).toContain('TITAN_OWNERS');
    expect(refusal({ GEMINI_API_KEY: 'AIza key with spaces' })).toContain('GEMINI_API_KEY');
    expect(refusal({ TITAN_OWNERS: 'U012ABC, 29:1abc-def, asha@cafe.example' })).toBeNull();
    expect(refusal({ DIGEST_CHANNELS: 'C0123ABCD,19:abc@thread.tacv2,a:1xYz' })).toBeNull();
  });
});

describe('config vault problems', () => {
  it('blocks a stored value that fails its check (no default shows through) and names it until it is fixed', async () => {
    const dataDir = tmp();
    writeFileSync(
      path.join(dataDir, 'config_override.json'),
      JSON.stringify({ DIGEST_CRON: '0 25 * * *', PP_MAPPING_CODE: 'rest123' }),
    );
    const vault = createConfigVault({ dataDir, env: {} });
    expect(vault.get().DIGEST_CRON).toBeUndefined();
    expect(vault.get().PP_MAPPING_CODE).toBe('rest123');
    expect(vault.problems()).toEqual([
      expect.stringContaining('DIGEST_CRON in config_override.json is invalid'),
    ]);
    expect(vault.problems()[0]).not.toContain('0 25');

    await vault.patch({ DIGEST_CRON: '0 7 * * *' });
    expect(vault.get().DIGEST_CRON).toBe('0 7 * * *');
    expect(vault.problems()).toEqual([]);
  });

  it('keeps writing and notifying when a subscriber throws, names the failure and masks secrets in it', async () => {
    const dataDir = tmp();
    const vault = createConfigVault({ dataDir, env: {} });
    const secrets = everyKeySet();
    const seen: string[][] = [];
    vault.subscribe(() => {
      throw new RangeError(`could not use ${secrets.GEMINI_API_KEY}`);
    });
    vault.subscribe((_values, changed) => seen.push(changed));

    await vault.patch({ GEMINI_API_KEY: secrets.GEMINI_API_KEY });
    expect(seen).toEqual([['GEMINI_API_KEY']]);
    const problems = vault.problems().join('\n');
    expect(problems).toContain('A change to GEMINI_API_KEY could not be applied');
    expect(problems).not.toContain(secrets.GEMINI_API_KEY);
    expect(vault.get().GEMINI_API_KEY).toBe(secrets.GEMINI_API_KEY);
  });
});
