// manifests/teams is a valid Teams app (manifest v1.17 schema, icon sizes), and `npm run teams:package` zips it with the app id.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { SUGGESTED_PROMPTS } from '../../../src/bot/suggested-prompts.ts';
import { buildAppPackage } from '../../../src/bot/teams/app-package.ts';
import { TitanError } from '../../../src/core/errors.ts';
import { CORPUS } from '../../helpers/corpora.ts';
import { finished, ROOT, spawnTsx } from '../../helpers/spawn-tsx.ts';
import { schemaValidator, TEAMS_MANIFEST_SCHEMA } from './json-schemas.ts';

const DIR = path.join(ROOT, 'manifests/teams');
const APP_ID = '11111111-2222-3333-4444-555555555555';
const validate = schemaValidator(TEAMS_MANIFEST_SCHEMA);
const manifest = JSON.parse(readFileSync(path.join(DIR, 'manifest.json'), 'utf8')) as {
  bots: { botId: string; scopes: string[]; commandLists: { commands: { title: string }[] }[] }[];
  icons: { color: string; outline: string };
};
const readIcon = (name: string) => readFileSync(path.join(DIR, name));

/** Width, height and colour type from a PNG's IHDR chunk. */
function pngHeader(png: Buffer): { width: number; height: number; rgba: boolean } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), rgba: png[25] === 6 };
}

describe('Teams app manifest', () => {
  it('is valid against the Teams manifest v1.17 schema (and the schema check can fail)', CORPUS, () => {
    expect(validate(manifest)).toEqual([]);
    expect(validate({ ...manifest, bots: [{ ...manifest.bots[0], botId: 'not-a-guid' }] })).not.toEqual([]);
    expect(validate({ ...manifest, accentColor: undefined })).not.toEqual([]);
  });

  it('works in channels, group chats and 1:1, and lists the quick prompts as commands', () => {
    const [bot] = manifest.bots;
    expect(bot!.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot!.commandLists[0]!.commands.map((c) => c.title)).toEqual(SUGGESTED_PROMPTS.map((p) => p.title));
  });

  it('ships a 192×192 colour icon and a 32×32 transparent outline icon', () => {
    expect(pngHeader(readIcon(manifest.icons.color))).toEqual({ width: 192, height: 192, rgba: true });
    expect(pngHeader(readIcon(manifest.icons.outline))).toEqual({ width: 32, height: 32, rgba: true });
  });
});

describe('Teams app package', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it(
    'zips the manifest, with the bot app id as app id and bot id, and both icons at the root',
    CORPUS,
    async () => {
      const { zip } = buildAppPackage({ manifest, appId: APP_ID, readIcon });
      const unzipped = await JSZip.loadAsync(zip);
      expect(Object.keys(unzipped.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
      const packed = JSON.parse(await unzipped.file('manifest.json')!.async('string')) as Record<
        string,
        unknown
      >;
      expect(packed).toMatchObject({ id: APP_ID, bots: [expect.objectContaining({ botId: APP_ID })] });
      expect(validate(packed)).toEqual([]);
      expect(await unzipped.file('color.png')!.async('nodebuffer')).toEqual(readIcon('color.png'));
      expect(await unzipped.file('outline.png')!.async('nodebuffer')).toEqual(readIcon('outline.png'));
      // Same inputs, same bytes.
      expect(buildAppPackage({ manifest, appId: APP_ID, readIcon }).zip).toEqual(zip);
    },
  );

  it('refuses to package without a GUID app id, saying how to set one', () => {
    for (const appId of [undefined, 'my-bot']) {
      expect(() => buildAppPackage({ manifest, appId, readIcon })).toThrow(TitanError);
      expect(() => buildAppPackage({ manifest, appId, readIcon })).toThrow(/TEAMS_APP_ID .* PATCH \/config/);
    }
  });

  it('npm run teams:package writes the zip from the configured TEAMS_APP_ID', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'titan-test-'));
    dirs.push(dir);
    const out = path.join(dir, 'titan.zip');
    const run = await finished(
      spawnTsx('scripts/teams-package.ts', ['--out', out], { TITAN_DATA_DIR: dir, TEAMS_APP_ID: APP_ID }),
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(out);
    const packed = await JSZip.loadAsync(readFileSync(out));
    expect(JSON.parse(await packed.file('manifest.json')!.async('string'))).toMatchObject({ id: APP_ID });

    const missing = await finished(
      spawnTsx('scripts/teams-package.ts', ['--out', out], { TITAN_DATA_DIR: dir, TEAMS_APP_ID: '' }),
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('TEAMS_APP_ID must be');
  });
});
