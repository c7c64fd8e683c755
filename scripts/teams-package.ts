// `npm run teams:package [-- --app-id <GUID>] [--out <file>]`: zips manifests/teams into the app package to upload to Teams.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildAppPackage } from '../src/bot/teams/app-package.ts';
import { loadConfig } from '../src/core/config/load-config.ts';
import { toTitanError } from '../src/core/errors.ts';

const MANIFEST_DIR = path.resolve(import.meta.dirname, '../manifests/teams');

try {
  const { values } = parseArgs({ options: { 'app-id': { type: 'string' }, out: { type: 'string' } } });
  const { runtime, vault } = loadConfig();
  const out = path.resolve(values.out ?? path.join(runtime.dataDir, 'titan-teams-app.zip'));
  const { manifest, zip } = buildAppPackage({
    manifest: JSON.parse(readFileSync(path.join(MANIFEST_DIR, 'manifest.json'), 'utf8')),
    appId: values['app-id'] ?? vault.get().TEAMS_APP_ID,
    readIcon: (name) => readFileSync(path.join(MANIFEST_DIR, name)),
  });
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, zip);
  console.log(
    `Wrote ${out} (app id ${String(manifest.id)}). Upload it in Teams: Apps → Manage your apps → Upload an app.`,
  );
} catch (err) {
  console.error(toTitanError(err).message);
  process.exitCode = 1;
}
